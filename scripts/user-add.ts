/**
 * `npm run user:add -- --email E --role admin [--name N] [--password-stdin]`: adds a staff
 * member to DATABASE_URL or the embedded database. Without --password-stdin it asks for the
 * password twice on the terminal, without echoing it.
 */
import { parseArgs } from 'node:util';
import { addUser, EmailTakenError, isRole, newUserProblems } from '../src/lib/server/auth/accounts';
import { openDatabase } from '../src/lib/server/db/database';
import { readPasswordStdin, promptHidden } from './password-input';

const usage =
	'Usage: npm run user:add -- --email E --role admin|editor|contributor [--name N] [--password-stdin]';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

let args;
try {
	args = parseArgs({
		options: {
			email: { type: 'string' },
			role: { type: 'string' },
			name: { type: 'string' },
			'password-stdin': { type: 'boolean', default: false }
		}
	}).values;
} catch (error) {
	fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
}

const email = args.email?.trim() ?? '';
const role = args.role ?? '';
if (!email || !role) fail(`--email and --role are required.\n${usage}`);
if (!isRole(role)) fail(`--role must be admin, editor or contributor, not "${role}".`);
const displayName = args.name?.trim() || email.split('@')[0] || email;

let password: string;
if (args['password-stdin']) {
	password = await readPasswordStdin();
} else {
	if (!process.stdin.isTTY) fail('No terminal to ask for the password on: use --password-stdin.');
	password = await promptHidden('Password: ');
	if ((await promptHidden('Password again: ')) !== password) fail('The passwords differ.');
}

const problems = newUserProblems({ email, displayName, role, password });
if (Object.keys(problems).length > 0) {
	fail(
		Object.entries(problems)
			.map(([field, problem]) => `${field}: ${problem}`)
			.join('\n')
	);
}

// Progress goes to stderr so stdout carries only the result.
const db = await openDatabase({ log: (line) => console.error(`[db] ${line}`) });
try {
	const user = await addUser(
		{ email, displayName, role, password },
		{ actorId: null, clientAddress: 'cli' },
		db.sql
	);
	console.log(`Added ${user.email} (${user.displayName}) as ${user.role}.`);
} catch (error) {
	console.error(error instanceof EmailTakenError ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.close();
}
