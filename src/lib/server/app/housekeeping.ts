/**
 * Deletes what can no longer matter, at start and then hourly: sessions past either expiry (no
 * request can use them again) and sign-in attempts older than a day (throttling reads the last
 * 15 minutes; sign-ins and failures stay in the audit log). HOUSEKEEPING=off leaves it off.
 */
import type { Sql } from '../db/client';
import * as sessions from '../db/sessions';
import * as signInAttempts from '../db/sign-in-attempts';
import { log } from '../log/logger';

const HOUR = 3_600_000;
const ATTEMPTS_KEPT_MS = 24 * HOUR;

/** Survives Vite's module reloads, so HMR never starts a second timer. */
const state = globalThis as typeof globalThis & {
	__throughlineHousekeeping?: ReturnType<typeof setInterval>;
};

/** One round; returns what it deleted. */
export async function cleanUp(db: Sql, now = new Date()) {
	const expiredSessions = await sessions.removeExpired(db);
	const oldAttempts = await signInAttempts.removeOlderThan(
		new Date(now.getTime() - ATTEMPTS_KEPT_MS),
		db
	);
	return { expiredSessions, oldAttempts };
}

export function startHousekeeping(db: Sql): void {
	if (process.env.HOUSEKEEPING === 'off' || state.__throughlineHousekeeping) return;
	const round = () => {
		cleanUp(db).catch((error: unknown) => log.error({ err: error }, 'housekeeping round failed'));
	};
	round();
	state.__throughlineHousekeeping = setInterval(round, HOUR);
	// A pending round must not keep the process alive at shutdown.
	state.__throughlineHousekeeping.unref();
}

export function stopHousekeeping(): void {
	clearInterval(state.__throughlineHousekeeping);
	state.__throughlineHousekeeping = undefined;
}
