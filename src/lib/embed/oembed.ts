/**
 * oEmbed (https://oembed.com, section 2): which URLs of this site we answer for, and the "rich"
 * response with an iframe. Pure: the endpoint looks the story up and passes the origin.
 */
import { asHtml, asText } from '../format/export-text';
import { embedQuery, parseEmbedOptions } from './options';

export const DEFAULT_WIDTH = 640;
export const DEFAULT_HEIGHT = 560;

export interface OEmbedTarget {
	slug: string;
	/** Canonical embed options carried over from an embed URL ('' for a story page). */
	query: string;
}

const STORY_PATH = /^\/(?:embed\/)?stories\/([^/]+)\/?$/;

/**
 * The story a URL points at, when it is one of ours: same origin (scheme, host and port), path
 * /stories/{slug} or /embed/stories/{slug}. Anything else is null, and nothing is fetched.
 */
export function parseTarget(url: string | null, origin: string): OEmbedTarget | null {
	if (!url) return null;
	let target: URL;
	try {
		target = new URL(url);
	} catch {
		return null;
	}
	if (target.origin !== origin) return null;
	const match = STORY_PATH.exec(target.pathname);
	if (!match) return null;
	let slug: string;
	try {
		slug = decodeURIComponent(match[1]!);
	} catch {
		return null;
	}
	const embed = target.pathname.startsWith('/embed/');
	return { slug, query: embed ? embedQuery(parseEmbedOptions(target.searchParams)) : '' };
}

/** maxwidth/maxheight: a positive integer or nothing. */
export function parseMax(value: string | null): number | null {
	if (value === null || !/^\d{1,6}$/.test(value)) return null;
	const n = Number(value);
	return n > 0 ? n : null;
}

export interface OEmbedResponse {
	type: 'rich';
	version: '1.0';
	title: string;
	provider_name: string;
	provider_url: string;
	cache_age: number;
	html: string;
	width: number;
	height: number;
}

/**
 * The rich response. The iframe fits maxwidth/maxheight (never below a usable minimum unless
 * the consumer's maximum is smaller still); every value inside `html` is escaped.
 */
export function buildOEmbed(input: {
	origin: string;
	slug: string;
	title: string;
	query: string;
	maxWidth: number | null;
	maxHeight: number | null;
}): OEmbedResponse {
	// The consumer's maximum wins even below our comfortable size: it knows its layout.
	const fit = (fallback: number, max: number | null) =>
		max === null ? fallback : Math.min(fallback, max);
	const width = fit(DEFAULT_WIDTH, input.maxWidth);
	const height = fit(DEFAULT_HEIGHT, input.maxHeight);
	const src = `${input.origin}/embed/stories/${encodeURIComponent(input.slug)}${input.query}`;
	const html =
		`<iframe src="${asHtml(src)}" width="${width}" height="${height}" ` +
		`title="${asHtml(input.title)}" loading="lazy" ` +
		`style="border:0;max-width:100%"></iframe>`;
	return {
		type: 'rich',
		version: '1.0',
		title: asText(input.title),
		provider_name: 'Throughline',
		provider_url: `${input.origin}/`,
		cache_age: 3600,
		html,
		width,
		height
	};
}
