import { closeDatabaseOnShutdown, startDatabase } from '$lib/server/app/lifecycle';
import type { Handle, ServerInit } from '@sveltejs/kit';

export const init: ServerInit = async () => {
	await startDatabase();
	closeDatabaseOnShutdown();
};

/** Headers the CSP (svelte.config.js) does not cover. */
export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (!event.url.pathname.startsWith('/embed/')) response.headers.set('X-Frame-Options', 'DENY');
	return response;
};
