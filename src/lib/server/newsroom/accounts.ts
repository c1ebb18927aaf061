/**
 * Account commands: adding a staff member, changing a role, disabling and enabling (which ends
 * every session at once), changing one's password, and making or revoking an API token. The
 * desk's users, account and tokens pages and the CLI scripts are their doors. Each change is
 * one transaction with its audit-log line.
 */
import * as apiTokens from '../db/api-tokens';
import * as audit from '../db/audit';
import { sql, type Db, type Sql } from '../db/client';
import * as users from '../db/users';
import { isRole, newUserProblems } from '../auth/accounts';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { generateApiToken, hashToken } from '../auth/secret';
import { invalidateUserSessions } from '../auth/session';
import { tokenNameProblem } from '../auth/tokens';
import type { Role } from '../../types';
import { deskLocale } from '../../schemas/accounts';
import type { Actor } from './actor';
import { may, refusal, type Action } from './policy';
import { forbidden, invalid, notFound, ok, type CommandResult } from './result';

const refused = (actor: Actor, action: Action) =>
	may(actor.role, action) ? null : forbidden(refusal(action, 'draft'));

const by = (actor: Actor) => ({ actorId: actor.id, clientAddress: actor.clientAddress });

/** What the commands that change another account answer. */
export type AccountResult = CommandResult<users.User>;

const LAST_ADMIN = 'This is the only enabled admin: make someone else admin first.';
const NOT_SELF = 'Ask another admin to change your own account.';
const NO_USER = 'No such user.';

/** Adds a staff member (admins; the CLI acts as the system with the admin role). */
export async function createUser(
	actor: Actor,
	input: { email: string; displayName: string; role: string; password: string },
	db: Sql = sql
): Promise<CommandResult<users.User>> {
	const early = refused(actor, 'user.manage');
	if (early) return early;
	const errors = newUserProblems(input);
	if (Object.keys(errors).length > 0 || !isRole(input.role)) return invalid(errors);
	const role: Role = input.role;
	const passwordHash = await hashPassword(input.password);
	const user = await db.begin(async (tx) => {
		if (await users.getByEmail(input.email, tx)) return null;
		const created = await users.create(
			{ email: input.email, displayName: input.displayName.trim(), role, passwordHash },
			tx
		);
		await audit.record(
			{
				...by(actor),
				action: 'user.created',
				entityType: 'user',
				entityId: created.id,
				after: { email: created.email, displayName: created.displayName, role: created.role }
			},
			tx
		);
		return created;
	});
	if (!user)
		return invalid({ email: `${users.normaliseEmail(input.email)} already has an account.` });
	return ok(user);
}

/**
 * Runs a change to another account with the enabled admins locked, then the user, always in
 * that order, so two admins demoting or disabling each other at once wait in turn and at least
 * one enabled admin is always left.
 */
async function changeAccount(
	actor: Actor,
	userId: number,
	db: Sql,
	change: (
		before: users.User,
		activeAdmins: number,
		tx: Db
	) => Promise<users.User | 'lastAdmin' | undefined>
): Promise<CommandResult<users.User>> {
	const early = refused(actor, 'user.manage');
	if (early) return early;
	if (actor.id === userId) return invalid({ id: NOT_SELF });
	const result = await db.begin(async (tx) => {
		const activeAdmins = await users.lockActiveAdmins(tx);
		const before = await users.getForUpdate(userId, tx);
		if (!before) return undefined;
		return (await change(before, activeAdmins, tx)) ?? before;
	});
	if (result === undefined) return notFound(NO_USER);
	if (result === 'lastAdmin') return invalid({ id: LAST_ADMIN });
	return ok(result);
}

const lastEnabledAdmin = (user: users.User, activeAdmins: number) =>
	user.role === 'admin' && !user.disabledAt && activeAdmins <= 1;

/** Changes another staff member's role. */
export async function setRole(
	actor: Actor,
	userId: number,
	role: unknown,
	db: Sql = sql
): Promise<CommandResult<users.User>> {
	const early = refused(actor, 'user.manage');
	if (early) return early;
	if (!isRole(role)) return invalid({ role: 'Choose contributor, editor or admin.' });
	return changeAccount(actor, userId, db, async (before, activeAdmins, tx) => {
		if (before.role === role) return before;
		if (role !== 'admin' && lastEnabledAdmin(before, activeAdmins)) return 'lastAdmin';
		const after = await users.setRole(userId, role, tx);
		await audit.record(
			{
				...by(actor),
				action: 'user.role_changed',
				entityType: 'user',
				entityId: userId,
				before: { role: before.role },
				after: { role }
			},
			tx
		);
		return after;
	});
}

/** Disables (ending all their sessions at once) or re-enables another staff member. */
export async function setDisabled(
	actor: Actor,
	userId: number,
	disabled: boolean,
	db: Sql = sql
): Promise<CommandResult<users.User>> {
	return changeAccount(actor, userId, db, async (before, activeAdmins, tx) => {
		if (!!before.disabledAt === disabled) return before;
		if (disabled && lastEnabledAdmin(before, activeAdmins)) return 'lastAdmin';
		const after = await users.setDisabled(userId, disabled, tx);
		if (disabled) await invalidateUserSessions(userId, tx);
		await audit.record(
			{
				...by(actor),
				action: disabled ? 'user.disabled' : 'user.enabled',
				entityType: 'user',
				entityId: userId
			},
			tx
		);
		return after;
	});
}

/**
 * Changes the actor's own password after checking the current one, and ends every session of
 * theirs (the door starts a fresh one for this browser).
 */
export async function changePassword(
	actor: Actor,
	input: { email: string; current: string; next: string },
	db: Sql = sql
): Promise<CommandResult<{ userId: number }>> {
	const account = await users.getCredentials(input.email, db);
	if (actor.id === null || !account || account.id !== actor.id)
		return invalid({ current: 'Your account was not found.' });
	if (!(await verifyPassword(account.passwordHash, input.current)))
		return invalid({ current: 'That is not your current password.' });
	const problem = passwordProblem(input.next);
	if (problem) return invalid({ next: problem });
	const passwordHash = await hashPassword(input.next);
	const userId = actor.id;
	await db.begin(async (tx) => {
		await users.setPasswordHash(userId, passwordHash, tx);
		await invalidateUserSessions(userId, tx);
		await audit.record(
			{ ...by(actor), action: 'user.password_changed', entityType: 'user', entityId: userId },
			tx
		);
	});
	return ok({ userId });
}

/** Sets the language the actor reads the desk in (en, uk): anyone's own choice. */
export async function setOwnLocale(
	actor: Actor,
	locale: unknown,
	db: Sql = sql
): Promise<CommandResult<{ locale: string }>> {
	const parsed = deskLocale.safeParse(locale);
	if (!parsed.success) return invalid({ locale: parsed.error.issues[0]?.message ?? 'Not valid.' });
	if (actor.id === null) return invalid({ locale: 'Your account was not found.' });
	const userId = actor.id;
	await db.begin(async (tx) => {
		await users.setLocale(userId, parsed.data, tx);
		await audit.record(
			{
				...by(actor),
				action: 'user.locale_changed',
				entityType: 'user',
				entityId: userId,
				after: { locale: parsed.data }
			},
			tx
		);
	});
	return ok({ locale: parsed.data });
}

/** Makes an API token for the actor; the returned `token` is the only time anyone sees it. */
export async function createToken(
	actor: Actor,
	name: string,
	db: Sql = sql
): Promise<CommandResult<{ token: string; record: apiTokens.ApiToken }>> {
	const early = refused(actor, 'token.manage');
	if (early) return early;
	const problem = tokenNameProblem(name);
	if (problem) return invalid({ name: problem });
	if (actor.id === null) return invalid({ name: 'A token belongs to a staff member.' });
	const userId = actor.id;
	const token = generateApiToken();
	const record = await db.begin(async (tx) => {
		const created = await apiTokens.create(
			{ userId, name: name.trim(), tokenHash: hashToken(token) },
			tx
		);
		await audit.record(
			{
				...by(actor),
				action: 'token.created',
				entityType: 'api_token',
				entityId: created.id,
				after: { name: created.name, userId: created.userId }
			},
			tx
		);
		return created;
	});
	return ok({ token, record });
}

/** Revokes one of the actor's own tokens. */
export async function revokeToken(
	actor: Actor,
	tokenId: number,
	db: Sql = sql
): Promise<CommandResult<{ id: number }>> {
	const early = refused(actor, 'token.manage');
	if (early) return early;
	const userId = actor.id;
	if (userId === null) return notFound('That token is already revoked or not yours.');
	const revoked = await db.begin(async (tx) => {
		const record = await apiTokens.revoke(tokenId, userId, tx);
		if (record)
			await audit.record(
				{
					...by(actor),
					action: 'token.revoked',
					entityType: 'api_token',
					entityId: record.id,
					before: { name: record.name }
				},
				tx
			);
		return record;
	});
	return revoked ? ok({ id: tokenId }) : notFound('That token is already revoked or not yours.');
}
