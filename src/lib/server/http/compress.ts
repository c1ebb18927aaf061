/**
 * Compresses every HTML, JSON, feed, SVG, CSS and JavaScript response for clients that accept
 * it: brotli when offered, else gzip, with `Vary: Accept-Encoding`. A story page of 5,000 events
 * is 3.3 MB of HTML and under 300 KB compressed. Responses that are already encoded (the page
 * cache, the embed and the story JSON keep compressed bytes and set Content-Encoding
 * themselves) pass untouched, and so do event streams, which must reach the browser as written.
 * Compression runs on libuv's thread pool (async zlib), not on the event loop.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Handle } from '@sveltejs/kit';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const COMPRESSIBLE =
	/^(?:text\/(?:html|plain|css|javascript|xml|csv)|application\/(?:json|[\w.+-]+\+json|javascript|xml|[\w.+-]+\+xml|manifest\+json)|image\/svg\+xml)\b/i;
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/** The encoding to send for an Accept-Encoding header: brotli first, then gzip (q=0 refuses). */
export function chooseEncoding(accept: string | null, offer: Encoding[] = ['br', 'gzip']) {
	if (!accept) return null;
	const weights = new Map<string, number>();
	for (const item of accept.toLowerCase().split(',')) {
		const [name, ...params] = item.trim().split(';');
		const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
		weights.set(name!.trim(), q === undefined ? 1 : Number(q));
	}
	const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
	return offer.find((encoding) => weight(encoding) > 0) ?? null;
}

export function addVary(headers: Headers, value = 'Accept-Encoding'): void {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', value);
	else if (
		!vary
			.toLowerCase()
			.split(/\s*,\s*/)
			.includes(value.toLowerCase())
	)
		headers.set('vary', `${vary}, ${value}`);
}

export function encode(body: Buffer, encoding: Encoding): Promise<Buffer> {
	return encoding === 'br'
		? brotli(body, {
				params: {
					// Quality 5: most of brotli's gain at a fraction of the cost of 11, per request.
					[constants.BROTLI_PARAM_QUALITY]: 5,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
				}
			})
		: gzipAsync(body, { level: 6 });
}

export const compress: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	if (
		!response.body ||
		response.headers.has('content-encoding') ||
		!COMPRESSIBLE.test(type) ||
		event.request.method === 'HEAD' ||
		response.status === 204 ||
		response.status === 304 ||
		response.status === 206
	) {
		return response;
	}
	const encoding = chooseEncoding(event.request.headers.get('accept-encoding'));
	const headers = new Headers(response.headers);
	addVary(headers);
	if (!encoding) {
		return new Response(response.body, { status: response.status, headers });
	}
	const body = Buffer.from(await response.arrayBuffer());
	if (body.byteLength < MIN_BYTES) {
		headers.set('content-length', String(body.byteLength));
		return new Response(new Uint8Array(body), { status: response.status, headers });
	}
	const encoded = await encode(body, encoding);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(encoded.byteLength));
	// ETags stay as they are: the API's name a resource's version, which If-Match compares.
	return new Response(new Uint8Array(encoded), { status: response.status, headers });
};
