import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { cleanUp } from '../../src/lib/server/app/housekeeping';
import { createSession } from '../../src/lib/server/auth/session';
import { createUser } from '../support/desk-auth';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db?.drop();
});

it('deletes expired sessions and day-old sign-in attempts, and keeps what still counts', async () => {
	const user = await createUser(db.sql, { role: 'editor' });
	const live = await createSession(user.id, db.sql);
	const stale = await createSession(user.id, db.sql);
	await db.sql`
		update sessions set created_at = now() - interval '40 days',
			expires_at = now() - interval '1 day', absolute_expires_at = now() - interval '1 day'
		where id = ${stale.session.id}`;
	await db.sql`
		insert into sign_in_attempts (at, email, client_address, succeeded) values
			(now() - interval '2 days', 'old@example.org', '203.0.113.1', false),
			(now() - interval '5 minutes', 'recent@example.org', '203.0.113.1', false)`;

	expect(await cleanUp(db.sql)).toEqual({ expiredSessions: 1, oldAttempts: 1 });
	const ids = (await db.sql<{ id: string }[]>`select id from sessions`).map((row) => row.id);
	expect(ids).toEqual([live.session.id]);
	const emails = await db.sql<{ email: string }[]>`select email from sign_in_attempts`;
	expect(emails.map((row) => row.email)).toEqual(['recent@example.org']);
});
