import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connect, type Sql } from '../../src/lib/server/db/client';
import { databaseUrl } from './urls';

export interface TestDatabase {
	sql: Sql;
	url: string;
	name: string;
	drop(): Promise<void>;
}

/** A fresh database copied from the run's migrated template: one per test file. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
	const adminUrl = inject('adminUrl');
	const name = `tl_test_${randomBytes(6).toString('hex')}`;
	const admin = connect(adminUrl, { max: 1 });
	try {
		const template = options.empty ? 'template1' : inject('templateDatabase');
		await admin.unsafe(`create database "${name}" template "${template}"`);
	} finally {
		await admin.end();
	}
	const url = databaseUrl(adminUrl, name);
	const sql = connect(url, { max: 4 });
	return {
		sql,
		url,
		name,
		drop: async () => {
			await sql.end({ timeout: 5 });
			const cleanup = connect(adminUrl, { max: 1 });
			try {
				await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
			} finally {
				await cleanup.end();
			}
		}
	};
}
