import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/lib/server/db/client';
import { migrate, readMigrations } from '../../src/lib/server/db/migrate';
import { createTestDatabase, type TestDatabase } from './harness';

let db: TestDatabase;
let dir: string;

/** The file name of the migration `offset` places after the last real one. */
const upcoming = (offset: number, what: string) =>
	`${String(readMigrations('migrations').length + offset).padStart(5, '0')}_${what}.sql`;

beforeEach(async () => {
	db = await createTestDatabase({ empty: true });
	dir = mkdtempSync(path.join(tmpdir(), 'tl-migrations-'));
	cpSync('migrations', dir, { recursive: true });
});

afterEach(async () => {
	await db.drop();
	rmSync(dir, { recursive: true, force: true });
});

const tables = async () =>
	(
		await db.sql<{ tablename: string }[]>`
			select tablename from pg_tables where schemaname = 'public' order by tablename`
	).map((row) => row.tablename);

describe('migrations', () => {
	it('apply on an empty database and record each file with its checksum', async () => {
		const applied = await migrate(db.sql, dir);

		expect(applied).toEqual(readMigrations(dir).map((m) => m.name));
		expect(await tables()).toEqual(
			expect.arrayContaining(['stories', 'articles', 'story_articles', 'events', 'event_sources'])
		);
		const recorded = await db.sql<{ name: string; checksum: string }[]>`
			select name, checksum from migrations order by id`;
		expect(recorded.map((r) => r.checksum)).toEqual(readMigrations(dir).map((m) => m.checksum));
		expect(await migrate(db.sql, dir)).toEqual([]);
	});

	it('refuse an applied migration that was edited, naming the file', async () => {
		await migrate(db.sql, dir);
		appendFileSync(path.join(dir, '00001_init.sql'), '\ncreate table sneaky (id int);\n');

		await expect(migrate(db.sql, dir)).rejects.toThrow(/00001_init\.sql was edited/);
		expect(await tables()).not.toContain('sneaky');
	});

	it('apply all pending files in one transaction: a failing file leaves nothing behind', async () => {
		writeFileSync(path.join(dir, upcoming(1, 'good')), 'create table good_one (id int);');
		writeFileSync(path.join(dir, upcoming(2, 'bad')), 'create table bad_one (id int); select 1/0;');

		await expect(migrate(db.sql, dir)).rejects.toThrow(/division by zero/);
		expect(await tables()).toEqual([]);
	});

	it('refuse a gap in the numbering before touching the database', async () => {
		writeFileSync(path.join(dir, upcoming(2, 'skipped_one')), 'create table t (id int);');

		await expect(migrate(db.sql, dir)).rejects.toThrow(
			new RegExp(`expected migration number ${readMigrations('migrations').length + 1}`)
		);
		expect(await tables()).toEqual([]);
	});

	it('apply once when two instances migrate at the same moment', async () => {
		const first = connect(db.url, { max: 1 });
		const second = connect(db.url, { max: 1 });
		try {
			const results = await Promise.all([migrate(first, dir), migrate(second, dir)]);

			expect(results.map((r) => r.length).sort()).toEqual([0, readMigrations(dir).length]);
			const [row] = await db.sql<{ count: number }[]>`
				select count(*)::int as count from migrations`;
			expect(row?.count).toBe(readMigrations(dir).length);
		} finally {
			await first.end();
			await second.end();
		}
	});
});
