/**
 * The session cookie. HttpOnly (scripts never see it), SameSite=Lax (not sent on cross-site
 * form posts), Path=/. Over https, and anywhere but this machine, it is named with the
 * `__Host-` prefix, which makes browsers insist on Secure, Path=/ and no Domain, so neither a
 * sibling subdomain nor a plain-http page can plant or overwrite it. Browsers refuse any
 * `__Host-` cookie without Secure, and Secure cookies are only accepted from plain http on
 * localhost, so `npm run dev` and `npm start` on http://localhost or http://127.0.0.1 use the
 * plain name `throughline_session` without Secure. Any other plain-http host gets the secure
 * cookie, which the browser drops: sessions must not travel in the clear.
 */
import type { Cookies } from '@sveltejs/kit';

export const SECURE_COOKIE_NAME = '__Host-throughline_session';
export const LOCAL_COOKIE_NAME = 'throughline_session';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when the cookie must be Secure (and so may carry the __Host- prefix). */
export function needsSecureCookie(url: URL): boolean {
	return url.protocol === 'https:' || !LOCAL_HOSTS.has(url.hostname);
}

export function sessionCookieName(url: URL): string {
	return needsSecureCookie(url) ? SECURE_COOKIE_NAME : LOCAL_COOKIE_NAME;
}

export function readSessionToken(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(sessionCookieName(url)) || undefined;
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(sessionCookieName(url), token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: needsSecureCookie(url),
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: needsSecureCookie(url)
	});
}
