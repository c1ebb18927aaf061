/**
 * Request rate limits for the doors anyone can knock on: article ingest and imports (writes that
 * parse large bodies), the public JSON API and oEmbed. A token bucket per client network (an
 * IPv4 address, an IPv6 /64) and kind, kept in this process's memory: each instance limits on
 * its own, so behind N instances a client gets up to N times the rate. Over the limit the answer
 * is 429 with Retry-After. Defaults are generous; RATE_LIMIT=off turns every limit off (benches),
 * and RATE_LIMIT_API, RATE_LIMIT_INGEST and RATE_LIMIT_OEMBED set requests per minute.
 */
import { json, type Handle, type RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { addressGroup } from '../auth/throttle';

export type LimitKind = 'api' | 'ingest' | 'oembed';

export const DEFAULT_PER_MINUTE: Record<LimitKind, number> = { api: 600, ingest: 120, oembed: 300 };
const ENV_NAMES: Record<LimitKind, string> = {
	api: 'RATE_LIMIT_API',
	ingest: 'RATE_LIMIT_INGEST',
	oembed: 'RATE_LIMIT_OEMBED'
};
/** Buckets kept at most; past it the least recently used go (a full bucket is no loss). */
const MAX_BUCKETS = 50_000;

/** Which limit a request counts against, if any. */
export function limitKind(method: string, pathname: string): LimitKind | null {
	if (method === 'OPTIONS') return null;
	if (pathname === '/oembed') return 'oembed';
	if (pathname !== '/api/v1' && !pathname.startsWith('/api/v1/')) return null;
	const write = method !== 'GET' && method !== 'HEAD';
	if (write && (pathname === '/api/v1/articles' || pathname.startsWith('/api/v1/import/')))
		return 'ingest';
	return write ? null : 'api';
}

interface Bucket {
	tokens: number;
	at: number;
}

/** A token bucket per key: `perMinute` requests a minute, in bursts of up to `perMinute`. */
export function rateLimiter(maxBuckets = MAX_BUCKETS) {
	const buckets = new Map<string, Bucket>();
	return {
		/** 0 when the request may go ahead (and is counted), else the seconds to wait. */
		take(key: string, perMinute: number, now = Date.now()): number {
			const perMs = perMinute / 60_000;
			const old = buckets.get(key);
			const tokens = old ? Math.min(perMinute, old.tokens + (now - old.at) * perMs) : perMinute;
			buckets.delete(key);
			if (tokens < 1) {
				buckets.set(key, { tokens, at: now });
				return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
			}
			buckets.set(key, { tokens: tokens - 1, at: now });
			if (buckets.size > maxBuckets) buckets.delete(buckets.keys().next().value!);
			return 0;
		},
		get size() {
			return buckets.size;
		}
	};
}

/** Requests per minute for a kind from the environment, or null when limits are off. */
export function configuredLimit(kind: LimitKind, environment: Record<string, string | undefined>) {
	if (environment.RATE_LIMIT === 'off') return null;
	const value = Number(environment[ENV_NAMES[kind]]);
	return Number.isFinite(value) && value > 0 ? value : DEFAULT_PER_MINUTE[kind];
}

const limiter = rateLimiter();

function clientNetwork(event: RequestEvent): string {
	try {
		return addressGroup(event.getClientAddress());
	} catch {
		return 'unknown';
	}
}

/**
 * Counts one request of `kind` from a client network (addressGroup): 0 when it may go ahead,
 * else the seconds to wait. The fast path (fast-path.ts) counts through here too.
 */
export function rateLimitWait(kind: LimitKind, network: string): number {
	const perMinute = configuredLimit(kind, env);
	return perMinute ? limiter.take(`${kind} ${network}`, perMinute) : 0;
}

export const rateLimit: Handle = async ({ event, resolve }) => {
	const kind = limitKind(event.request.method, event.url.pathname);
	const perMinute = kind && configuredLimit(kind, env);
	if (!kind || !perMinute) return resolve(event);
	const wait = rateLimitWait(kind, clientNetwork(event));
	if (wait === 0) return resolve(event);
	return json(
		{ error: `Too many requests: at most ${perMinute} a minute. Try again in ${wait} s.` },
		{ status: 429, headers: { 'retry-after': String(wait) } }
	);
};
