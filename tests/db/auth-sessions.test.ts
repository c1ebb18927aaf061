import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { changePassword, setDisabled, setRole } from '../../src/lib/server/newsroom/accounts';
import type { Actor } from '../../src/lib/server/newsroom/actor';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	SESSION_DURATION_MS,
	SESSION_MAX_LIFETIME_MS,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { hashToken } from '../../src/lib/server/auth/secret';
import { createUser } from '../support/desk-auth';

let db: TestDatabase;

const admin = (user: { id: number }, clientAddress: string | null = null): Actor => ({
	id: user.id,
	role: 'admin',
	clientAddress
});
/** The command line acts as the system with the admin role (npm run user:add). */
const system: Actor = { id: null, role: 'admin', clientAddress: 'cli' };
const LAST_ADMIN = { kind: 'invalid', errors: { id: expect.stringMatching(/only enabled admin/) } };
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db?.drop();
});

describe('sessions', () => {
	it('stores only the token’s SHA-256 and finds the user from the token', async () => {
		const user = await createUser(db.sql, { role: 'editor', displayName: 'Edna Editor' });
		const { token, session } = await createSession(user.id, db.sql);
		expect(session.id).toBe(hashToken(token));
		const [row] = await db.sql`select id from sessions where user_id = ${user.id}`;
		expect(row?.id).not.toBe(token);

		const valid = await validateSessionToken(token, db.sql);
		expect(valid?.user).toEqual({
			id: user.id,
			email: user.email,
			displayName: 'Edna Editor',
			role: 'editor'
		});
		expect(await validateSessionToken(token + 'x', db.sql)).toBeNull();
	});

	it('ends after 30 days without use, and deletes the expired row', async () => {
		const user = await createUser(db.sql, { role: 'contributor' });
		const start = new Date();
		const { token, session } = await createSession(user.id, db.sql, start);
		expect(session.expiresAt.getTime() - start.getTime()).toBe(SESSION_DURATION_MS);
		const later = new Date(start.getTime() + SESSION_DURATION_MS + 1000);
		expect(await validateSessionToken(token, db.sql, later)).toBeNull();
		expect(await db.sql`select 1 from sessions where id = ${session.id}`).toHaveLength(0);
	});

	it('slides forward once less than half is left, but never past the absolute limit', async () => {
		const user = await createUser(db.sql, { role: 'editor' });
		const start = new Date();
		const { token, session } = await createSession(user.id, db.sql, start);

		// Early on, nothing changes (no write per request).
		const soon = await validateSessionToken(token, db.sql, new Date(start.getTime() + DAY));
		expect(soon?.renewed).toBe(false);
		expect(soon?.session.expiresAt).toEqual(session.expiresAt);

		// Past half-life: renewed to 30 days from now, and the row says so.
		const day20 = new Date(start.getTime() + 20 * DAY);
		const slid = await validateSessionToken(token, db.sql, day20);
		expect(slid?.renewed).toBe(true);
		expect(slid?.session.expiresAt.getTime()).toBe(day20.getTime() + SESSION_DURATION_MS);
		const [row] = await db.sql<
			{ expiresAt: Date }[]
		>`select expires_at from sessions where id = ${session.id}`;
		expect(row?.expiresAt.getTime()).toBe(day20.getTime() + SESSION_DURATION_MS);

		// Used every few weeks it keeps sliding, up to the absolute limit and no further.
		let now = day20;
		for (let step = 0; step < 10; step += 1) {
			now = new Date(now.getTime() + 20 * DAY);
			const result = await validateSessionToken(token, db.sql, now);
			if (now.getTime() >= start.getTime() + SESSION_MAX_LIFETIME_MS) {
				expect(result).toBeNull();
				break;
			}
			expect(result?.session.expiresAt.getTime()).toBeLessThanOrEqual(
				start.getTime() + SESSION_MAX_LIFETIME_MS
			);
		}
		expect(
			await validateSessionToken(token, db.sql, new Date(start.getTime() + SESSION_MAX_LIFETIME_MS))
		).toBeNull();
	});

	it('signs out one session, or all of a user’s sessions', async () => {
		const user = await createUser(db.sql, { role: 'editor' });
		const other = await createUser(db.sql, { role: 'editor' });
		const laptop = await createSession(user.id, db.sql);
		const phone = await createSession(user.id, db.sql);
		const theirs = await createSession(other.id, db.sql);

		await invalidateSession(laptop.session.id, db.sql);
		expect(await validateSessionToken(laptop.token, db.sql)).toBeNull();
		expect(await validateSessionToken(phone.token, db.sql)).not.toBeNull();

		await createSession(user.id, db.sql);
		expect(await invalidateUserSessions(user.id, db.sql)).toBe(2);
		expect(await validateSessionToken(phone.token, db.sql)).toBeNull();
		expect(await validateSessionToken(theirs.token, db.sql)).not.toBeNull();
	});
});

describe('accounts', () => {
	it('disabling a user ends their sessions at once and is audited; enabling does not revive them', async () => {
		const adminUser = await createUser(db.sql, { role: 'admin' });
		const user = await createUser(db.sql, { role: 'editor' });
		const { token } = await createSession(user.id, db.sql);

		expect(await setDisabled(admin(adminUser, '10.0.0.1'), user.id, true, db.sql)).toMatchObject({
			kind: 'ok'
		});
		expect(await validateSessionToken(token, db.sql)).toBeNull();
		expect(await db.sql`select 1 from sessions where user_id = ${user.id}`).toHaveLength(0);
		await setDisabled(admin(adminUser), user.id, false, db.sql);
		expect(await validateSessionToken(token, db.sql)).toBeNull();

		const log = await db.sql<{ action: string; actorId: number; clientAddress: string | null }[]>`
			select action, actor_id, client_address from audit_log
			where entity_type = 'user' and entity_id = ${String(user.id)} order by id
		`;
		expect(log.map((r) => r.action)).toEqual(['user.disabled', 'user.enabled']);
		expect(log[0]).toMatchObject({ actorId: adminUser.id, clientAddress: '10.0.0.1' });
	});

	it('a session of a user disabled behind its back is refused', async () => {
		const user = await createUser(db.sql, { role: 'editor' });
		const { token } = await createSession(user.id, db.sql);
		await db.sql`update users set disabled_at = now() where id = ${user.id}`;
		expect(await validateSessionToken(token, db.sql)).toBeNull();
	});

	it('records role changes with before and after, and keeps one enabled admin', async () => {
		const onlyAdmins = await db.sql<
			{ id: number }[]
		>`select id from users where role = 'admin' and disabled_at is null`;
		for (const { id } of onlyAdmins)
			await db.sql`update users set role = 'editor' where id = ${id}`;
		const adminUser = await createUser(db.sql, { role: 'admin' });
		const user = await createUser(db.sql, { role: 'contributor' });

		await setRole(admin(adminUser), user.id, 'editor', db.sql);
		const [row] = await db.sql<{ before: unknown; after: unknown }[]>`
			select before, after from audit_log where action = 'user.role_changed' and entity_id = ${String(user.id)}
		`;
		expect(row).toEqual({ before: { role: 'contributor' }, after: { role: 'editor' } });

		// Nobody changes their own account; the system (the CLI) may not remove the last admin.
		expect(await setRole(admin(adminUser), adminUser.id, 'editor', db.sql)).toMatchObject({
			kind: 'invalid'
		});
		expect(await setRole(system, adminUser.id, 'editor', db.sql)).toMatchObject(LAST_ADMIN);
		expect(await setDisabled(system, adminUser.id, true, db.sql)).toMatchObject(LAST_ADMIN);
		expect(await setRole(admin(user), user.id, 'admin', db.sql)).toMatchObject({
			kind: 'invalid'
		});
		// An editor manages no accounts, and is told so whatever the id.
		const editor: Actor = { id: user.id, role: 'editor', clientAddress: null };
		expect(await setDisabled(editor, 999_999, true, db.sql)).toMatchObject({
			kind: 'forbidden'
		});
	});

	it('two admins disabling each other at once leave one admin, not none', async () => {
		const admins = await db.sql<{ id: number }[]>`
			select id from users where role = 'admin' and disabled_at is null`;
		for (const { id } of admins) await db.sql`update users set role = 'editor' where id = ${id}`;
		// Several rounds: without the lock the two checks overlap now and then and both pass.
		for (let round = 0; round < 10; round++) {
			const a = await createUser(db.sql, { role: 'admin' });
			const b = await createUser(db.sql, { role: 'admin' });
			const results = await Promise.all([
				setDisabled(admin(b), a.id, true, db.sql),
				setDisabled(admin(a), b.id, true, db.sql)
			]);
			expect(results.map((r) => r.kind).sort()).toEqual(['invalid', 'ok']);
			expect(results.find((r) => r.kind === 'invalid')).toMatchObject(LAST_ADMIN);
			const [left] = await db.sql<{ count: number }[]>`
				select count(*)::int as count from users where role = 'admin' and disabled_at is null`;
			expect(left?.count).toBe(1);
			// The survivor steps down so the next round starts from two fresh admins again.
			await db.sql`update users set role = 'editor' where role = 'admin'`;
		}
	});

	it('changing a password needs the current one and signs out every session', async () => {
		const user = await createUser(db.sql, { role: 'editor', password: 'first password' });
		const { token } = await createSession(user.id, db.sql);
		const base = { email: user.email };
		const self: Actor = { id: user.id, role: 'editor', clientAddress: null };

		expect(
			await changePassword(
				self,
				{ ...base, current: 'wrong one!', next: 'second password' },
				db.sql
			)
		).toEqual({ kind: 'invalid', errors: { current: expect.any(String) } });
		expect(
			await changePassword(self, { ...base, current: 'first password', next: 'short' }, db.sql)
		).toEqual({ kind: 'invalid', errors: { next: expect.stringMatching(/at least 8/) } });
		expect(await validateSessionToken(token, db.sql)).not.toBeNull();

		expect(
			await changePassword(
				self,
				{ ...base, current: 'first password', next: 'second password' },
				db.sql
			)
		).toMatchObject({ kind: 'ok' });
		expect(await validateSessionToken(token, db.sql)).toBeNull();
	});
});
