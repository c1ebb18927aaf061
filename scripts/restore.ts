/**
 * `npm run restore -- FILE`: puts a `npm run backup` dump back into the app's database
 * (DATABASE_URL or the embedded one), replacing its tables, in one transaction. Stop every app
 * instance first; the next start applies any migration newer than the dump.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { restore } from '../src/lib/server/portable/pg-tools';
import { openForTools } from './db-url';

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0] ? path.resolve(positionals[0]) : '';
if (!file || !existsSync(file)) {
	console.error('Usage: npm run restore -- FILE (a dump made by npm run backup)');
	process.exit(1);
}

const { db, url, major } = await openForTools(false);
try {
	await restore(url, file, major);
	console.log(`Restored ${file}`);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.close();
}
