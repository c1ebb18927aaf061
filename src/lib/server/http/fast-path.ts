/**
 * The fast path: answers that every signed-out reader of a URL gets alike (a story page, its
 * embed, its public JSON, its feeds) are kept here as the exact bytes SvelteKit sent, and scripts/start.js
 * answers the next such request from this registry on the raw Node request, before adapter-node
 * and SvelteKit see it. SvelteKit's own per-request work (building a Request, the hooks, the
 * route) capped even /healthz at about 1,200 req/s on the bench machine, a twentieth of a bare
 * Node server sending the same bytes (bench/README.md).
 *
 * What SvelteKit answered is what the fast path answers: the headers after every hook (security
 * headers and CSP, cache headers, Cache-Tag, ETag, Vary), per Accept-Encoding value as sent.
 * An entry is valid while no change to its story has been announced since just before
 * SvelteKit built the answer (live/listener.ts changedSince: the story_changes NOTIFY, which
 * since migration 00008 covers the story's own row and removals), and for PAGE_CACHE_CHECK_MS
 * at most (default 2 s), after which SvelteKit answers once and its caches check their data
 * again. Anything else falls through to SvelteKit: other routes, writes, a request carrying a
 * session cookie or an Authorization header (staff can read drafts), an answer that set a
 * cookie or is private, a data request.
 *
 * Kept per request, as SvelteKit's hooks do: a fresh X-Request-Id (or the caller's), one access
 * log line, the request-duration metric under the route id, If-None-Match → 304, HEAD, the
 * public API's rate limit. A story page carries a CSP nonce: it is kept as the page cache keeps
 * it (page-cache.ts, bytes around each nonce), and each answer gets a nonce of its own.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handle } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { changeToken, changedSince, followChanges, type ChangeToken } from '../live/listener';
import { log } from '../log/logger';
import { countCache, observeRequest } from '../log/metrics';
import { requestIdFor } from '../log/request';
import { matchesEtag } from './edge-cache';
import { rateLimitWait, type LimitKind } from './rate-limit';
import { addressGroup } from '../auth/throttle';

type CacheName = 'page' | 'embed' | 'story-json';

/** The routes whose answers are kept, and the cache each counts under in /metrics. */
const ROUTES: Record<string, { cache: CacheName | null; limit: LimitKind | null }> = {
	'/(public)/stories/[slug]': { cache: 'page', limit: null },
	'/embed/stories/[slug]': { cache: 'embed', limit: null },
	'/api/v1/stories/[id]': { cache: 'story-json', limit: 'api' },
	// Built afresh per request by SvelteKit (half a second at 500 events on the bench machine).
	'/(public)/stories/[slug]/feed.atom': { cache: null, limit: null },
	'/(public)/stories/[slug]/feed.json': { cache: null, limit: null }
};

/** A kept page's body for any nonce (page-cache.ts). */
export interface NonceBody {
	/** The nonce in the answer being kept (its CSP names it). */
	nonce: string;
	/** The Content-Encodings `render` makes (null: none). */
	encodings: (string | null)[];
	/** The memory it holds (counted against the registry's budget). */
	bytes: number;
	/** The body for `encoding` (the answer's Content-Encoding, or null) carrying `nonce`. */
	render(encoding: string | null, nonce: string): Buffer[];
}

interface Entry {
	route: string;
	cache: CacheName | null;
	limit: LimitKind | null;
	storyId: number;
	token: ChangeToken;
	at: number;
	/** When a request last went through to SvelteKit to check an entry past its age. */
	checking: number;
	/** Every header SvelteKit sent but the per-response ones (CSP apart for pages). */
	headers: [string, string][];
	csp: string | null;
	etag: string | null;
	encoding: string | null;
	body: Buffer | NonceBody;
}

/** Bounded by count; past it the least recently kept go (their bytes are mostly shared). */
const MAX_ENTRIES = 1_000;
/** How long the requests checking an entry past its age are waited for before another goes. */
const CHECK_PATIENCE_MS = 1_000;
const PER_RESPONSE = new Set(['x-request-id', 'content-length', 'date', 'connection']);
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?throughline_session=/;

interface Registry {
	entries: Map<string, Entry>;
	/** What the entries' bodies hold, in bytes. */
	bytes: number;
	serve(request: IncomingMessage, response: ServerResponse): boolean;
}

/** How long an entry is served on its change token alone (as the page cache's check). */
function maxAgeMs(): number {
	const ms = Number(env.PAGE_CACHE_CHECK_MS ?? 2_000);
	return Number.isFinite(ms) && ms >= 0 ? ms : 2_000;
}

// The Atom feed's type follows Accept (a browser gets XML that its stylesheet makes a page of:
// feeds/atom.ts), so its answers are kept per Accept value as sent.
const VARIES_BY_ACCEPT = /^[^?]*\/feed\.atom(?:\?|$)/;

/** The registry's key: what, on which host, in which encodings (and for the feed, types). */
export function keyOf(
	host: string | undefined,
	path: string,
	acceptEncoding: string | undefined,
	accept: string | undefined
) {
	const key = `${host ?? ''} ${path} ${(acceptEncoding ?? '').replace(/\s+/g, '').toLowerCase()}`;
	return VARIES_BY_ACCEPT.test(path) ? `${key} ${accept ?? ''}` : key;
}

/** As adapter-node's getClientAddress (ADDRESS_HEADER, XFF_DEPTH); undefined when it cannot. */
function clientAddress(request: IncomingMessage): string | undefined {
	const header = (process.env.ADDRESS_HEADER ?? '').toLowerCase();
	if (!header) return request.socket.remoteAddress;
	const value = request.headers[header];
	if (typeof value !== 'string') return undefined;
	if (header !== 'x-forwarded-for') return value;
	const addresses = value.split(',');
	const depth = parseInt(process.env.XFF_DEPTH ?? '1');
	if (!(depth >= 1) || depth > addresses.length) return undefined;
	return addresses[addresses.length - depth]!.trim();
}

function serve(request: IncomingMessage, response: ServerResponse): boolean {
	const started = performance.now();
	const method = request.method;
	if ((method !== 'GET' && method !== 'HEAD') || registry.entries.size === 0) return false;
	const url = request.url ?? '';
	const { headers } = request;
	if (!url.startsWith('/') || headers.authorization) return false;
	if (headers.cookie && SESSION_COOKIE.test(headers.cookie)) return false;
	const key = keyOf(headers.host, url, headers['accept-encoding'], headers.accept);
	const entry = registry.entries.get(key);
	if (!entry) return false;
	if (changedSince(entry.storyId, entry.token)) {
		drop(key);
		return false;
	}
	// Past its age, one request goes through to SvelteKit, whose answer replaces the entry; the
	// others are served meanwhile (within a second), as a kept page was before its check.
	const now = Date.now();
	if (now - entry.at >= maxAgeMs() && now - entry.checking >= CHECK_PATIENCE_MS) {
		entry.checking = now;
		return false;
	}
	if (entry.limit) {
		const address = clientAddress(request);
		// Over the limit (or no address to count): SvelteKit answers, with its 429.
		if (address === undefined || rateLimitWait(entry.limit, addressGroup(address)) > 0)
			return false;
	}

	const requestId = requestIdFor(
		typeof headers['x-request-id'] === 'string' ? headers['x-request-id'] : null
	);
	const out: string[] = [];
	for (const [name, value] of entry.headers) out.push(name, value);
	out.push('x-request-id', requestId);
	let chunks: Buffer[] = [];
	let status = 200;
	if (entry.etag && matchesEtag(fakeRequest(headers), entry.etag)) {
		status = 304;
	} else if (Buffer.isBuffer(entry.body)) {
		chunks = [entry.body];
		if (entry.csp) out.push('content-security-policy', entry.csp);
	} else {
		const nonce = randomBytes(16).toString('base64');
		chunks = entry.body.render(entry.encoding, nonce);
		out.push(
			'content-security-policy',
			entry.csp!.replace(`'nonce-${entry.body.nonce}'`, `'nonce-${nonce}'`)
		);
	}
	let bytes = 0;
	for (const chunk of chunks) bytes += chunk.byteLength;
	if (status === 200) {
		if (entry.encoding) out.push('content-encoding', entry.encoding);
		out.push('content-length', String(bytes));
	}
	response.writeHead(status, out);
	if (method === 'HEAD' || status === 304) response.end();
	else {
		response.cork();
		for (const chunk of chunks) response.write(chunk);
		response.end();
		response.uncork();
	}

	const ms = performance.now() - started;
	if (entry.cache) countCache(entry.cache, 'hit');
	observeRequest(method, entry.route, status, ms / 1000);
	log.info(
		{
			requestId,
			method,
			route: entry.route,
			path: url.split('?')[0],
			status,
			ms: Math.round(ms * 10) / 10,
			bytes: status === 200 ? bytes : 0,
			fast: true
		},
		'request'
	);
	return true;
}

/** Enough of a Request for matchesEtag. */
function fakeRequest(headers: IncomingMessage['headers']): Request {
	const value = headers['if-none-match'];
	return {
		headers: { get: () => (typeof value === 'string' ? value : null) }
	} as unknown as Request;
}

/** On globalThis: scripts/start.js reads it, outside the bundle. */
const global = globalThis as typeof globalThis & { __throughlineFastPath?: Registry };
const registry: Registry = (global.__throughlineFastPath ??= {
	entries: new Map(),
	bytes: 0,
	serve
});
registry.bytes ??= 0;
registry.serve = serve;

/** Story pages hand their nonce-free body here (page-cache.ts), for this request's answer. */
const offered = new WeakMap<Request, { storyId: number; body: NonceBody }>();

export function offerPage(request: Request, storyId: number, body: NonceBody): void {
	offered.set(request, { storyId, body });
}

const sizeOf = (entry: Entry) =>
	Buffer.isBuffer(entry.body) ? entry.body.byteLength : entry.body.bytes;

/**
 * Bounded by count and by memory (PAGE_CACHE_MB, default 32, as the page cache: a kept page's
 * bytes are the page cache's own, but an entry keeps them alive after the page cache let go).
 */
function maxBytes(): number {
	const megabytes = Number(env.PAGE_CACHE_MB ?? 32);
	return (Number.isFinite(megabytes) && megabytes >= 0 ? megabytes : 32) * 1_000_000;
}

function drop(key: string): void {
	const entry = registry.entries.get(key);
	if (!entry) return;
	registry.entries.delete(key);
	registry.bytes -= sizeOf(entry);
}

function keep(key: string, entry: Entry): void {
	const budget = maxBytes();
	drop(key);
	if (sizeOf(entry) > budget / 4) return;
	registry.entries.set(key, entry);
	registry.bytes += sizeOf(entry);
	for (const oldest of registry.entries.keys()) {
		if (registry.entries.size <= MAX_ENTRIES && registry.bytes <= budget) break;
		drop(oldest);
	}
}

/** The story a Cache-Tag names (edge-cache.ts storyTag). */
function taggedStory(response: Response): number | undefined {
	const match = /^story-(\d+)$/.exec(response.headers.get('cache-tag') ?? '');
	return match ? Number(match[1]) : undefined;
}

/** Only Accept-Encoding may vary what a kept answer holds (and Accept, where the key has it). */
function variesOnlyByKey(response: Response, path: string): boolean {
	const vary = response.headers.get('vary');
	const keyed = VARIES_BY_ACCEPT.test(path) ? ['accept-encoding', 'accept'] : ['accept-encoding'];
	return !vary || vary.split(',').every((name) => keyed.includes(name.trim().toLowerCase()));
}

/**
 * The outermost handle: fills the registry with answers for signed-out readers of the kept
 * routes. Its change token is taken before anything is loaded, so a change announced while the
 * answer was built makes the entry stale at once.
 */
export const fastPathFill: Handle = async ({ event, resolve }) => {
	const route = event.route.id ? ROUTES[event.route.id] : undefined;
	const request = event.request;
	if (
		!route ||
		env.FAST_PATH === 'off' ||
		request.method !== 'GET' ||
		event.isDataRequest ||
		request.headers.has('authorization') ||
		SESSION_COOKIE.test(request.headers.get('cookie') ?? '')
	) {
		return resolve(event);
	}
	followChanges();
	const token = changeToken();
	const response = await resolve(event);
	const page = offered.get(request);
	const storyId = page?.storyId ?? taggedStory(response);
	const cacheControl = response.headers.get('cache-control') ?? '';
	if (
		!token ||
		storyId === undefined ||
		event.locals.user ||
		response.status !== 200 ||
		response.headers.has('set-cookie') ||
		/\b(?:private|no-store)\b/i.test(cacheControl) ||
		!variesOnlyByKey(response, event.url.pathname) ||
		(route.cache === 'page' &&
			!page?.body.encodings.includes(response.headers.get('content-encoding')))
	) {
		return response;
	}
	const headers: [string, string][] = [];
	for (const [name, value] of response.headers) {
		if (
			!PER_RESPONSE.has(name) &&
			name !== 'content-security-policy' &&
			name !== 'content-encoding'
		)
			headers.push([name, value]);
	}
	let body: Buffer | NonceBody;
	let answer = response;
	if (page) {
		body = page.body;
	} else {
		body = Buffer.from(await response.arrayBuffer());
		answer = new Response(new Uint8Array(body), {
			status: response.status,
			headers: response.headers
		});
	}
	const url = new URL(request.url);
	keep(
		keyOf(
			request.headers.get('host') ?? undefined,
			url.pathname + url.search,
			request.headers.get('accept-encoding') ?? undefined,
			request.headers.get('accept') ?? undefined
		),
		{
			route: event.route.id!,
			cache: route.cache,
			limit: route.limit,
			storyId,
			token,
			at: Date.now(),
			checking: 0,
			headers,
			csp: response.headers.get('content-security-policy'),
			etag: response.headers.get('etag'),
			encoding: response.headers.get('content-encoding'),
			body
		}
	);
	return answer;
};

/** Drops every kept answer (tests; PAGE_CACHE changes). */
export function clearFastPath(): void {
	registry.entries.clear();
	registry.bytes = 0;
}
