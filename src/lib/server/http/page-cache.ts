/**
 * Rendered story pages, served again to the next reader of the same URL. A story page is a pure
 * function of its URL and its page data (public pages show nothing per reader), so an entry is
 * keyed on the URL and a digest of that data: the data is still loaded for every request (a few
 * queries), and any change to what the page shows changes the key. Nothing needs invalidating,
 * and a page can never be served stale. Rendering and serialising a 500-event story's page took
 * most of its server time (about 100 ms, and over 250 ms while the reader's browser competes for
 * the CPU). The CSP nonce is the one part that differs per response: a fresh one replaces it.
 */
import { randomBytes } from 'node:crypto';
import type { Handle } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { loadStoryPage } from '$lib/server/story/page-data';
import { parseAsof } from '$lib/story/url-state';
import { digestOf } from './digest';
import { countCache } from '$lib/server/log/metrics';

const STORY_ROUTE = '/(public)/stories/[slug]';
/** Bounded by size (PAGE_CACHE_MB, default 32): past it the least recently served pages go. */
function maxBytes(): number {
	const megabytes = Number(env.PAGE_CACHE_MB ?? 32);
	return (Number.isFinite(megabytes) && megabytes >= 0 ? megabytes : 32) * 1_000_000;
}

interface CachedPage {
	/** The page's bytes around each `nonce="…"` (the nonce goes back between them). */
	parts: Buffer[];
	bytes: number;
	headers: [string, string][];
	nonce: string | null;
}

const pages = new Map<string, CachedPage>();
let bytes = 0;

function remember(key: string, page: CachedPage) {
	const limit = maxBytes();
	// A page over a quarter of the budget is not kept: it would push out most of the others.
	if (page.bytes > limit / 4) return;
	pages.set(key, page);
	bytes += page.bytes;
	for (const [oldest, old] of pages) {
		if (bytes <= limit) break;
		pages.delete(oldest);
		bytes -= old.bytes;
	}
}

function recall(key: string): CachedPage | undefined {
	const page = pages.get(key);
	if (page) {
		// Most recently served last, so eviction takes the coldest.
		pages.delete(key);
		pages.set(key, page);
	}
	return page;
}

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

function keep(html: string, headers: [string, string][], nonce: string | null): CachedPage {
	const parts = (nonce ? html.split(`nonce="${nonce}"`) : [html]).map((part) => Buffer.from(part));
	return { parts, bytes: parts.reduce((sum, part) => sum + part.byteLength, 0), headers, nonce };
}

function respond(page: CachedPage): Response {
	const headers = new Headers(page.headers);
	const nonce = randomBytes(16).toString('base64');
	const csp = headers.get('content-security-policy');
	if (csp && page.nonce)
		headers.set(
			'content-security-policy',
			csp.replace(`'nonce-${page.nonce}'`, `'nonce-${nonce}'`)
		);
	const attribute = Buffer.from(`nonce="${nonce}"`);
	const body = Buffer.concat(page.parts.flatMap((part, i) => (i ? [attribute, part] : [part])));
	headers.set('content-length', String(body.byteLength));
	return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), { headers });
}

export const storyPageCache: Handle = async ({ event, resolve }) => {
	if (
		env.PAGE_CACHE === 'off' ||
		event.request.method !== 'GET' ||
		event.route.id !== STORY_ROUTE ||
		event.isDataRequest
	) {
		return resolve(event);
	}
	const loaded = await loadStoryPage(
		event.params.slug!,
		parseAsof(event.url.searchParams).asof,
		event.url.origin
	);
	// Unknown stories go through the page's own load, which answers 404.
	if (!loaded) return resolve(event);
	event.locals.storyPage = loaded;
	const key = `${event.url.href}\n${digestOf(loaded.data)}`;

	const cached = recall(key);
	countCache('page', cached ? 'hit' : 'miss');
	if (cached) return respond(cached);

	const response = await resolve(event);
	if (response.status !== 200 || response.headers.has('set-cookie')) return response;
	const html = await response.text();
	const headers = [...response.headers].filter(([name]) => name !== 'etag');
	const csp = response.headers.get('content-security-policy');
	remember(key, keep(html, headers, (csp && NONCE.exec(csp)?.[1]) || null));
	return new Response(html, { status: response.status, headers: response.headers });
};
