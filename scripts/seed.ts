/** `npm run seed`: loads the demo story into an empty database (never touches one with stories). */
import { openDatabase } from '../src/lib/server/db/database';
import { seedDemo } from '../src/lib/server/seed/demo';

const db = await openDatabase();
try {
	const result = await seedDemo(db.sql);
	console.log(
		result.seeded
			? 'Loaded the demo story "Russia–Ukraine peace talks".'
			: `Nothing to do: ${result.reason ?? 'already seeded'}.`
	);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.close();
}
