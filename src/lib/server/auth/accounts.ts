/**
 * Changes to staff accounts, each in one transaction with its audit-log line: adding someone,
 * changing a role, disabling (which ends every session at once) and changing a password.
 */
import { NewUser } from '../../schemas/accounts';
import * as audit from '../db/audit';
import { sql, type Sql } from '../db/client';
import * as users from '../db/users';
import type { Role } from '../../types';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { invalidateUserSessions } from './session';

export const ROLES: readonly Role[] = ['contributor', 'editor', 'admin'];

export interface Actor {
	actorId: number | null;
	clientAddress?: string | null;
}

export type FieldErrors = Partial<Record<'email' | 'displayName' | 'role' | 'password', string>>;

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Problems with a new account's fields, by field; empty when it can be created. */
export function newUserProblems(input: {
	email: string;
	displayName: string;
	role: string;
	password: string;
}): FieldErrors {
	const errors: FieldErrors = {};
	const checked = NewUser.safeParse(input);
	if (!checked.success)
		for (const issue of checked.error.issues) {
			const field = issue.path[0] as keyof FieldErrors;
			errors[field] ??= issue.message;
		}
	const password = passwordProblem(input.password);
	if (password) errors.password = password;
	return errors;
}

/** Adds a staff member; throws `EmailTakenError` when the address already has an account. */
export async function addUser(
	input: { email: string; displayName: string; role: Role; password: string },
	actor: Actor,
	db: Sql = sql
): Promise<users.User> {
	const passwordHash = await hashPassword(input.password);
	return db.begin(async (tx) => {
		if (await users.getByEmail(input.email, tx)) throw new EmailTakenError(input.email);
		const user = await users.create(
			{ email: input.email, displayName: input.displayName.trim(), role: input.role, passwordHash },
			tx
		);
		await audit.record(
			{
				...actor,
				action: 'user.created',
				entityType: 'user',
				entityId: user.id,
				after: { email: user.email, displayName: user.displayName, role: user.role }
			},
			tx
		);
		return user;
	});
}

export class EmailTakenError extends Error {
	constructor(email: string) {
		super(`${email} already has an account.`);
	}
}

/** Refused changes that would leave nobody able to manage accounts. */
export class LastAdminError extends Error {
	constructor() {
		super('This is the only enabled admin: make someone else admin first.');
	}
}

function guardLastAdmin(user: users.User, activeAdmins: number): void {
	if (user.role === 'admin' && !user.disabledAt && activeAdmins <= 1) throw new LastAdminError();
}

/** Changes a role; undefined when there is no such user. */
export async function changeRole(
	userId: number,
	role: Role,
	actor: Actor,
	db: Sql = sql
): Promise<users.User | undefined> {
	return db.begin(async (tx) => {
		// Admins first, then the user, always in that order: two changes at once wait in turn.
		const activeAdmins = await users.lockActiveAdmins(tx);
		const before = await users.getForUpdate(userId, tx);
		if (!before || before.role === role) return before;
		if (role !== 'admin') guardLastAdmin(before, activeAdmins);
		const after = await users.setRole(userId, role, tx);
		await audit.record(
			{
				...actor,
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

/** Disables (ending all their sessions at once) or re-enables an account. */
export async function setDisabled(
	userId: number,
	disabled: boolean,
	actor: Actor,
	db: Sql = sql
): Promise<users.User | undefined> {
	return db.begin(async (tx) => {
		const activeAdmins = await users.lockActiveAdmins(tx);
		const before = await users.getForUpdate(userId, tx);
		if (!before || !!before.disabledAt === disabled) return before;
		if (disabled) guardLastAdmin(before, activeAdmins);
		const after = await users.setDisabled(userId, disabled, tx);
		if (disabled) await invalidateUserSessions(userId, tx);
		await audit.record(
			{
				...actor,
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
 * Changes the user's own password after checking the current one, and ends every session of
 * theirs (the caller starts a fresh one for this browser). Returns field errors on refusal.
 */
export async function changePassword(
	input: { userId: number; email: string; current: string; next: string },
	actor: Actor,
	db: Sql = sql
): Promise<{ current?: string; next?: string } | undefined> {
	const account = await users.getCredentials(input.email, db);
	if (!account || account.id !== input.userId) return { current: 'Your account was not found.' };
	if (!(await verifyPassword(account.passwordHash, input.current))) {
		return { current: 'That is not your current password.' };
	}
	const problem = passwordProblem(input.next);
	if (problem) return { next: problem };
	const passwordHash = await hashPassword(input.next);
	await db.begin(async (tx) => {
		await users.setPasswordHash(input.userId, passwordHash, tx);
		await invalidateUserSessions(input.userId, tx);
		await audit.record(
			{ ...actor, action: 'user.password_changed', entityType: 'user', entityId: input.userId },
			tx
		);
	});
	return undefined;
}
