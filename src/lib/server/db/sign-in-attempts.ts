import { sql, type Db } from './client';

/** `clientAddress` is the throttle's address group (auth/throttle.ts addressGroup). */
export async function record(
	attempt: { email: string; clientAddress: string; succeeded: boolean },
	db: Db = sql
): Promise<void> {
	await db`
		insert into sign_in_attempts (email, client_address, succeeded)
		values (${attempt.email}, ${attempt.clientAddress}, ${attempt.succeeded})
	`;
}

/** Failures in the window, and the oldest and latest of them (to say when to retry). */
export interface FailureCount {
	count: number;
	oldest: Date | null;
	latest: Date | null;
}

/**
 * Failed attempts for this address (as typed), from this address group when one is given,
 * since `since`, not counting those before the account's last successful sign-in: signing in
 * correctly clears the slate.
 */
export async function failuresForEmail(
	email: string,
	since: Date,
	db: Db = sql,
	fromAddress?: string
): Promise<FailureCount> {
	const [row] = await db<FailureCount[]>`
		select count(*)::int as count, min(at) as oldest, max(at) as latest
		from sign_in_attempts
		where email = ${email} and not succeeded and at > ${since}
			${fromAddress === undefined ? db`` : db`and client_address = ${fromAddress}`}
			and at > coalesce(
				(select max(at) from sign_in_attempts where email = ${email} and succeeded), '-infinity'
			)
	`;
	return row ?? { count: 0, oldest: null, latest: null };
}

/** Failed attempts from this address group since `since`, whichever accounts they named. */
export async function failuresForAddress(
	clientAddress: string,
	since: Date,
	db: Db = sql
): Promise<FailureCount> {
	const [row] = await db<FailureCount[]>`
		select count(*)::int as count, min(at) as oldest, max(at) as latest
		from sign_in_attempts
		where client_address = ${clientAddress} and not succeeded and at > ${since}
	`;
	return row ?? { count: 0, oldest: null, latest: null };
}

/**
 * The client addresses (exact, as audited) the account with this email has signed in from,
 * most recent first: the audit log keeps them after housekeeping has cleared old attempts.
 */
export async function signedInAddresses(
	email: string,
	db: Db = sql,
	limit = 50
): Promise<string[]> {
	const rows = await db<{ clientAddress: string }[]>`
		select a.client_address
		from audit_log a
		join users u on u.id = a.actor_id
		where u.email = ${email} and a.action = 'user.signed_in' and a.client_address is not null
		order by a.id desc
		limit ${limit}
	`;
	return rows.map((row) => row.clientAddress);
}

/** Housekeeping: attempts older than the window no longer matter. */
export async function removeOlderThan(before: Date, db: Db = sql): Promise<number> {
	const rows = await db`delete from sign_in_attempts where at < ${before} returning id`;
	return rows.length;
}
