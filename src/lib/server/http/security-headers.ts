import type { Handle } from '@sveltejs/kit';
import { log } from '../log/logger';
import { env } from '$env/dynamic/private';

// One CSP source expression: a keyword, *, or a scheme/host source; no separators or quotes
// that could close the directive and open another.
const SOURCE =
	/^(?:\*|'self'|'none'|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*\.)?[a-z0-9.-]+(?::(?:\d{1,5}|\*))?(?:\/[^\s;,']*)?)$/i;

/**
 * Who may frame /embed/*: EMBED_FRAME_ANCESTORS as a space-separated CSP source list (default
 * `*`). A value that does not parse as one fails closed ('none': no embed can be framed) with a
 * warning, rather than opening framing to everyone when someone meant to restrict it.
 */
export function embedFrameAncestors(value: string | undefined): string {
	const sources = (value ?? '').trim().split(/\s+/).filter(Boolean);
	if (sources.length === 0) return '*';
	if (sources.every((source) => SOURCE.test(source))) return sources.join(' ');
	log.warn({ value }, "EMBED_FRAME_ANCESTORS is not a CSP source list; using 'none'");
	return "'none'";
}

const isEmbed = (pathname: string) => pathname.startsWith('/embed/');
const isDesk = (pathname: string) => pathname === '/desk' || pathname.startsWith('/desk/');
const isApi = (pathname: string) => pathname.startsWith('/api/');

/** Browsers keep to https for a year once they have seen the site over it. */
export const HSTS = 'max-age=31536000';

/**
 * Whether a response holds what only its requester may see, so no cache may keep it: every desk
 * page (tokens, audit log, drafts) and data request, and any API answer to a signed-in caller
 * (drafts are readable by staff, /api/v1/me names the caller).
 */
export function isPrivate(pathname: string, signedIn: boolean): boolean {
	return isDesk(pathname) || (isApi(pathname) && signedIn);
}

/**
 * Headers the CSP (svelte.config.js) does not cover, and framing per path: only /embed/* may be
 * framed cross-origin (frame-ancestors from EMBED_FRAME_ANCESTORS), everything else refuses
 * (frame-ancestors 'none' plus X-Frame-Options for old browsers). Embeds set no cookies. HSTS
 * when served over https; `no-store` on whatever carries private data (isPrivate). Static files
 * never reach the hooks: scripts/static-headers.js gives them theirs.
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const embed = isEmbed(event.url.pathname);
	const ancestors = embed ? embedFrameAncestors(env.EMBED_FRAME_ANCESTORS) : "'none'";
	const csp = response.headers.get('Content-Security-Policy');
	response.headers.set(
		'Content-Security-Policy',
		csp ? `${csp}; frame-ancestors ${ancestors}` : `frame-ancestors ${ancestors}`
	);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (embed) response.headers.delete('Set-Cookie');
	else response.headers.set('X-Frame-Options', 'DENY');
	// event.url is the ORIGIN the app is told it is served at (or what PROTOCOL_HEADER says).
	if (event.url.protocol === 'https:') response.headers.set('Strict-Transport-Security', HSTS);
	if (isPrivate(event.url.pathname, event.locals.user != null)) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};
