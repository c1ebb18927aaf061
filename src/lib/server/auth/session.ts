/**
 * Desk sessions, following the Lucia guide's basic API (https://lucia-auth.com/sessions/basic):
 * the browser holds a random token; the database keeps only SHA-256(token) as the session id.
 * Sessions slide (30 days, renewed once less than half is left) but never outlive an absolute
 * limit set at sign-in, so a stolen cookie cannot be kept alive forever by using it.
 */
import { sql, type Db } from '../db/client';
import * as sessions from '../db/sessions';
import type { DeskUser } from './guard';
import { generateSessionToken, hashToken } from './secret';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_DURATION_MS = 30 * DAY_MS;
/** However active, a session ends this long after sign-in and its owner signs in again. */
export const SESSION_MAX_LIFETIME_MS = 90 * DAY_MS;

export interface ValidSession {
	session: sessions.Session;
	user: DeskUser;
	/** The expiry moved forward: the caller re-sends the cookie with the new date. */
	renewed: boolean;
}

/**
 * Starts a fresh session for the user (always a new token at sign-in, so a token planted before
 * sign-in is worthless). Returns the token for the cookie; it is not stored anywhere.
 */
export async function createSession(
	userId: number,
	db: Db = sql,
	now = new Date()
): Promise<{ token: string; session: sessions.Session }> {
	const token = generateSessionToken();
	const session = await sessions.create(
		{
			id: hashToken(token),
			userId,
			createdAt: now,
			expiresAt: new Date(now.getTime() + SESSION_DURATION_MS),
			absoluteExpiresAt: new Date(now.getTime() + SESSION_MAX_LIFETIME_MS)
		},
		db
	);
	return { token, session };
}

/**
 * The session and user a token stands for, or null when it is unknown, expired (either limit)
 * or its user is disabled. Expired sessions are deleted on sight. Renews the sliding expiry
 * when less than half of it is left, capped by the absolute limit.
 */
export async function validateSessionToken(
	token: string,
	db: Db = sql,
	now = new Date()
): Promise<ValidSession | null> {
	const row = await sessions.getWithUser(hashToken(token), db);
	if (!row) return null;
	const { email, displayName, role, disabledAt, ...session } = row;
	if (disabledAt) return null;
	if (now >= session.expiresAt || now >= session.absoluteExpiresAt) {
		await sessions.remove(session.id, db);
		return null;
	}
	let renewed = false;
	if (session.expiresAt.getTime() - now.getTime() < SESSION_DURATION_MS / 2) {
		const slid = Math.min(now.getTime() + SESSION_DURATION_MS, session.absoluteExpiresAt.getTime());
		if (slid > session.expiresAt.getTime()) {
			session.expiresAt = new Date(slid);
			await sessions.setExpiry(session.id, session.expiresAt, db);
			renewed = true;
		}
	}
	return { session, user: { id: session.userId, email, displayName, role }, renewed };
}

/** Signs out this one session. */
export async function invalidateSession(sessionId: string, db: Db = sql): Promise<void> {
	await sessions.remove(sessionId, db);
}

/** Signs the user out everywhere (password change, disabling, "sign out everywhere"). */
export async function invalidateUserSessions(userId: number, db: Db = sql): Promise<number> {
	return sessions.removeForUser(userId, db);
}
