/**
 * Prometheus metrics, for a scraper holding METRICS_TOKEN (`Authorization: Bearer …`). Without
 * METRICS_TOKEN set the route does not exist (404), so nothing is exposed by default.
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from './$types';
import { registry } from '$lib/server/log/metrics';
import '$lib/server/log/app-metrics';

function authorized(header: string | null, token: string): boolean {
	const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
	const expected = Buffer.from(token);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

export const GET: RequestHandler = async ({ request }) => {
	const token = process.env.METRICS_TOKEN;
	if (!token) return new Response('Not found', { status: 404 });
	if (!authorized(request.headers.get('authorization'), token)) {
		return new Response('Unauthorized', {
			status: 401,
			headers: { 'www-authenticate': 'Bearer realm="metrics"' }
		});
	}
	return new Response(await registry.metrics(), {
		headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' }
	});
};
