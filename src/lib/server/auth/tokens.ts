/**
 * API tokens for scripts and other machines: `Authorization: Bearer tl_…`. The token is shown
 * once at creation; the database keeps its SHA-256 (secret.ts), so a leaked table is useless.
 * Making and revoking them are commands in newsroom/accounts.ts.
 */
import { tokenName } from '../../schemas/accounts';
import { LIMITS } from '../../schemas/limits';
import * as apiTokens from '../db/api-tokens';
import { sql, type Db } from '../db/client';
import type { DeskUser } from './guard';
import { API_TOKEN_PREFIX, hashToken } from './secret';

export const TOKEN_NAME_MAX_LENGTH = LIMITS.tokenName;

/** Why a token name is refused, for the form; undefined when it is fine. */
export function tokenNameProblem(name: string): string | undefined {
	const checked = tokenName.safeParse(name);
	return checked.success ? undefined : checked.error.issues[0]?.message;
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
