/**
 * Opens the app's database the way the app does (DATABASE_URL, or the embedded server, joined
 * when the app already runs it) and says where it is, for the scripts that hand the URL to
 * PostgreSQL's own tools.
 */
import { openDatabase, type Database } from '../src/lib/server/db/database';
import * as portable from '../src/lib/server/db/portable';

export async function openForTools(
	migrate: boolean
): Promise<{ db: Database; url: string; major: number }> {
	// Progress goes to stderr: stdout may carry the export itself.
	const db = await openDatabase({ migrate, log: (line) => console.error(`[db] ${line}`) });
	let url = process.env.DATABASE_URL;
	if (!url) {
		const embedded = new URL(db.embedded?.url ?? '');
		embedded.pathname = `/${await portable.currentDatabase(db.sql)}`;
		url = embedded.toString();
	}
	return { db, url, major: await portable.serverMajor(db.sql) };
}
