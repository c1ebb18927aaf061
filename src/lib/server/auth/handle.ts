import type { Handle } from '@sveltejs/kit';
import { deleteSessionCookie, readSessionToken, setSessionCookie } from './cookie';
import { validateSessionToken } from './session';
import { authenticateToken, bearerToken } from './tokens';

/**
 * Sets locals.user and locals.sessionId from an `Authorization: Bearer` API token or the
 * session cookie. A request that sends an Authorization header is judged by it alone: a bad
 * or revoked token is anonymous, never quietly the browser's session.
 */
export const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;

	const token = bearerToken(event.request.headers.get('authorization'));
	if (token !== undefined) {
		event.locals.user = token ? await authenticateToken(token) : null;
		return resolve(event);
	}

	const sessionToken = readSessionToken(event.cookies, event.url);
	if (sessionToken) {
		const result = await validateSessionToken(sessionToken);
		if (result) {
			event.locals.user = result.user;
			event.locals.sessionId = result.session.id;
			if (result.renewed) {
				setSessionCookie(event.cookies, event.url, sessionToken, result.session.expiresAt);
			}
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};
