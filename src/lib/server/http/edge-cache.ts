/**
 * Headers that let a CDN or an nginx cache keep what every reader of a story fetches alike —
 * embeds, the public story JSON, the follow feeds, oEmbed — and tell it which story each answer
 * belongs to, so a purge by tag (edge-purge.ts) can drop them all when the story changes.
 *
 * - `s-maxage` is for shared caches only; browsers keep their own shorter `max-age`.
 * - `stale-while-revalidate` lets the edge answer at once from an expired copy while it fetches
 *   a fresh one (a breaking story's spike then costs the app one request per answer and
 *   interval); `stale-if-error` keeps the story readable while every instance restarts.
 * - `Cache-Tag` (Cloudflare, Akamai) and `Surrogate-Key` (Fastly, Varnish) carry the same tag.
 *
 * EDGE_CACHE_SECONDS sets s-maxage (default 30): with a purge hook in place it can be long;
 * without one (plain nginx cannot purge by tag) it is the most a reader waits to see an edit.
 */
import { createHash } from 'node:crypto';

const DEFAULT_EDGE_SECONDS = 30;
const STALE_WHILE_REVALIDATE = 60;
const STALE_IF_ERROR = 86_400;

function seconds(raw: string | undefined, fallback: number): number {
	const value = Number(raw);
	return raw !== undefined && raw !== '' && Number.isInteger(value) && value >= 0
		? value
		: fallback;
}

/** The shared caches' lifetime, read at each call so a test or a restart can change it. */
export function edgeSeconds(): number {
	return seconds(process.env.EDGE_CACHE_SECONDS, DEFAULT_EDGE_SECONDS);
}

/** The one tag every cached answer about a story carries; purges name it. */
export function storyTag(storyId: number): string {
	return `story-${storyId}`;
}

/**
 * Cache-Control for an answer shared caches may keep. `browserSeconds` is what a reader's own
 * browser may keep without asking (0 makes it revalidate with the ETag every time).
 */
export function edgeCacheControl(browserSeconds = 0): string {
	const edge = edgeSeconds();
	return [
		'public',
		`max-age=${Math.min(browserSeconds, edge)}`,
		`s-maxage=${edge}`,
		`stale-while-revalidate=${STALE_WHILE_REVALIDATE}`,
		`stale-if-error=${STALE_IF_ERROR}`
	].join(', ');
}

/** The headers of a cacheable answer about one story. */
export function edgeHeaders(storyId: number, browserSeconds = 0): Record<string, string> {
	const tag = storyTag(storyId);
	return {
		'Cache-Control': edgeCacheControl(browserSeconds),
		'Cache-Tag': tag,
		'Surrogate-Key': tag
	};
}

/** A strong ETag of exactly these bytes (a different encoding must get its own). */
export function strongEtag(body: string | Uint8Array): string {
	return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when the request's If-None-Match names this ETag (or is `*`). */
export function matchesEtag(request: Request, etag: string): boolean {
	const header = request.headers.get('if-none-match');
	if (!header) return false;
	return header
		.split(',')
		.map((part) => part.trim())
		.some((part) => part === '*' || part === etag || part === `W/${etag}`);
}

/**
 * A cacheable answer about one story: the body with a strong ETag and the edge headers, or 304
 * when the client (or the edge revalidating) already has these bytes.
 */
export function edgeResponse(
	request: Request,
	storyId: number,
	body: string,
	headers: Record<string, string>,
	browserSeconds = 0
): Response {
	const etag = strongEtag(body);
	const all = { ...headers, ...edgeHeaders(storyId, browserSeconds), ETag: etag };
	if (matchesEtag(request, etag)) return new Response(null, { status: 304, headers: all });
	return new Response(body, { headers: all });
}
