import { sql, type Db } from './client';

export async function record(
	attempt: { email: string; clientAddress: string; succeeded: boolean },
	db: Db = sql
): Promise<void> {
	await db`
		insert into sign_in_attempts (email, client_address, succeeded)
		values (${attempt.email}, ${attempt.clientAddress}, ${attempt.succeeded})
	`;
}

/** Failures in the window, and when the oldest of them happened (to say when to retry). */
export interface FailureCount {
	count: number;
	oldest: Date | null;
}

/**
 * Failed attempts for this address (as typed) since `since`, not counting those before the
 * account's last successful sign-in: signing in correctly clears the slate.
 */
export async function failuresForEmail(
	email: string,
	since: Date,
	db: Db = sql
): Promise<FailureCount> {
	const [row] = await db<FailureCount[]>`
		select count(*)::int as count, min(at) as oldest
		from sign_in_attempts
		where email = ${email} and not succeeded and at > ${since}
			and at > coalesce(
				(select max(at) from sign_in_attempts where email = ${email} and succeeded), '-infinity'
			)
	`;
	return row ?? { count: 0, oldest: null };
}

/** Failed attempts from this client address since `since`, whichever accounts they named. */
export async function failuresForAddress(
	clientAddress: string,
	since: Date,
	db: Db = sql
): Promise<FailureCount> {
	const [row] = await db<FailureCount[]>`
		select count(*)::int as count, min(at) as oldest
		from sign_in_attempts
		where client_address = ${clientAddress} and not succeeded and at > ${since}
	`;
	return row ?? { count: 0, oldest: null };
}

/** Housekeeping: attempts older than the window no longer matter. */
export async function removeOlderThan(before: Date, db: Db = sql): Promise<number> {
	const rows = await db`delete from sign_in_attempts where at < ${before} returning id`;
	return rows.length;
}
