/**
 * Sign-in throttling, kept in PostgreSQL (sign_in_attempts) so it holds across restarts and
 * instances. Failures count per address as typed, whether or not it names an account (so the
 * answer never reveals which addresses exist), and per client address (one machine guessing
 * across many accounts). A correct password clears the per-account count.
 */
import { sql, type Db } from '../db/client';
import * as attempts from '../db/sign-in-attempts';
import { countSignInFailure } from '../log/metrics';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether another attempt may be made now, and if not, in how many seconds. */
export async function checkThrottle(
	email: string,
	clientAddress: string,
	db: Db = sql,
	now = new Date()
): Promise<ThrottleVerdict> {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
	const [account, address] = await Promise.all([
		attempts.failuresForEmail(email, since, db),
		attempts.failuresForAddress(clientAddress, since, db)
	]);
	const waits: number[] = [];
	if (account.count >= MAX_FAILURES_PER_ACCOUNT && account.oldest) {
		waits.push(account.oldest.getTime() + THROTTLE_WINDOW_MS - now.getTime());
	}
	if (address.count >= MAX_FAILURES_PER_ADDRESS && address.oldest) {
		waits.push(address.oldest.getTime() + THROTTLE_WINDOW_MS - now.getTime());
	}
	if (waits.length === 0) return { allowed: true };
	return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
}

export async function recordAttempt(
	attempt: { email: string; clientAddress: string; succeeded: boolean },
	db: Db = sql
): Promise<void> {
	await attempts.record(attempt, db);
	if (!attempt.succeeded) countSignInFailure('password');
}
