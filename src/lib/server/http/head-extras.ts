import type { Handle } from '@sveltejs/kit';
import { textDirection } from '$lib/i18n/locales';
import { insertBefore } from './splice';

const HTML_OPEN = '<html lang="en">';
const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * Markup a page's load puts in `locals.headHtml` (the story's JSON-LD) goes into the served
 * HTML's head here, on the server only: it is for crawlers, so it need not travel again as page
 * data nor be rebuilt in the browser while the page hydrates (20 ms at 500 events).
 */
export const headExtras: Handle = async ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => {
			html = withLanguage(html, event.locals.pageLang);
			const extra = event.locals.headHtml;
			if (!extra || !html.includes('</head>')) return html;
			event.locals.headHtml = undefined;
			return insertBefore(html, '</head>', extra);
		}
	});

/**
 * A page's load sets `locals.pageLang` (a story's reader language, a desk user's interface
 * language); the document's `<html>` then carries that `lang` and its `dir`, so screen readers
 * pick the voice and Arabic pages run right to left from the first paint.
 */
export function withLanguage(html: string, tag: string | undefined): string {
	if (!tag || tag === 'en' || !LANG_TAG.test(tag) || !html.startsWith('<!doctype html>'))
		return html;
	const at = html.indexOf(HTML_OPEN);
	if (at < 0 || at > 40) return html;
	const open = `<html lang="${tag}" dir="${textDirection(tag)}">`;
	return html.slice(0, at) + open + html.slice(at + HTML_OPEN.length);
}
