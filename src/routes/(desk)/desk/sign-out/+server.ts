import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/session';
import type { RequestHandler } from './$types';

/**
 * Signs this browser out (the desk's Sign out button posts a plain form here). POST only, and
 * refused unless same-origin whatever its Content-Type (http/cookie-writes.ts), so no other
 * site, sibling subdomains included, can sign anyone out.
 */
export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.sessionId) await invalidateSession(locals.sessionId);
	deleteSessionCookie(cookies, url);
	redirect(303, '/desk/sign-in');
};
