/**
 * `npm run backup [-- --out FILE]`: pg_dump of the app's database (DATABASE_URL or the embedded
 * one) in custom format, by default to backups/throughline-<UTC time>.dump. Safe while the app
 * runs: pg_dump reads one consistent snapshot. On the embedded server with no pg_dump as new as
 * it, a physical backup instead (portable/physical.ts): its data folder as a .tar.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dump, findTool } from '../src/lib/server/portable/pg-tools';
import { physicalBackup } from '../src/lib/server/portable/physical';
import { openForTools } from './db-url';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');

const { db, url, major } = await openForTools(false);
try {
	let physical = false;
	try {
		findTool('pg_dump', major);
	} catch (error) {
		if (!db.embedded) throw error;
		physical = true;
	}
	const fallback = path.join('backups', `throughline-${stamp}.${physical ? 'tar' : 'dump'}`);
	const file = path.resolve(values.out ?? fallback);
	mkdirSync(path.dirname(file), { recursive: true });
	if (physical && db.embedded) await physicalBackup(db.sql, db.embedded.dataDir, file);
	else await dump(url, file, major);
	console.log(`Backed up to ${file}${physical ? ' (a copy of the embedded data folder)' : ''}`);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.close();
}
