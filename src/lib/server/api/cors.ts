import type { Handle } from '@sveltejs/kit';

/** Reading is open to any origin; writing stays same-origin (no CORS grant for it). */
const READ_METHODS = new Set(['GET', 'HEAD']);
const PREFLIGHT_MAX_AGE = String(24 * 60 * 60);

const isApi = (pathname: string) => pathname === '/api/v1' || pathname.startsWith('/api/v1/');

/**
 * The public JSON API is readable from any origin: GET/HEAD answers carry
 * `Access-Control-Allow-Origin: *`, and a preflight asking for GET or HEAD is granted. The
 * wildcard means browsers never send cookies with such requests, and we never add
 * `Access-Control-Allow-Credentials`, so a page elsewhere can read only what anyone can.
 * A preflight for a write gets no grant: cross-origin writes stay blocked by the browser
 * (scripts use a Bearer token from a server, where CORS does not apply).
 * https://fetch.spec.whatwg.org/#http-cors-protocol
 */
export const publicApiCors: Handle = async ({ event, resolve }) => {
	if (!isApi(event.url.pathname)) return resolve(event);

	const method = event.request.method;
	if (method === 'OPTIONS') {
		const requested = event.request.headers.get('Access-Control-Request-Method');
		const headers = new Headers({ Allow: 'GET, HEAD, OPTIONS', Vary: 'Origin' });
		if (requested && READ_METHODS.has(requested.toUpperCase())) {
			headers.set('Access-Control-Allow-Origin', '*');
			headers.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
			// Only the headers a reader needs: conditional GETs and content negotiation.
			headers.set('Access-Control-Allow-Headers', 'Accept, If-None-Match, If-Modified-Since');
			headers.set('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
		}
		return new Response(null, { status: 204, headers });
	}

	const response = await resolve(event);
	if (READ_METHODS.has(method)) {
		response.headers.set('Access-Control-Allow-Origin', '*');
		response.headers.set('Access-Control-Expose-Headers', 'ETag, Link');
		response.headers.delete('Access-Control-Allow-Credentials');
	}
	return response;
};
