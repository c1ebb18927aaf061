import { sql, type Db } from './client';
import type { Role } from '../../types';

/** An API token as its owner sees it listed (the secret itself is never stored). */
export interface ApiToken {
	id: number;
	userId: number;
	name: string;
	createdAt: Date;
	lastUsedAt: Date | null;
	revokedAt: Date | null;
}

/** A fragment must come from the connection that runs it, so this takes `db`. */
const columns = (db: Db) => db`id, user_id, name, created_at, last_used_at, revoked_at`;

export async function create(
	input: { userId: number; name: string; tokenHash: string },
	db: Db = sql
): Promise<ApiToken> {
	const [row] = await db<ApiToken[]>`
		insert into api_tokens (user_id, name, token_hash)
		values (${input.userId}, ${input.name}, ${input.tokenHash})
		returning ${columns(db)}
	`;
	if (!row) throw new Error('insert into api_tokens returned no row');
	return row;
}

export async function listForUser(userId: number, db: Db = sql): Promise<ApiToken[]> {
	return db<ApiToken[]>`
		select ${columns(db)} from api_tokens
		where user_id = ${userId}
		order by (revoked_at is null) desc, created_at desc, id desc
	`;
}

/** Revokes one of the user's tokens; undefined when it is not theirs or already revoked. */
export async function revoke(
	id: number,
	userId: number,
	db: Db = sql
): Promise<ApiToken | undefined> {
	const [row] = await db<ApiToken[]>`
		update api_tokens set revoked_at = now()
		where id = ${id} and user_id = ${userId} and revoked_at is null
		returning ${columns(db)}
	`;
	return row;
}

/**
 * The enabled user a live token belongs to, by the token's hash; marks the token used. Revoked
 * tokens and disabled users find nothing.
 */
export async function useByHash(
	tokenHash: string,
	db: Db = sql
): Promise<{ id: number; email: string; displayName: string; role: Role } | undefined> {
	const [row] = await db<{ id: number; email: string; displayName: string; role: Role }[]>`
		with used as (
			update api_tokens t set last_used_at = now()
			from users u
			where t.token_hash = ${tokenHash} and t.revoked_at is null
				and u.id = t.user_id and u.disabled_at is null
			returning u.id, u.email, u.display_name, u.role
		)
		select id, email, display_name, role from used
	`;
	return row;
}
