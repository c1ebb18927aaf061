/**
 * While the database cannot be reached, every request that needs it answers 503 with
 * `Retry-After` at once (an HTML page that says so; JSON under /api and for JSON clients),
 * instead of waiting on the connect timeout or answering 500. A request whose queries failed
 * for that reason answers the same: a form or API write that got this answer was not saved.
 * The health and metrics routes never touch the database this way and pass through.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { databaseUp, reportDatabaseError } from '$lib/server/db/availability';

const RETRY_AFTER_SECONDS = 5;
const PASS_THROUGH = new Set(['/healthz', '/readyz', '/metrics']);

const MESSAGE =
	'The database is unavailable for a moment. Nothing you sent in this request was saved; ' +
	'please try again in a few seconds.';

function wantsJson(event: RequestEvent): boolean {
	if (event.url.pathname.startsWith('/api/')) return true;
	const accept = event.request.headers.get('accept') ?? '';
	return /\bapplication\/(?:[\w.+-]*\+)?json\b/.test(accept) && !/\btext\/html\b/.test(accept);
}

const escapeHtml = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>Temporarily unavailable · Throughline</title>
<style>body{font:1.05rem/1.5 system-ui,sans-serif;max-width:38rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}</style>
</head>
<body>
<p>503</p>
<h1>Temporarily unavailable</h1>
<p>${escapeHtml(MESSAGE)}</p>
<p>This page reloads by itself.</p>
</body>
</html>
`;

/** The 503 answer for this request. */
export function unavailable(event: RequestEvent): Response {
	const headers = {
		'retry-after': String(RETRY_AFTER_SECONDS),
		'cache-control': 'no-store'
	};
	if (wantsJson(event)) {
		return new Response(JSON.stringify({ error: 'database_unavailable', message: MESSAGE }), {
			status: 503,
			headers: { ...headers, 'content-type': 'application/json' }
		});
	}
	return new Response(PAGE, {
		status: 503,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
}

export const databaseOutage: Handle = async ({ event, resolve }) => {
	if (PASS_THROUGH.has(event.url.pathname)) return resolve(event);
	if (!databaseUp()) return unavailable(event);
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		// Thrown by a handle after this one (the session lookup, the page cache).
		if (reportDatabaseError(error)) return unavailable(event);
		throw error;
	}
	// handleError saw a load or an endpoint fail for want of the database.
	if (event.locals.databaseFailed) return unavailable(event);
	return response;
};
