/**
 * `npm run backup [-- --out FILE]`: pg_dump of the app's database (DATABASE_URL or the embedded
 * one) in custom format, by default to backups/throughline-<UTC time>.dump. Safe while the app
 * runs: pg_dump reads one consistent snapshot.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dump } from '../src/lib/server/portable/pg-tools';
import { openForTools } from './db-url';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = path.resolve(values.out ?? path.join('backups', `throughline-${stamp}.dump`));
mkdirSync(path.dirname(file), { recursive: true });

const { db, url, major } = await openForTools(false);
try {
	await dump(url, file, major);
	console.log(`Backed up to ${file}`);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.close();
}
