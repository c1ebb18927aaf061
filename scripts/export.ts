/**
 * `npm run export [-- --story SLUG] [--out FILE]`: the whole newsroom, or one story with its
 * articles, entities and the staff its history names, as portable JSON (src/lib/server/portable).
 * Without --out the JSON goes to stdout.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exportData } from '../src/lib/server/portable/portable';
import { openForTools } from './db-url';

const { values } = parseArgs({ options: { story: { type: 'string' }, out: { type: 'string' } } });

const { db } = await openForTools(true);
try {
	const document = await exportData(db.sql, values.story);
	const text = JSON.stringify(document);
	if (values.out) {
		writeFileSync(values.out, text);
		const rows = Object.values(document.tables).reduce((sum, rows) => sum + rows.length, 0);
		console.error(`Exported ${rows} rows to ${values.out}`);
	} else {
		process.stdout.write(text + '\n');
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.close();
}
