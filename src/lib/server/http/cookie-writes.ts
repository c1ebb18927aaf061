/**
 * Writes a browser makes with the session cookie must come from our own pages. SvelteKit checks
 * Origin only for form content types, so a POST sent without Content-Type (sign-out) or with
 * JSON (the `/api/v1` writes the desk timeline's drag makes with the session) went unchecked,
 * its protection resting on side effects such as CORS preflights. Here every unsafe method that
 * carries the session cookie, and every one to /desk (sign-in included), must say it is
 * same-origin: `Sec-Fetch-Site: same-origin` when the browser sends it, else an `Origin` equal to
 * ours. A sibling subdomain is same-site but not same-origin, and is refused too. A request with
 * an Authorization header is judged by that header alone (auth/handle.ts ignores the cookie), so
 * Bearer-authenticated API calls are not affected.
 */
import { json, text, type Handle, type RequestEvent } from '@sveltejs/kit';
import { readSessionToken } from '../auth/cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether this request must prove it comes from one of our pages. */
export function needsOriginCheck(event: Pick<RequestEvent, 'request' | 'url' | 'cookies'>) {
	const { request, url } = event;
	if (SAFE_METHODS.has(request.method)) return false;
	if (request.headers.has('authorization')) return false;
	return url.pathname.startsWith('/desk') || readSessionToken(event.cookies, url) !== undefined;
}

/** Same-origin by the browser's word: Sec-Fetch-Site and Origin, each checked when sent. */
export function isSameOrigin(headers: Headers, origin: string): boolean {
	const site = headers.get('sec-fetch-site');
	const from = headers.get('origin');
	if (site === null && from === null) return false;
	return (site === null || site === 'same-origin') && (from === null || from === origin);
}

export const cookieWriteOrigin: Handle = async ({ event, resolve }) => {
	if (!needsOriginCheck(event) || isSameOrigin(event.request.headers, event.url.origin)) {
		return resolve(event);
	}
	const message = `Cross-site ${event.request.method} requests with the session are refused.`;
	return event.url.pathname.startsWith('/api/')
		? json({ error: message }, { status: 403 })
		: text(message, { status: 403 });
};
