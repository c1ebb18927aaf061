import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { actAs, connect, type Sql } from '../../src/lib/server/db/client';
import { startEmbedded } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import { databaseUrl } from './urls';
import * as feeds from '../../src/lib/server/db/feeds';
import * as suggestions from '../../src/lib/server/db/suggestions';
import { serverMajor } from '../../src/lib/server/db/portable';
import { seedDemo } from '../../src/lib/server/seed/demo';
import {
	exportData,
	ImportRefused,
	importData,
	NO_PASSWORD,
	parseExport
} from '../../src/lib/server/portable/portable';
import { PORTABLE_TABLES } from '../../src/lib/server/portable/tables';
import { dump, findTool, restore } from '../../src/lib/server/portable/pg-tools';
import {
	isPhysicalBackup,
	physicalBackup,
	physicalRestore
} from '../../src/lib/server/portable/physical';
import { createEvent, createStory, createStoryArticle, createUser } from '../factories';

/**
 * Every row of a table, every column (generated ones too), as PostgreSQL renders it: read
 * independently of the export code, so a column the export forgot shows up as a difference.
 */
async function tableRows(sql: Sql, table: string, where = 'true'): Promise<unknown[]> {
	const rows = await sql.unsafe<{ row: string }[]>(
		`select to_jsonb(t)::text as row from "${table}" t where ${where} order by 1`
	);
	return rows.map((row) => JSON.parse(row.row) as unknown);
}

async function everyRow(sql: Sql): Promise<Record<string, unknown[]>> {
	const all: Record<string, unknown[]> = {};
	for (const table of PORTABLE_TABLES) {
		const rows = (await tableRows(sql, table.name)) as Record<string, unknown>[];
		// The one field an export leaves out on purpose.
		all[table.name] = rows.map(({ password_hash: _secret, ...row }) => row);
	}
	return all;
}

let source: TestDatabase;
let otherStoryId: number;

beforeAll(async () => {
	source = await createTestDatabase();
	await seedDemo(source.sql);
	// A second story, edited by a staff member, and a feed: everything the demo lacks.
	const editor = await createUser(source.sql, { displayName: 'Zoë "Night desk" Ødegård' });
	const story = await createStory(source.sql, { title: 'Flood 🌊 watch', slug: 'flood-watch' });
	otherStoryId = story.id;
	const article = await createStoryArticle(source.sql, story.id, { headline: 'River rises' });
	const event = await createEvent(source.sql, story.id, { title: 'Levee breached' });
	await suggestions.recordProposalDecision(
		{
			articleId: article.id,
			fingerprint: 'levee|2025-12-01',
			decision: 'accepted',
			eventId: event.id,
			decidedBy: editor.id
		},
		source.sql
	);
	await source.sql.begin(async (tx) => {
		await actAs(editor.id, tx);
		await tx`update events set verification = 'confirmed', attribution = 'County office'
			where id = ${event.id}`;
	});
	const feed = await feeds.create(
		{ url: 'https://wire.example/feed.xml', source: 'Wire', createdBy: editor.id },
		source.sql
	);
	if (feed) await feeds.recordItem(feed.id, 'guid-1', null as unknown as number, source.sql);
});

afterAll(async () => {
	await source?.drop();
});

describe('portable JSON export and import', () => {
	it('moves everything into a fresh database, every row field by field', async () => {
		const document = parseExport(JSON.stringify(await exportData(source.sql)));
		const target = await createTestDatabase();
		try {
			const counts = await importData(target.sql, document);
			// Every kind of row is there to compare (the demo and the setup above make them).
			for (const table of PORTABLE_TABLES)
				expect(counts[table.name], table.name).toBeGreaterThan(0);
			expect(await everyRow(target.sql)).toEqual(await everyRow(source.sql));
			// Staff arrive unable to sign in, and new rows get fresh ids after the imported ones.
			const hashes = await tableRows(target.sql, 'users');
			expect(
				hashes.every((user) => (user as { password_hash: string }).password_hash === NO_PASSWORD)
			).toBe(true);
			const fresh = await createStory(target.sql);
			const [max] = await source.sql<{ id: number }[]>`select max(id) as id from stories`;
			expect(fresh.id).toBeGreaterThan(max?.id ?? 0);
		} finally {
			await target.drop();
		}
	});

	it('moves one story with its articles and staff, and nothing of other stories', async () => {
		const document = await exportData(source.sql, 'flood-watch');
		expect(document.tables.stories).toHaveLength(1);
		const target = await createTestDatabase();
		try {
			await importData(target.sql, parseExport(JSON.stringify(document)));
			const scoped: [string, string][] = [
				['stories', `id = ${otherStoryId}`],
				['events', `story_id = ${otherStoryId}`],
				['story_articles', `story_id = ${otherStoryId}`],
				['revisions', `story_id = ${otherStoryId}`],
				['story_changes', `story_id = ${otherStoryId}`],
				[
					'event_verifications',
					`event_id in (select id from events where story_id = ${otherStoryId})`
				]
			];
			for (const [table, where] of scoped) {
				const rows = await tableRows(source.sql, table, where);
				expect(rows.length, table).toBeGreaterThan(0);
				expect(await tableRows(target.sql, table), table).toEqual(rows);
			}
			const users = (await tableRows(target.sql, 'users')) as { display_name: string }[];
			expect(users.map((user) => user.display_name)).toEqual(['Zoë "Night desk" Ødegård']);
			expect(await tableRows(target.sql, 'feeds')).toEqual([]);
		} finally {
			await target.drop();
		}
	});

	it('refuses an import that would clash with rows already there, and keeps nothing of it', async () => {
		const document = await exportData(source.sql, 'flood-watch');
		const target = await createTestDatabase();
		try {
			await importData(target.sql, document);
			const before = await everyRow(target.sql);
			await expect(importData(target.sql, document)).rejects.toBeInstanceOf(ImportRefused);
			expect(await everyRow(target.sql)).toEqual(before);
		} finally {
			await target.drop();
		}
	});

	it('refuses a file that is not an export', () => {
		expect(() => parseExport('{"format":"other"}')).toThrow(ImportRefused);
		expect(() => parseExport('not json')).toThrow(ImportRefused);
	});
});

describe('backup and restore (pg_dump, pg_restore)', () => {
	it('restores a backup into an empty database, every row field by field', async (context) => {
		const major = await serverMajor(source.sql);
		try {
			findTool('pg_dump', major);
		} catch (error) {
			// The embedded PostgreSQL 17 ships no pg_dump; CI's PostgreSQL 15 run has one.
			context.skip((error as Error).message);
		}
		const folder = mkdtempSync(path.join(tmpdir(), 'throughline-backup-'));
		const target = await createTestDatabase({ empty: true });
		try {
			const file = path.join(folder, 'backup.dump');
			await dump(source.url, file, major);
			await restore(target.url, file, major);
			const restored = await everyRow(target.sql);
			expect(restored).toEqual(await everyRow(source.sql));
			// Unlike the portable export, a backup keeps the staff's password hashes.
			const hashes = (db: Sql) => db<{ passwordHash: string }[]>`
				select password_hash from users order by id`;
			const kept = await hashes(target.sql);
			expect(kept.length).toBeGreaterThan(0);
			expect(kept.every((row) => row.passwordHash && row.passwordHash !== NO_PASSWORD)).toBe(true);
			expect(kept).toEqual(await hashes(source.sql));
		} finally {
			await target.drop();
			rmSync(folder, { recursive: true, force: true });
		}
	});
});

describe('backup and restore of the embedded PostgreSQL (no pg_dump)', () => {
	it('copies the running server and restores it as it was when the backup ended', async () => {
		const root = mkdtempSync(path.join(tmpdir(), 'throughline-physical-'));
		chmodSync(root, 0o755); // as root the server runs as postgres, which must enter it
		const file = path.join(root, 'backup.tar');
		let snapshot: Record<string, unknown[]>;
		const first = await startEmbedded({ dataDir: path.join(root, 'pg'), log: () => {} });
		try {
			const admin = connect(first.url, { max: 1 });
			await admin.unsafe('create database throughline');
			await admin.end();
			const sql = connect(databaseUrl(first.url, 'throughline'), { max: 2 });
			try {
				await migrate(sql);
				await seedDemo(sql);
				snapshot = await everyRow(sql);
				await physicalBackup(sql, first.dataDir, file);
				await createStory(sql, { title: 'Written after the backup' });
			} finally {
				await sql.end();
			}
		} finally {
			await first.stop();
		}
		expect(isPhysicalBackup(file)).toBe(true);

		const restoredDir = path.join(root, 'restored');
		expect(await physicalRestore(file, restoredDir)).toBeUndefined();
		const second = await startEmbedded({ dataDir: restoredDir, log: () => {} });
		try {
			const sql = connect(databaseUrl(second.url, 'throughline'), { max: 2 });
			try {
				expect(await everyRow(sql)).toEqual(snapshot);
			} finally {
				await sql.end();
			}
		} finally {
			await second.stop();
			rmSync(root, { recursive: true, force: true });
		}
	}, 180_000); // two embedded servers start, one of them recovering
});
