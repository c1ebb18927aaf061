/**
 * Readiness: 200 when the database answers within 2 s and has every migration this code ships,
 * else 503 with what is wrong (a load balancer takes the instance out meanwhile).
 */
import type { RequestHandler } from './$types';
import { databaseUp } from '$lib/server/db/availability';
import { sql } from '$lib/server/db/client';
import { pendingMigrations } from '$lib/server/db/migrate';

const TIMEOUT_MS = 2_000;

async function check(): Promise<{ ok: boolean; reason?: string }> {
	if (!databaseUp()) return { ok: false, reason: 'database unreachable' };
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		const pending = await Promise.race([
			pendingMigrations(sql),
			new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error('database check timed out')), TIMEOUT_MS);
			})
		]);
		if (pending.length) return { ok: false, reason: `migrations pending: ${pending.join(', ')}` };
		return { ok: true };
	} catch (error) {
		return { ok: false, reason: error instanceof Error ? error.message : 'database check failed' };
	} finally {
		clearTimeout(timer);
	}
}

export const GET: RequestHandler = async () => {
	const { ok, reason } = await check();
	return new Response(JSON.stringify(ok ? { status: 'ready' } : { status: 'unready', reason }), {
		status: ok ? 200 : 503,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
};
