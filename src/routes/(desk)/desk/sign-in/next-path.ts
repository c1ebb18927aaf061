/**
 * Where to go after signing in: only a desk path on this site, so the sign-in link cannot be
 * used to bounce someone to another site (`//evil.example`, `/\evil.example`, `https://…`).
 */
export function safeNextPath(next: string | null | undefined, origin: string): string {
	const fallback = '/desk';
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
		return fallback;
	}
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return fallback;
	}
	if (url.origin !== origin) return fallback;
	if (url.pathname !== '/desk' && !url.pathname.startsWith('/desk/')) return fallback;
	if (url.pathname.startsWith('/desk/sign-in') || url.pathname.startsWith('/desk/sign-out')) {
		return fallback;
	}
	return url.pathname + url.search;
}
