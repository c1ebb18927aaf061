/** 00005: the demo editor's plain password, written by earlier versions, leaves the audit log. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/lib/server/db/migrate';
import { createTestDatabase, type TestDatabase } from './harness';

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
	db = await createTestDatabase({ empty: true });
	dir = mkdtempSync(path.join(tmpdir(), 'tl-migrations-'));
});

afterAll(async () => {
	await db?.drop();
	rmSync(dir, { recursive: true, force: true });
});

describe('00005_forget_demo_password', () => {
	it('removes the password from the demo editor’s creation line and nothing else', async () => {
		for (const file of [
			'00001_init.sql',
			'00002_story_notifications.sql',
			'00003_desk_and_ingest.sql',
			'00004_event_group_label.sql'
		])
			cpSync(path.join('migrations', file), path.join(dir, file));
		await migrate(db.sql, dir);
		await db.sql`insert into audit_log (action, entity_type, entity_id, after) values
			('demo.editor_created', 'user', '1', ${db.sql.json({ email: 'editor@demo.throughline.test', password: 'leaked1234567890' })}),
			('user.sign_in_failed', 'user', null, ${db.sql.json({ email: 'x@example.test', password: 'kept' })})`;

		cpSync(
			path.join('migrations', '00005_forget_demo_password.sql'),
			path.join(dir, '00005_forget_demo_password.sql')
		);
		await migrate(db.sql, dir);

		const rows = await db.sql<{ action: string; after: Record<string, string> }[]>`
			select action, after from audit_log order by id`;
		expect(rows).toEqual([
			{ action: 'demo.editor_created', after: { email: 'editor@demo.throughline.test' } },
			{ action: 'user.sign_in_failed', after: { email: 'x@example.test', password: 'kept' } }
		]);
	});
});
