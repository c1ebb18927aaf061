import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { checkSignIn } from '../../src/lib/server/auth/sign-in';
import {
	MAX_FAILURES_PER_ACCOUNT,
	MAX_FAILURES_PER_ADDRESS,
	THROTTLE_WINDOW_MS
} from '../../src/lib/server/auth/throttle';
import { authenticateToken } from '../../src/lib/server/auth/tokens';
import { changePassword, createToken, revokeToken } from '../../src/lib/server/newsroom/accounts';
import { DEMO_EDITOR_EMAIL, demoCredentials } from '../../src/lib/server/auth/demo';
import { hashToken } from '../../src/lib/server/auth/secret';
import * as audit from '../../src/lib/server/db/audit';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { createApiToken, createUser } from '../support/desk-auth';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db?.drop();
});

let addressCounter = 0;
/** A client address of its own per test, so the per-address limit never leaks between tests. */
const freshAddress = () => `192.0.2.${(addressCounter += 1)}`;

describe('signing in', () => {
	it('accepts the right password in any letter case of the address, and audits both outcomes', async () => {
		const user = await createUser(db.sql, { role: 'editor', email: 'case@example.test' });
		const clientAddress = freshAddress();
		const wrong = await checkSignIn(
			{ email: 'CASE@example.test', password: 'not it at all', clientAddress },
			db.sql
		);
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		const right = await checkSignIn(
			{ email: ' Case@Example.test ', password: user.password, clientAddress },
			db.sql
		);
		expect(right).toMatchObject({ ok: true, user: { id: user.id, role: 'editor' } });

		const log = await db.sql<{ action: string; actorId: number | null; clientAddress: string }[]>`
			select action, actor_id, client_address from audit_log
			where entity_type = 'user' and entity_id = ${String(user.id)} order by id
		`;
		expect(log).toEqual([
			{ action: 'user.sign_in_failed', actorId: null, clientAddress },
			{ action: 'user.signed_in', actorId: user.id, clientAddress }
		]);
	});

	it('refuses a disabled account with the same answer as a wrong password', async () => {
		const user = await createUser(db.sql, { role: 'editor' });
		await db.sql`update users set disabled_at = now() where id = ${user.id}`;
		expect(
			await checkSignIn(
				{ email: user.email, password: user.password, clientAddress: freshAddress() },
				db.sql
			)
		).toEqual({ ok: false, reason: 'invalid' });
	});
});

describe('throttling', () => {
	it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures in 15 minutes, from any address, even for the right password`, async () => {
		const user = await createUser(db.sql, { role: 'editor' });
		for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i += 1) {
			const result = await checkSignIn(
				{ email: user.email, password: `guess number ${i}`, clientAddress: freshAddress() },
				db.sql
			);
			expect(result.ok).toBe(false);
		}
		const locked = await checkSignIn(
			{ email: user.email, password: user.password, clientAddress: freshAddress() },
			db.sql
		);
		expect(locked).toMatchObject({ ok: false, reason: 'throttled' });
		const seconds =
			locked.ok === false && locked.reason === 'throttled' ? locked.retryAfterSeconds : 0;
		expect(seconds).toBeGreaterThan(0);
		expect(seconds).toBeLessThanOrEqual(THROTTLE_WINDOW_MS / 1000);

		// Once the failures are older than the window, the right password works again.
		await db.sql`update sign_in_attempts set at = at - interval '16 minutes' where email = ${user.email}`;
		expect(
			await checkSignIn(
				{ email: user.email, password: user.password, clientAddress: freshAddress() },
				db.sql
			)
		).toMatchObject({ ok: true });
	});

	it('gives an address without an account exactly the answers an existing account gets', async () => {
		const user = await createUser(db.sql, { role: 'editor' });
		const answers = async (email: string) => {
			const seen = [];
			for (let i = 0; i <= MAX_FAILURES_PER_ACCOUNT; i += 1) {
				const result = await checkSignIn(
					{ email, password: 'wrong password', clientAddress: freshAddress() },
					db.sql
				);
				seen.push(result.ok ? 'ok' : result.reason);
			}
			return seen;
		};
		const existing = await answers(user.email);
		const missing = await answers('nobody-here@example.test');
		expect(missing).toEqual(existing);
		expect(existing.at(-1)).toBe('throttled');
	});

	it(`stops one client address after ${MAX_FAILURES_PER_ADDRESS} failures across different accounts`, async () => {
		const clientAddress = freshAddress();
		for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i += 1) {
			await checkSignIn(
				{ email: `spray-${i}@example.test`, password: 'password1', clientAddress },
				db.sql
			);
		}
		const user = await createUser(db.sql, { role: 'editor' });
		expect(
			await checkSignIn({ email: user.email, password: user.password, clientAddress }, db.sql)
		).toMatchObject({ ok: false, reason: 'throttled' });
		// The account itself is fine from elsewhere.
		expect(
			await checkSignIn(
				{ email: user.email, password: user.password, clientAddress: freshAddress() },
				db.sql
			)
		).toMatchObject({ ok: true });
	});
});

describe('API tokens', () => {
	it('keeps only the hash, authenticates until revoked, and audits creation and revocation', async () => {
		const user = await createUser(db.sql, { role: 'editor' });
		const editor = { id: user.id, role: 'editor' as const, clientAddress: null };
		const made = await createToken(editor, 'nightly', db.sql);
		if (made.kind !== 'ok') throw new Error(`refused: ${made.kind}`);
		const { token, record } = made.value;
		const [row] = await db.sql<
			{ tokenHash: string }[]
		>`select token_hash from api_tokens where id = ${record.id}`;
		expect(row?.tokenHash).toBe(hashToken(token));
		expect(JSON.stringify(await db.sql`select * from api_tokens`)).not.toContain(token);

		expect(await authenticateToken(token, db.sql)).toMatchObject({ id: user.id, role: 'editor' });
		const [used] = await db.sql<
			{ lastUsedAt: Date | null }[]
		>`select last_used_at from api_tokens where id = ${record.id}`;
		expect(used?.lastUsedAt).toBeInstanceOf(Date);

		const someoneElse = { ...editor, id: user.id + 1000 };
		expect(await revokeToken(someoneElse, record.id, db.sql)).toMatchObject({ kind: 'notFound' });
		expect(await revokeToken(editor, record.id, db.sql)).toMatchObject({ kind: 'ok' });
		// A contributor holds no tokens.
		const contributor = { ...editor, role: 'contributor' as const };
		expect(await createToken(contributor, 'mine', db.sql)).toMatchObject({ kind: 'forbidden' });
		expect(await authenticateToken(token, db.sql)).toBeNull();

		const { entries } = await audit.list({ limit: 500 }, db.sql);
		const mine = entries.filter(
			(e) => e.entityType === 'api_token' && e.entityId === String(record.id)
		);
		expect(mine.map((e) => e.action).sort()).toEqual(['token.created', 'token.revoked']);
	});

	it('refuses the token of a disabled user, and unknown tokens', async () => {
		const user = await createUser(db.sql, { role: 'admin' });
		const token = await createApiToken(db.sql, user.id);
		expect(await authenticateToken(token, db.sql)).toMatchObject({ id: user.id });
		await db.sql`update users set disabled_at = now() where id = ${user.id}`;
		expect(await authenticateToken(token, db.sql)).toBeNull();
		expect(await authenticateToken('tl_' + 'a'.repeat(32), db.sql)).toBeNull();
		expect(await authenticateToken('', db.sql)).toBeNull();
	});
});

describe('the demo editor', () => {
	it('is created with the demo story, and its credentials show only until its password changes', async () => {
		const demoDb = await createTestDatabase();
		try {
			expect(await demoCredentials(demoDb.sql)).toBeUndefined();
			await seedDemo(demoDb.sql);
			const demo = await demoCredentials(demoDb.sql);
			expect(demo?.email).toBe(DEMO_EDITOR_EMAIL);
			expect(demo?.password).toMatch(/^[a-z2-7]{16}$/);
			const signIn = await checkSignIn(
				{ email: DEMO_EDITOR_EMAIL, password: demo?.password ?? '', clientAddress: '198.51.100.1' },
				demoDb.sql
			);
			expect(signIn).toMatchObject({ ok: true, user: { role: 'editor' } });

			const userId = signIn.ok ? signIn.user.id : 0;
			await changePassword(
				{ id: userId, role: 'editor', clientAddress: null },
				{ email: DEMO_EDITOR_EMAIL, current: demo?.password ?? '', next: 'my own password' },
				demoDb.sql
			);
			expect(await demoCredentials(demoDb.sql)).toBeUndefined();
		} finally {
			await demoDb.drop();
		}
	});
});
