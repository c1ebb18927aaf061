/**
 * Fetches a feed the careful way: http(s) only, every address checked before we connect (on
 * every redirect hop, which we follow ourselves, at most five), a byte cap enforced while
 * streaming, a time limit on the whole exchange, and conditional GET (ETag / Last-Modified).
 */
import dns from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import net, { type LookupFunction } from 'node:net';
import { addressPolicy, privateAllowedByConfig } from './address-policy';

export const MAX_FEED_BYTES = 5 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 15_000;
export const MAX_REDIRECTS = 5;

/** A failure with a message an editor can act on. */
export class FeedFetchError extends Error {
	constructor(
		message: string,
		readonly httpStatus: number | null = null
	) {
		super(message);
		this.name = 'FeedFetchError';
	}
}

export interface FetchOptions {
	etag?: string | null;
	lastModified?: string | null;
	/** Connect to private/loopback addresses too (default: FEEDS_ALLOW_PRIVATE=1). */
	allowPrivate?: boolean;
	/** Overrides the address rule (tests: treat loopback as if it were public). */
	isAllowedAddress?: (address: string) => boolean;
	maxBytes?: number;
	timeoutMs?: number;
	/** Aborts the fetch early (the poller stopping). */
	signal?: AbortSignal;
}

export type FetchResult =
	| { status: 304; url: string }
	| {
			status: number;
			url: string;
			body: Buffer;
			contentType: string | null;
			etag: string | null;
			lastModified: string | null;
	  };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Fetches `url`; throws FeedFetchError for anything but a 2xx or 304 within the limits. */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchResult> {
	const allowed =
		options.isAllowedAddress ?? addressPolicy(options.allowPrivate ?? privateAllowedByConfig());
	const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
	const signals = [AbortSignal.timeout(timeoutMs)];
	if (options.signal) signals.push(options.signal);
	const signal = AbortSignal.any(signals);
	const headers: Record<string, string> = {
		'user-agent': 'Throughline feed reader (+https://github.com/throughline)',
		accept:
			'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
		'accept-encoding': 'identity'
	};
	if (options.etag) headers['if-none-match'] = options.etag;
	if (options.lastModified) headers['if-modified-since'] = options.lastModified;

	let current = parseUrl(url);
	try {
		for (let hop = 0; ; hop++) {
			const response = await request(current, headers, allowed, signal);
			const status = response.statusCode ?? 0;
			if (REDIRECTS.has(status)) {
				response.destroy();
				const location = response.headers.location;
				if (!location) throw new FeedFetchError(`Redirect (${status}) without a Location.`, status);
				if (hop >= MAX_REDIRECTS) {
					throw new FeedFetchError(`More than ${MAX_REDIRECTS} redirects.`, status);
				}
				current = parseUrl(location, current);
				continue;
			}
			if (status === 304) {
				response.destroy();
				return { status, url: current.href };
			}
			if (status < 200 || status > 299) {
				response.destroy();
				throw new FeedFetchError(`The server answered HTTP ${status}.`, status);
			}
			const body = await readCapped(response, options.maxBytes ?? MAX_FEED_BYTES);
			return {
				status,
				url: current.href,
				body,
				contentType: header(response, 'content-type'),
				etag: header(response, 'etag'),
				lastModified: header(response, 'last-modified')
			};
		}
	} catch (error) {
		if (error instanceof FeedFetchError) throw error;
		if (signal.aborted) {
			throw new FeedFetchError(
				options.signal?.aborted
					? 'The poll was stopped.'
					: `No complete answer within ${timeoutMs / 1000} s.`
			);
		}
		const message = error instanceof Error ? error.message : String(error);
		throw new FeedFetchError(`Could not fetch the feed: ${message}`);
	}
}

function header(response: IncomingMessage, name: string): string | null {
	const value = response.headers[name];
	return typeof value === 'string' ? value : null;
}

function parseUrl(value: string, base?: URL): URL {
	let url: URL;
	try {
		url = new URL(value, base);
	} catch {
		throw new FeedFetchError(`Not a valid URL: ${value.slice(0, 200)}`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new FeedFetchError(`Only http and https feeds are fetched, not ${url.protocol}`);
	}
	return url;
}

function refused(host: string, address: string): FeedFetchError {
	return new FeedFetchError(
		`${host} resolves to ${address}, which is not a public address: refused.`
	);
}

/**
 * Resolves with every address checked: Node connects to what this returns, so there is no
 * window between our check and the connection (DNS rebinding).
 */
function checkedLookup(allowed: (address: string) => boolean): LookupFunction {
	return (hostname, options, callback) => {
		dns.lookup(hostname, { all: true, verbatim: true, family: options.family }, (error, list) => {
			if (error) return callback(error, '', 0);
			const bad = list.find((entry) => !allowed(entry.address));
			if (bad) return callback(refused(hostname, bad.address), '', 0);
			if (list.length === 0) return callback(new Error(`${hostname} has no address`), '', 0);
			if (options.all) return (callback as (e: null, all: dns.LookupAddress[]) => void)(null, list);
			const first = list[0]!;
			callback(null, first.address, first.family);
		});
	};
}

function request(
	url: URL,
	headers: Record<string, string>,
	allowed: (address: string) => boolean,
	signal: AbortSignal
): Promise<IncomingMessage> {
	// Node does not call `lookup` for a literal address, so check those here.
	const host = url.hostname.replace(/^\[|\]$/g, '');
	if (net.isIP(host) && !allowed(host)) return Promise.reject(refused(url.hostname, host));
	const client = url.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const req = client.request(
			url,
			{ method: 'GET', headers, signal, lookup: checkedLookup(allowed) },
			resolve
		);
		req.on('error', reject);
		req.end();
	});
}

/** The response body, abandoned (connection destroyed) as soon as it passes `limit` bytes. */
async function readCapped(response: IncomingMessage, limit: number): Promise<Buffer> {
	const declared = Number(response.headers['content-length'] ?? '0');
	if (declared > limit) {
		response.destroy();
		throw new FeedFetchError(`The feed is larger than ${limit / 1024 / 1024} MB.`);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of response as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > limit) {
			response.destroy();
			throw new FeedFetchError(`The feed is larger than ${limit / 1024 / 1024} MB.`);
		}
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}
