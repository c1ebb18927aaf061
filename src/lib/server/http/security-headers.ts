import type { Handle } from '@sveltejs/kit';

/** Headers the CSP (svelte.config.js) does not cover. */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (!event.url.pathname.startsWith('/embed/')) response.headers.set('X-Frame-Options', 'DENY');
	return response;
};
