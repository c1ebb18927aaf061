/**
 * The embed's HTML document around the rendered component: its own head, inline CSS, and one
 * small deferred script (static/embed-frame.js). No SvelteKit client and no site layout, so a
 * 500-event story stays well under 40 KB gzip.
 */
import { escapeHtml } from '../format/html';
import { textDirection } from '../i18n';
import type { EmbedOptions } from './options';
import rawCss from './embed.css?raw';

// Comments and indentation are dead weight in every response: drop them once.
const CSS = rawCss
	.replace(/\/\*[\s\S]*?\*\//g, '')
	.replace(/\s*\n\s*/g, '')
	.replace(/\s*([{};,])\s*/g, '$1')
	.replace(/:\s+/g, ':');

/**
 * The frame's CSP; the handle appends frame-ancestors (EMBED_FRAME_ANCESTORS). img-src allows
 * https: for events' media images (linked from any site, never fetched by the server).
 */
export const EMBED_CSP =
	"default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data: https:; " +
	"base-uri 'none'; form-action 'none'";

export function embedDocument(input: {
	title: string;
	body: string;
	head?: string;
	options: Pick<EmbedOptions, 'theme' | 'accent'>;
	/** The resolved language (options.lang or the story's): <html lang dir>. */
	lang: string;
	canonical?: string;
}): string {
	const { options } = input;
	// lang, theme and accent are validated by parseEmbedOptions; escaped all the same.
	const accent = options.accent ? ` style="--accent:${escapeHtml(options.accent)}"` : '';
	const canonical = input.canonical
		? `<link rel="canonical" href="${escapeHtml(input.canonical)}">`
		: '';
	return (
		`<!doctype html><html lang="${escapeHtml(input.lang)}" dir="${textDirection(input.lang)}" data-theme="${escapeHtml(options.theme)}"${accent}>` +
		`<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
		`<meta name="robots" content="noindex"><title>${escapeHtml(input.title)}</title>${canonical}` +
		`<style>${CSS}</style>${input.head ?? ''}</head>` +
		`<body>${input.body}<script src="/embed-frame.js" defer></script></body></html>`
	);
}
