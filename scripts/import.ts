/**
 * `npm run import -- FILE` (or `-` for stdin): loads a `npm run export` file into the app's
 * database, all or nothing. Rows keep their ids, so import into a fresh database before its first
 * start (SEED_DEMO would otherwise have added the demo story); a clash is refused, naming it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ImportRefused, importData, parseExport } from '../src/lib/server/portable/portable';
import { openForTools } from './db-url';

const { positionals } = parseArgs({ allowPositionals: true });
const source = positionals[0];
if (!source) {
	console.error('Usage: npm run import -- FILE (a file made by npm run export, or - for stdin)');
	process.exit(1);
}

let document;
try {
	document = parseExport(readFileSync(source === '-' ? 0 : source, 'utf8'));
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}

const { db } = await openForTools(true);
try {
	const counts = await importData(db.sql, document);
	const summary = Object.entries(counts)
		.filter(([, count]) => count > 0)
		.map(([table, count]) => `${table} ${count}`)
		.join(', ');
	console.log(`Imported ${summary || 'nothing'}.`);
	if (counts.users) console.log('Imported staff have no password until one is set for them.');
} catch (error) {
	console.error(error instanceof ImportRefused ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.close();
}
