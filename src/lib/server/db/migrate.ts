import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Sql } from './client';

export interface Migration {
	id: number;
	name: string;
	sql: string;
	checksum: string;
}

/** Thrown for anything that makes migrating unsafe; the message says what to do. */
export class MigrationError extends Error {}

export const MIGRATIONS_DIR = process.env.MIGRATIONS_DIR ?? path.resolve('migrations');

const FILE_NAME = /^(\d{5})_[a-z0-9_]+\.sql$/;

/** Reads `NNNNN_what_it_does.sql` files in order, refusing gaps, duplicates and stray names. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
	const files = readdirSync(dir)
		.filter((file) => file.endsWith('.sql'))
		.sort();
	return files.map((name, index) => {
		const match = FILE_NAME.exec(name);
		if (!match) {
			throw new MigrationError(`${name}: migration files are named like 00002_add_feeds.sql`);
		}
		const id = Number(match[1]);
		if (id !== index + 1) {
			throw new MigrationError(
				`${name}: expected migration number ${index + 1} (no gaps, no repeats)`
			);
		}
		const sql = readFileSync(path.join(dir, name), 'utf8');
		return { id, name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
	});
}

/**
 * Applies every pending migration in one transaction, under an advisory lock so that two app
 * instances starting together apply each migration once. An applied migration whose file has
 * changed is refused: migrations are forward-only. Returns the names applied now.
 */
export async function migrate(db: Sql, dir = MIGRATIONS_DIR): Promise<string[]> {
	const migrations = readMigrations(dir);
	return db.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(hashtext('throughline.migrations'))`;
		await tx`
			create table if not exists migrations (
				id integer primary key,
				name text not null,
				checksum text not null,
				applied_at timestamptz not null default now()
			)`;
		const applied = await tx<{ id: number; name: string; checksum: string }[]>`
			select id, name, checksum from migrations order by id`;
		for (const row of applied) {
			const file = migrations.find((m) => m.id === row.id);
			if (!file) {
				throw new MigrationError(
					`The database has migration ${row.name}, which this code does not know: ` +
						`it was migrated by a newer version of Throughline.`
				);
			}
			if (file.checksum !== row.checksum) {
				throw new MigrationError(
					`Migration ${file.name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)}… ` +
						`is now ${file.checksum.slice(0, 12)}…). Migrations are forward-only: restore the ` +
						`original file and put the change in a new migration.`
				);
			}
		}
		const pending = migrations.filter((m) => !applied.some((row) => row.id === m.id));
		for (const m of pending) {
			await tx.unsafe(m.sql);
			await tx`insert into migrations (id, name, checksum) values (${m.id}, ${m.name}, ${m.checksum})`;
		}
		return pending.map((m) => m.name);
	});
}

/**
 * The migration files this code has that the database has not applied (or applied from a
 * different file): empty when the database is current. For readiness checks; never writes.
 */
export async function pendingMigrations(db: Sql, dir = MIGRATIONS_DIR): Promise<string[]> {
	const applied = await db<{ id: number; checksum: string }[]>`select id, checksum from migrations`;
	const known = new Map(applied.map((row) => [row.id, row.checksum]));
	return readMigrations(dir)
		.filter((m) => known.get(m.id) !== m.checksum)
		.map((m) => m.name);
}
