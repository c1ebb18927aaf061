import { readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

/**
 * A connection to the browser tests' web server's embedded database, for tests that change
 * data behind an open page (playwright.config.ts makes the folder; the server fills it), or to
 * the embedded database in `dir` of an app a test started itself.
 */
export function e2eDatabase(dir = process.env.THROUGHLINE_E2E_PG_DIR) {
	if (!dir) throw new Error('THROUGHLINE_E2E_PG_DIR is not set: run through playwright.config.ts');
	const { user, password } = JSON.parse(readFileSync(`${dir}.credentials.json`, 'utf8')) as {
		user: string;
		password: string;
	};
	const port = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[3]);
	return postgres({
		host: '127.0.0.1',
		port,
		user,
		password,
		database: 'throughline',
		max: 1,
		onnotice: () => {}
	});
}
