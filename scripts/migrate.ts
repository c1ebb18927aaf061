/** `npm run migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
import { openDatabase } from '../src/lib/server/db/database';

const db = await openDatabase({ migrate: false });
try {
	const { migrate } = await import('../src/lib/server/db/migrate');
	const applied = await migrate(db.sql);
	console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.close();
}
