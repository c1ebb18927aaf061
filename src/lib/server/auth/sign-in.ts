/**
 * Checking a sign-in: throttle, then the password, with the same answer and about the same time
 * whether the account is unknown, disabled, or the password is wrong. Every attempt is counted
 * for the throttle and written to the audit log.
 */
import * as audit from '../db/audit';
import { sql, type Db } from '../db/client';
import * as users from '../db/users';
import type { DeskUser } from './guard';
import { hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from './password';
import { checkThrottle, recordAttempt } from './throttle';

export type SignInResult =
	| { ok: true; user: DeskUser }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function checkSignIn(
	input: { email: string; password: string; clientAddress: string },
	db: Db = sql
): Promise<SignInResult> {
	const email = users.normaliseEmail(input.email);
	const verdict = await checkThrottle(email, input.clientAddress, db);
	// Throttled attempts are not recorded: otherwise a guesser could keep an account locked.
	if (!verdict.allowed) return { ok: false, reason: 'throttled', ...verdict };

	const account = await users.getCredentials(email, db);
	const matches = account
		? await verifyPassword(account.passwordHash, input.password)
		: await verifyDummyPassword(input.password);
	const succeeded = !!account && matches && !account.disabledAt;

	await recordAttempt({ email, clientAddress: input.clientAddress, succeeded }, db);
	await audit.record(
		{
			actorId: succeeded && account ? account.id : null,
			action: succeeded ? 'user.signed_in' : 'user.sign_in_failed',
			entityType: 'user',
			entityId: account?.id,
			after: succeeded ? undefined : { email },
			clientAddress: input.clientAddress
		},
		db
	);
	if (!succeeded || !account) return { ok: false, reason: 'invalid' };

	// Hashes made under weaker parameters are upgraded while we hold the password.
	if (needsRehash(account.passwordHash)) {
		await users.setPasswordHash(account.id, await hashPassword(input.password), db);
	}
	const { id, displayName, role } = account;
	return { ok: true, user: { id, email: account.email, displayName, role } };
}
