/** A real PostgreSQL for the evaluation: TEST_DATABASE_URL, else an embedded server. */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, type Sql } from '../../src/lib/server/db/client';
import { startEmbedded } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';

export async function server(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
	const external = process.env.TEST_DATABASE_URL;
	if (external) return { adminUrl: external, stop: async () => {} };
	const dataRoot = mkdtempSync(path.join(tmpdir(), 'throughline-eval-'));
	chmodSync(dataRoot, 0o755); // as root the server runs as postgres, which must enter it
	const embedded = await startEmbedded({ dataDir: path.join(dataRoot, 'pg'), log: () => {} });
	return {
		adminUrl: embedded.url,
		stop: async () => {
			await embedded.stop();
			rmSync(dataRoot, { recursive: true, force: true });
		}
	};
}

export async function freshDatabase(
	adminUrl: string
): Promise<{ sql: Sql; drop: () => Promise<void> }> {
	const name = `tl_eval_${randomBytes(5).toString('hex')}`;
	const admin = connect(adminUrl, { max: 1 });
	await admin.unsafe(`create database "${name}"`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const sql = connect(url.toString(), { max: 4 });
	await migrate(sql);
	return {
		sql,
		drop: async () => {
			await sql.end();
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end();
		}
	};
}

export const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
export const ratio = (hit: number, of: number) => (of ? hit / of : 0);
