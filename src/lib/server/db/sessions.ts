import { sql, type Db } from './client';
import type { Role } from '../../types';

/** A session row: `id` is the SHA-256 (hex) of the token the browser holds. */
export interface Session {
	id: string;
	userId: number;
	createdAt: Date;
	expiresAt: Date;
	absoluteExpiresAt: Date;
}

/** A session with the user it belongs to, as validation needs it. */
export interface SessionWithUser extends Session {
	email: string;
	displayName: string;
	role: Role;
	disabledAt: Date | null;
}

export async function create(
	session: Omit<Session, 'createdAt'> & { createdAt?: Date },
	db: Db = sql
): Promise<Session> {
	const [row] = await db<Session[]>`
		insert into sessions (id, user_id, created_at, expires_at, absolute_expires_at)
		values (${session.id}, ${session.userId}, ${session.createdAt ?? new Date()}, ${session.expiresAt},
			${session.absoluteExpiresAt})
		returning id, user_id, created_at, expires_at, absolute_expires_at
	`;
	if (!row) throw new Error('insert into sessions returned no row');
	return row;
}

export async function getWithUser(id: string, db: Db = sql): Promise<SessionWithUser | undefined> {
	const [row] = await db<SessionWithUser[]>`
		select s.id, s.user_id, s.created_at, s.expires_at, s.absolute_expires_at,
			u.email, u.display_name, u.role, u.disabled_at
		from sessions s join users u on u.id = s.user_id
		where s.id = ${id}
	`;
	return row;
}

export async function setExpiry(id: string, expiresAt: Date, db: Db = sql): Promise<void> {
	await db`update sessions set expires_at = ${expiresAt} where id = ${id}`;
}

export async function remove(id: string, db: Db = sql): Promise<void> {
	await db`delete from sessions where id = ${id}`;
}

/** Ends all of a user's sessions; returns how many there were. */
export async function removeForUser(userId: number, db: Db = sql): Promise<number> {
	const rows = await db`delete from sessions where user_id = ${userId} returning id`;
	return rows.length;
}

/** The user's live sessions, newest first (the account page lists them). */
export async function listForUser(userId: number, db: Db = sql): Promise<Session[]> {
	return db<Session[]>`
		select id, user_id, created_at, expires_at, absolute_expires_at
		from sessions
		where user_id = ${userId} and expires_at > now() and absolute_expires_at > now()
		order by created_at desc
	`;
}

/** Housekeeping: drops sessions past either expiry. */
export async function removeExpired(db: Db = sql): Promise<number> {
	const rows = await db`
		delete from sessions where expires_at <= now() or absolute_expires_at <= now() returning id
	`;
	return rows.length;
}
