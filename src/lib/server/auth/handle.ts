import type { Handle } from '@sveltejs/kit';

/** Sets locals.user and locals.sessionId from the session cookie or a Bearer token. */
export const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	return resolve(event);
};
