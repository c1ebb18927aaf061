/**
 * Sign-in throttling, kept in PostgreSQL (sign_in_attempts) so it holds across restarts and
 * instances. Addresses are grouped as a network hands them out: an IPv4 address alone, an IPv6
 * address by its /64 (one customer's subnet, through which a client can rotate freely). Three
 * limits, none of which locks the real owner out:
 *
 * - per account and address group: after PAIR_FREE_FAILURES failures, each further attempt waits
 *   twice as long as the last (5 s, 10 s, 20 s … up to 15 minutes) after the latest failure;
 * - per account, from address groups it has never signed in from: past ACCOUNT_SLOW_FAILURES
 *   failures in the window, attempts are spaced out (1 s, 2 s, 4 s … at most ACCOUNT_MAX_WAIT_S).
 *   This slows a guesser spread over many networks, and never blocks for long: the owner, from an
 *   address they have signed in from before, is not slowed at all, and from a new one waits at
 *   most a minute;
 * - per address group, across accounts (one network guessing many accounts): 20 failures in
 *   15 minutes, then that network waits out the window.
 *
 * Failures count whether or not the address typed names an account, so the answers never reveal
 * which exist. A correct password clears the account's counts.
 */
import ipaddr from 'ipaddr.js';
import { sql, type Db } from '../db/client';
import * as attempts from '../db/sign-in-attempts';
import { countSignInFailure } from '../log/metrics';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const PAIR_FREE_FAILURES = 3;
export const PAIR_FIRST_WAIT_S = 5;
export const ACCOUNT_SLOW_FAILURES = 10;
export const ACCOUNT_MAX_WAIT_S = 60;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The throttle's unit of address: IPv4 as it is, IPv6 by its /64, IPv4-mapped as the IPv4. */
export function addressGroup(address: string): string {
	if (!ipaddr.isValid(address)) return address;
	const parsed = ipaddr.process(address);
	if (parsed.kind() === 'ipv4') return parsed.toString();
	const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
	return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
}

/** Seconds to wait after the latest failure of a pair that has failed `failures` times. */
export function pairWaitSeconds(failures: number): number {
	if (failures < PAIR_FREE_FAILURES) return 0;
	const wait = PAIR_FIRST_WAIT_S * 2 ** (failures - PAIR_FREE_FAILURES);
	return Math.min(wait, THROTTLE_WINDOW_MS / 1000);
}

/** Seconds between attempts on an account that has failed `failures` times (unknown networks). */
export function accountWaitSeconds(failures: number): number {
	if (failures < ACCOUNT_SLOW_FAILURES) return 0;
	return Math.min(2 ** (failures - ACCOUNT_SLOW_FAILURES), ACCOUNT_MAX_WAIT_S);
}

/** Whether another attempt may be made now, and if not, in how many seconds. */
export async function checkThrottle(
	email: string,
	clientAddress: string,
	db: Db = sql,
	now = new Date()
): Promise<ThrottleVerdict> {
	const group = addressGroup(clientAddress);
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
	const [pair, account, address, known] = await Promise.all([
		attempts.failuresForEmail(email, since, db, group),
		attempts.failuresForEmail(email, since, db),
		attempts.failuresForAddress(group, since, db),
		attempts.signedInAddresses(email, db)
	]);
	const after = (from: Date | null, seconds: number) =>
		from && seconds > 0 ? from.getTime() + seconds * 1000 - now.getTime() : 0;
	const waits = [after(pair.latest, pairWaitSeconds(pair.count))];
	if (!known.some((seen) => addressGroup(seen) === group)) {
		waits.push(after(account.latest, accountWaitSeconds(account.count)));
	}
	if (address.count >= MAX_FAILURES_PER_ADDRESS) {
		waits.push(after(address.oldest, THROTTLE_WINDOW_MS / 1000));
	}
	const wait = Math.max(...waits);
	if (wait <= 0) return { allowed: true };
	return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
}

export async function recordAttempt(
	attempt: { email: string; clientAddress: string; succeeded: boolean },
	db: Db = sql
): Promise<void> {
	await attempts.record({ ...attempt, clientAddress: addressGroup(attempt.clientAddress) }, db);
	if (!attempt.succeeded) countSignInFailure('password');
}
