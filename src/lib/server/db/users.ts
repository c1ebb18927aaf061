import { sql, type Db } from './client';
import type { Role } from '../../types';

/** A staff member as the desk shows them (never the password hash). */
export interface User {
	id: number;
	email: string;
	displayName: string;
	role: Role;
	/** The desk's interface language (en, uk). */
	locale: string;
	disabledAt: Date | null;
	createdAt: Date;
	updatedAt: Date;
}

export interface NewUser {
	email: string;
	displayName: string;
	role: Role;
	passwordHash: string;
}

/** A fragment must come from the connection that runs it, so this takes `db`. */
const columns = (db: Db) =>
	db`id, email, display_name, role, locale, disabled_at, created_at, updated_at`;

/** Addresses are stored lower-case (a CHECK insists), so every lookup normalises the same way. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** Creates a staff member. The caller hashes the password (auth/password.ts). */
export async function create(input: NewUser, db: Db = sql): Promise<User> {
	const [user] = await db<User[]>`
		insert into users (email, display_name, role, password_hash)
		values (${normaliseEmail(input.email)}, ${input.displayName}, ${input.role}, ${input.passwordHash})
		returning ${columns(db)}
	`;
	if (!user) throw new Error('insert into users returned no row');
	return user;
}

export async function get(id: number, db: Db = sql): Promise<User | undefined> {
	const [user] = await db<User[]>`select ${columns(db)} from users where id = ${id}`;
	return user;
}

/** The user, with its row locked until the transaction ends (for a read-then-change). */
export async function getForUpdate(id: number, tx: Db): Promise<User | undefined> {
	const [user] = await tx<User[]>`select ${columns(tx)} from users where id = ${id} for update`;
	return user;
}

export async function getByEmail(email: string, db: Db = sql): Promise<User | undefined> {
	const [user] = await db<User[]>`
		select ${columns(db)} from users where email = ${normaliseEmail(email)}
	`;
	return user;
}

/** For sign-in and password changes only: the user with their password hash. */
export async function getCredentials(
	email: string,
	db: Db = sql
): Promise<(User & { passwordHash: string }) | undefined> {
	const [user] = await db<(User & { passwordHash: string })[]>`
		select ${columns(db)}, password_hash from users where email = ${normaliseEmail(email)}
	`;
	return user;
}

/** Everyone, enabled first, then by name. */
export async function list(db: Db = sql): Promise<User[]> {
	return db<User[]>`
		select ${columns(db)} from users order by (disabled_at is null) desc, display_name, id
	`;
}

export async function setRole(id: number, role: Role, db: Db = sql): Promise<User | undefined> {
	const [user] = await db<User[]>`
		update users set role = ${role}, updated_at = now() where id = ${id} returning ${columns(db)}
	`;
	return user;
}

/** Disables (true) or re-enables (false). Ending the sessions is auth/session.ts's job. */
export async function setDisabled(
	id: number,
	disabled: boolean,
	db: Db = sql
): Promise<User | undefined> {
	const [user] = await db<User[]>`
		update users
		set disabled_at = ${disabled ? db`coalesce(disabled_at, now())` : null}, updated_at = now()
		where id = ${id}
		returning ${columns(db)}
	`;
	return user;
}

export async function setPasswordHash(
	id: number,
	passwordHash: string,
	db: Db = sql
): Promise<void> {
	await db`update users set password_hash = ${passwordHash}, updated_at = now() where id = ${id}`;
}

/**
 * Enabled admins, their rows locked until the transaction ends: the desk refuses to demote or
 * disable the last one, and with the lock two such changes at once cannot each see the other
 * admin still there and leave none.
 */
export async function lockActiveAdmins(tx: Db): Promise<number> {
	const rows = await tx`
		select id from users where role = 'admin' and disabled_at is null order by id for update
	`;
	return rows.length;
}

/** The language a staff member reads the desk in; undefined for an unknown user. */
export async function getLocale(id: number, db: Db = sql): Promise<string | undefined> {
	const [row] = await db<{ locale: string }[]>`select locale from users where id = ${id}`;
	return row?.locale;
}

/** Sets a staff member's desk interface language. */
export async function setLocale(id: number, locale: string, db: Db = sql): Promise<void> {
	await db`update users set locale = ${locale}, updated_at = now() where id = ${id}`;
}
