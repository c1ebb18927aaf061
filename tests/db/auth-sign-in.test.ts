import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { checkSignIn } from '../../src/lib/server/auth/sign-in';
import {
	ACCOUNT_MAX_WAIT_S,
	ACCOUNT_SLOW_FAILURES,
	MAX_FAILURES_PER_ADDRESS,
	PAIR_FREE_FAILURES,
	THROTTLE_WINDOW_MS,
	addressGroup
} from '../../src/lib/server/auth/throttle';
import { authenticateToken } from '../../src/lib/server/auth/tokens';
import { changePassword, createToken, revokeToken } from '../../src/lib/server/newsroom/accounts';
import {
	DEMO_EDITOR_EMAIL,
	demoEditorEmail,
	ensureDemoEditor,
	retireDemoEditor
} from '../../src/lib/server/auth/demo';
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
	const attempt = (email: string, password: string, clientAddress: string) =>
		checkSignIn({ email, password, clientAddress }, db.sql);
	const waitOf = (result: Awaited<ReturnType<typeof checkSignIn>>) =>
		!result.ok && result.reason === 'throttled' ? result.retryAfterSeconds : 0;
	/** Lets time pass for the throttle: every attempt on the account happened `s` seconds earlier. */
	const later = (email: string, s: number) =>
		db.sql`update sign_in_attempts set at = at - ${`${s} seconds`}::interval where email = ${email}`;

	it('backs off one account from one address exponentially, then lets the right password in', async () => {
		const user = await createUser(db.sql, { role: 'editor' });
		const clientAddress = freshAddress();
		for (let i = 0; i < PAIR_FREE_FAILURES; i += 1) {
			expect(await attempt(user.email, `guess ${i}`, clientAddress)).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		const waits: number[] = [];
		for (let i = 0; i < 4; i += 1) {
			const refused = await attempt(user.email, user.password, clientAddress);
			waits.push(waitOf(refused));
			await later(user.email, waits.at(-1)!);
			expect(await attempt(user.email, `late guess ${i}`, clientAddress)).toMatchObject({
				reason: 'invalid'
			});
		}
		expect(waits).toEqual([5, 10, 20, 40].map((s) => expect.closeTo(s, 0)));
		await later(user.email, 80);
		expect(await attempt(user.email, user.password, clientAddress)).toMatchObject({ ok: true });
	});

	it('counts an IPv6 client by its /64: rotating addresses inside it does not help', async () => {
		const user = await createUser(db.sql, { role: 'editor' });
		for (let i = 1; i <= PAIR_FREE_FAILURES; i += 1) {
			await attempt(user.email, `guess ${i}`, `2001:db8:7:7:${i.toString(16)}::${i}`);
		}
		expect(waitOf(await attempt(user.email, 'next guess', '2001:db8:7:7:ffff::1'))).toBe(5);
		// Another /64 is another network.
		expect(await attempt(user.email, user.password, '2001:db8:7:8::1')).toMatchObject({ ok: true });
	});

	it('slows, never locks, an account guessed at from many networks: its owner gets in', async () => {
		const user = await createUser(db.sql, { role: 'editor' });
		const home = freshAddress();
		expect(await attempt(user.email, user.password, home)).toMatchObject({ ok: true });
		for (let i = 0; i < ACCOUNT_SLOW_FAILURES + 4; i += 1) {
			await later(user.email, 60);
			expect(await attempt(user.email, `guess ${i}`, `198.18.${i}.1`)).toMatchObject({
				reason: 'invalid'
			});
		}
		// A fresh network waits, briefly…
		const away = await attempt(user.email, user.password, '203.0.113.77');
		expect(waitOf(away)).toBeGreaterThan(0);
		expect(waitOf(away)).toBeLessThanOrEqual(ACCOUNT_MAX_WAIT_S);
		// …and the owner, from where they have signed in before, does not wait at all.
		expect(await attempt(user.email, user.password, home)).toMatchObject({ ok: true });
	});

	it('gives an address without an account exactly the answers an existing account gets', async () => {
		const user = await createUser(db.sql, { role: 'editor' });
		const answers = async (email: string) => {
			const clientAddress = freshAddress();
			const seen = [];
			for (let i = 0; i <= PAIR_FREE_FAILURES + 1; i += 1) {
				const result = await attempt(email, 'wrong password', clientAddress);
				seen.push(result.ok ? 'ok' : result.reason);
			}
			return seen;
		};
		const existing = await answers(user.email);
		const missing = await answers('nobody-here@example.test');
		expect(missing).toEqual(existing);
		expect(existing.at(-1)).toBe('throttled');
	});

	it(`stops one network after ${MAX_FAILURES_PER_ADDRESS} failures across different accounts`, async () => {
		const clientAddress = freshAddress();
		for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i += 1) {
			await attempt(`spray-${i}@example.test`, 'password1', clientAddress);
		}
		const user = await createUser(db.sql, { role: 'editor' });
		const refused = await attempt(user.email, user.password, clientAddress);
		expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
		expect(waitOf(refused)).toBeLessThanOrEqual(THROTTLE_WINDOW_MS / 1000);
		// The account itself is fine from elsewhere.
		expect(await attempt(user.email, user.password, freshAddress())).toMatchObject({ ok: true });
	});
});

describe('addressGroup', () => {
	it('keeps IPv4, groups IPv6 by /64 and reads IPv4-mapped IPv6 as IPv4', () => {
		expect(addressGroup('192.0.2.7')).toBe('192.0.2.7');
		expect(addressGroup('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
		expect(addressGroup('2001:0db8:0001:0002::9')).toBe('2001:db8:1:2::/64');
		expect(addressGroup('::ffff:192.0.2.7')).toBe('192.0.2.7');
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
	it('is made only with the demo story, keeps its password out of the database, and gets a fresh one each start until it picks its own', async () => {
		const demoDb = await createTestDatabase();
		const signIn = (password: string) =>
			checkSignIn(
				{ email: DEMO_EDITOR_EMAIL, password, clientAddress: freshAddress() },
				demoDb.sql
			);
		try {
			// A database that was not seeded just now (a real newsroom's) never gets one.
			expect(await ensureDemoEditor(demoDb.sql, false)).toBeUndefined();
			expect(await demoEditorEmail(demoDb.sql)).toBeUndefined();
			await seedDemo(demoDb.sql);
			const first = await ensureDemoEditor(demoDb.sql, true);
			expect(first).toMatch(/^[a-z2-7]{16}$/);
			expect(await demoEditorEmail(demoDb.sql)).toBe(DEMO_EDITOR_EMAIL);
			const signedIn = await signIn(first!);
			expect(signedIn).toMatchObject({ ok: true, user: { role: 'editor' } });

			// The password is nowhere in the database: not in the audit log, not in any row.
			const [row] = await demoDb.sql<{ found: number }[]>`
				select count(*)::int as found from audit_log where after::text like ${`%${first}%`}
					or before::text like ${`%${first}%`}`;
			expect(row?.found).toBe(0);

			// The next start prints a new password; the old one stops working.
			const second = await ensureDemoEditor(demoDb.sql, false);
			expect(second).toMatch(/^[a-z2-7]{16}$/);
			expect(second).not.toBe(first);
			expect(await signIn(first!)).toEqual({ ok: false, reason: 'invalid' });
			expect(await signIn(second!)).toMatchObject({ ok: true });

			// Once the demo editor picks its own password, starts leave it alone.
			const userId = signedIn.ok ? signedIn.user.id : 0;
			await changePassword(
				{ id: userId, role: 'editor', clientAddress: null },
				{ email: DEMO_EDITOR_EMAIL, current: second!, next: 'my own password' },
				demoDb.sql
			);
			expect(await ensureDemoEditor(demoDb.sql, false)).toBeUndefined();
			expect(await demoEditorEmail(demoDb.sql)).toBeUndefined();
			expect(await signIn('my own password')).toMatchObject({ ok: true });
			// …and so does a start on a public origin.
			expect(await retireDemoEditor(demoDb.sql)).toBe(false);
		} finally {
			await demoDb.drop();
		}
	});

	it('is retired by a start on a public origin: the password it had stops working', async () => {
		const demoDb = await createTestDatabase();
		try {
			await seedDemo(demoDb.sql);
			const password = await ensureDemoEditor(demoDb.sql, true);
			expect(await retireDemoEditor(demoDb.sql)).toBe(true);
			expect(
				await checkSignIn(
					{ email: DEMO_EDITOR_EMAIL, password: password!, clientAddress: freshAddress() },
					demoDb.sql
				)
			).toEqual({ ok: false, reason: 'invalid' });
		} finally {
			await demoDb.drop();
		}
	});
});
