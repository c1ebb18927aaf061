/**
 * `npm run restore -- FILE`: puts a `npm run backup` back into the app's database (DATABASE_URL
 * or the embedded one). A pg_dump archive replaces the database's tables in one transaction; a
 * physical backup of the embedded server (.tar) replaces its data folder, the old one kept beside
 * it. Stop every app instance first; the next start applies any migration newer than the backup.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db/database';
import { restore } from '../src/lib/server/portable/pg-tools';
import { isPhysicalBackup, physicalRestore } from '../src/lib/server/portable/physical';
import { openForTools } from './db-url';

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0] ? path.resolve(positionals[0]) : '';
if (!file || !existsSync(file)) {
	console.error('Usage: npm run restore -- FILE (made by npm run backup)');
	process.exit(1);
}

const { db, url, major } = await openForTools(false);
try {
	if (!isPhysicalBackup(file)) {
		await restore(url, file, major);
		console.log(`Restored ${file}`);
	} else if (!db.embedded) {
		throw new Error(`${file} is a copy of an embedded server's data folder: unset DATABASE_URL`);
	} else if (!db.embedded.owned) {
		throw new Error('The app is running on this embedded server: stop it first.');
	} else {
		const dataDir = db.embedded.dataDir;
		await db.close(); // the server must be stopped while its folder is swapped
		const kept = await physicalRestore(file, dataDir);
		// Start it once: it replays the backup's WAL, and any failure shows here, not at app start.
		const check = await openDatabase({
			migrate: false,
			log: (line) => console.error(`[db] ${line}`)
		});
		await check.close();
		console.log(`Restored ${file}${kept ? `; the replaced data folder is ${kept}` : ''}`);
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.close();
}
