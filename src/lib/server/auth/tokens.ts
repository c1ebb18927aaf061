/**
 * API tokens for scripts and other machines: `Authorization: Bearer tl_…`. The token is shown
 * once at creation; the database keeps its SHA-256 (secret.ts), so a leaked table is useless.
 */
import { tokenName } from '../../schemas/accounts';
import { LIMITS } from '../../schemas/limits';
import * as apiTokens from '../db/api-tokens';
import * as audit from '../db/audit';
import { sql, type Db } from '../db/client';
import type { DeskUser } from './guard';
import { API_TOKEN_PREFIX, generateApiToken, hashToken } from './secret';

export const TOKEN_NAME_MAX_LENGTH = LIMITS.tokenName;

/** Why a token name is refused, for the form; undefined when it is fine. */
export function tokenNameProblem(name: string): string | undefined {
	const checked = tokenName.safeParse(name);
	return checked.success ? undefined : checked.error.issues[0]?.message;
}

/** Creates a token for the user; the returned `token` is the only time anyone sees it. */
export async function createToken(
	input: { userId: number; name: string; actorId: number; clientAddress?: string | null },
	db: Db = sql
): Promise<{ token: string; record: apiTokens.ApiToken }> {
	const problem = tokenNameProblem(input.name);
	if (problem) throw new RangeError(problem);
	const token = generateApiToken();
	const record = await apiTokens.create(
		{ userId: input.userId, name: input.name.trim(), tokenHash: hashToken(token) },
		db
	);
	await audit.record(
		{
			actorId: input.actorId,
			action: 'token.created',
			entityType: 'api_token',
			entityId: record.id,
			after: { name: record.name, userId: record.userId },
			clientAddress: input.clientAddress
		},
		db
	);
	return { token, record };
}

/** Revokes one of the user's tokens; false when there was no such live token. */
export async function revokeToken(
	input: { id: number; userId: number; actorId: number; clientAddress?: string | null },
	db: Db = sql
): Promise<boolean> {
	const record = await apiTokens.revoke(input.id, input.userId, db);
	if (!record) return false;
	await audit.record(
		{
			actorId: input.actorId,
			action: 'token.revoked',
			entityType: 'api_token',
			entityId: record.id,
			before: { name: record.name },
			clientAddress: input.clientAddress
		},
		db
	);
	return true;
}

/** The user behind a Bearer token, or null for a malformed, unknown or revoked one. */
export async function authenticateToken(token: string, db: Db = sql): Promise<DeskUser | null> {
	if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
	return (await apiTokens.useByHash(hashToken(token), db)) ?? null;
}

/** The token in an `Authorization: Bearer …` header; undefined when there is no such header. */
export function bearerToken(header: string | null): string | undefined {
	const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
	if (header && !match) return ''; // an Authorization header we cannot read: never anonymous-OK
	return match?.[1];
}
