/**
 * Rendered story pages, served again to the next reader of the same URL. A story page is a pure
 * function of its URL and its page data (public pages show nothing per reader). An entry
 * remembers a digest of the data it was rendered from and the story's change stamp
 * (live/listener.ts: LISTEN on story_changes counts each story's announced changes). While the
 * stamp is unchanged and the entry was checked less than PAGE_CACHE_CHECK_MS ago (default
 * 2,000), it is served without touching the database; otherwise the data is loaded again and
 * compared by digest, so what no notification announces (a story's own title, a removed event)
 * shows within that bound, and an announced change at once. Losing LISTEN (a database outage)
 * changes every stamp. Rendering and serialising a 500-event story's page took most of its
 * server time (about 100 ms); loading its data took 5 queries per request.
 *
 * The CSP nonce is the one part that differs per response: the page is kept as bytes around
 * each `nonce="…"`, plain, gzip- and brotli-compressed (each piece compressed so that a fresh
 * nonce goes between them uncompressed; http/gzip-parts.ts, http/brotli-parts.ts), so a hit
 * re-encodes nothing. The fast path (fast-path.ts) serves kept pages the same way.
 */
import { randomBytes } from 'node:crypto';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { loadStoryPage } from '$lib/server/story/page-data';
import { parseAsof } from '$lib/story/url-state';
import { digestOf } from './digest';
import { countCache } from '$lib/server/log/metrics';
import {
	changeStamp,
	changeToken,
	changedSince,
	followChanges,
	type ChangeToken
} from '$lib/server/live/listener';
import { addVary, chooseEncoding } from './compress';
import { deflateParts, gzipChunks, type GzipParts } from './gzip-parts';
import { offerPage } from './fast-path';
import { brotliChunks, brotliParts, type BrotliParts } from './brotli-parts';
import { log } from '$lib/server/log/logger';

const STORY_ROUTE = '/(public)/stories/[slug]';
/** Bounded by size (PAGE_CACHE_MB, default 32): past it the least recently served pages go. */
function maxBytes(): number {
	const megabytes = Number(env.PAGE_CACHE_MB ?? 32);
	return (Number.isFinite(megabytes) && megabytes >= 0 ? megabytes : 32) * 1_000_000;
}

/** How long a kept page is served on its change stamp alone (PAGE_CACHE_CHECK_MS). */
function checkMs(): number {
	const ms = Number(env.PAGE_CACHE_CHECK_MS ?? 2_000);
	return Number.isFinite(ms) && ms >= 0 ? ms : 2_000;
}

interface CachedPage {
	/** The page's bytes around each `nonce="…"` (the nonce goes back between them). */
	parts: Buffer[];
	gzip: GzipParts;
	/** Brotli, once made (in the background, after the first answer); absent if it failed. */
	br?: BrotliParts;
	bytes: number;
	headers: [string, string][];
	nonce: string | null;
	storyId: number;
	/** Of the data it was rendered from. */
	digest: string;
	/** The story's change stamp when the data was last found unchanged, and when. */
	stamp: string | undefined;
	checkedAt: number;
}

const pages = new Map<string, CachedPage>();
let bytes = 0;

function remember(key: string, page: CachedPage) {
	const limit = maxBytes();
	// A page over a quarter of the budget is not kept: it would push out most of the others.
	if (page.bytes > limit / 4) return;
	const old = pages.get(key);
	if (old) {
		pages.delete(key);
		bytes -= old.bytes;
	}
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

function keep(
	html: string,
	headers: [string, string][],
	nonce: string | null,
	facts: Pick<CachedPage, 'storyId' | 'digest' | 'stamp' | 'checkedAt'>
): CachedPage {
	const parts = (nonce ? html.split(`nonce="${nonce}"`) : [html]).map((part) => Buffer.from(part));
	const gzip = deflateParts(parts);
	const page: CachedPage = {
		parts,
		gzip,
		bytes: size(parts) + size(gzip.deflated),
		headers,
		nonce,
		...facts
	};
	if (nonce) addBrotli(page);
	return page;
}

const size = (list: Buffer[]) => list.reduce((sum, part) => sum + part.byteLength, 0);
/** `nonce="` + a 16-byte nonce in base64 (24 characters, the last two `==`) + `"`. */
const ATTRIBUTE_LENGTH = 32;

/**
 * Brotli is a fifth smaller than gzip on a story page (5,000 events: under 300 KB on the wire,
 * where gzip took 335 KB), and takes longer to make: made on libuv's threads after the page's
 * first answer, which goes out gzipped.
 */
function addBrotli(page: CachedPage): void {
	brotliParts(page.parts, ATTRIBUTE_LENGTH, '=="').then(
		(br) => {
			if (!br) {
				log.warn({ storyId: page.storyId }, 'page cache: brotli check failed, serving gzip');
				return;
			}
			page.br = br;
			const added = size(br.compressed);
			page.bytes += added;
			if ([...pages.values()].includes(page)) bytes += added;
		},
		(error: unknown) => log.warn({ err: error }, 'page cache: brotli failed, serving gzip')
	);
}

/** The page's bytes carrying `nonce`, gzip-encoded or plain, as chunks to send in order. */
function render(page: CachedPage, encoding: string | null, nonce: string): Buffer[] {
	const attribute = Buffer.from(`nonce="${nonce}"`);
	if (encoding === 'gzip') return gzipChunks(page.gzip, attribute);
	if (encoding === 'br' && page.br) return brotliChunks(page.br, attribute);
	return page.parts.flatMap((part, i) => (i ? [attribute, part] : [part]));
}

function respond(page: CachedPage, request: Request): Response {
	const headers = new Headers(page.headers);
	const nonce = randomBytes(16).toString('base64');
	const csp = headers.get('content-security-policy');
	if (csp && page.nonce)
		headers.set(
			'content-security-policy',
			csp.replace(`'nonce-${page.nonce}'`, `'nonce-${nonce}'`)
		);
	addVary(headers);
	const encoding = chooseEncoding(
		request.headers.get('accept-encoding'),
		page.br ? ['br', 'gzip'] : ['gzip']
	);
	const body = Buffer.concat(render(page, encoding, nonce));
	if (encoding) headers.set('content-encoding', encoding);
	headers.set('content-length', String(body.byteLength));
	// The fast path serves this page again, each time with a nonce of its own.
	if (page.nonce) {
		offerPage(request, page.storyId, {
			nonce,
			encodings: page.br ? [null, 'gzip', 'br'] : [null, 'gzip'],
			bytes: page.bytes,
			render: (encoding, fresh) => render(page, encoding, fresh)
		});
	}
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
	const key = event.url.href;
	const kept = recall(key);
	if (kept) {
		const stamp = changeStamp(kept.storyId);
		if (stamp !== undefined && stamp === kept.stamp && Date.now() - kept.checkedAt < checkMs()) {
			countCache('page', 'hit');
			return respond(kept, event.request);
		}
	}
	// Readers arriving while another request reloads this page wait for its result, unless a
	// change was announced since that reload began: under a spike, an edit would otherwise have
	// every waiting reader load and render the page at once.
	const running = inflight.get(key);
	if (running && unchangedSince(running.token, kept?.storyId)) {
		const page = await running.done;
		if (page) {
			countCache('page', 'hit');
			return respond(page, event.request);
		}
	}
	const token = changeToken();
	let settle: (page: CachedPage | undefined) => void = () => {};
	const done = new Promise<CachedPage | undefined>((resolve) => (settle = resolve));
	inflight.set(key, { token, done });
	try {
		const { response, page } = await reload(key, kept, event, resolve);
		settle(page);
		return response;
	} catch (error) {
		settle(undefined);
		throw error;
	} finally {
		if (inflight.get(key)?.done === done) inflight.delete(key);
	}
};

const inflight = new Map<
	string,
	{ token: ChangeToken | undefined; done: Promise<CachedPage | undefined> }
>();

function unchangedSince(token: ChangeToken | undefined, storyId: number | undefined): boolean {
	if (!token) return false;
	if (storyId !== undefined) return !changedSince(storyId, token);
	const now = changeToken();
	return now?.epoch === token.epoch && now.sequence === token.sequence;
}

/** Loads the page's data again; renders it when it changed. */
async function reload(
	key: string,
	kept: CachedPage | undefined,
	event: RequestEvent,
	resolve: Parameters<Handle>[0]['resolve']
): Promise<{ response: Response; page?: CachedPage }> {
	// Taken before loading: a change announced while the data loads makes the next request check.
	const before = kept ? changeStamp(kept.storyId) : undefined;
	followChanges();
	const loaded = await loadStoryPage(
		event.params.slug!,
		parseAsof(event.url.searchParams).asof,
		event.url.origin
	);
	// Unknown stories go through the page's own load, which answers 404.
	if (!loaded) return { response: await resolve(event) };
	const storyId = loaded.data.story.id;
	const stamp = kept?.storyId === storyId ? before : undefined;
	const digest = digestOf(loaded.data);
	if (kept && kept.digest === digest) {
		kept.stamp = stamp ?? changeStamp(storyId);
		kept.checkedAt = Date.now();
		countCache('page', 'hit');
		return { response: respond(kept, event.request), page: kept };
	}
	countCache('page', 'miss');
	event.locals.storyPage = loaded;
	const response = await resolve(event);
	if (response.status !== 200 || response.headers.has('set-cookie')) return { response };
	const html = await response.text();
	const headers = [...response.headers].filter(([name]) => name !== 'etag');
	const csp = response.headers.get('content-security-policy');
	const page = keep(html, headers, (csp && NONCE.exec(csp)?.[1]) || null, {
		storyId,
		digest,
		stamp: stamp ?? changeStamp(storyId),
		checkedAt: Date.now()
	});
	remember(key, page);
	return { response: respond(page, event.request), page };
}
