/** Liveness: the process answers HTTP. Touches no database, so a restart never fixes an outage. */
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	new Response(JSON.stringify({ status: 'ok' }), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
