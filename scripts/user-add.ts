/**
 * `npm run user:add -- --email E --role admin [--name N] [--password-stdin]`: adds a staff
 * member to DATABASE_URL or the embedded database. Without --password-stdin it asks for the
 * password twice on the terminal, without echoing it.
 */
import { parseArgs } from 'node:util';
import { isRole } from '../src/lib/server/auth/accounts';
import { createUser } from '../src/lib/server/newsroom/accounts';
import type { Actor } from '../src/lib/server/newsroom/actor';
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

// Progress goes to stderr so stdout carries only the result.
const db = await openDatabase({ log: (line) => console.error(`[db] ${line}`) });
// The command line is the system acting as an admin: it makes the first admin of a fresh install.
const system: Actor = { id: null, role: 'admin', clientAddress: 'cli' };
try {
	const result = await createUser(system, { email, displayName, role, password }, db.sql);
	if (result.kind === 'ok') {
		const user = result.value;
		console.log(`Added ${user.email} (${user.displayName}) as ${user.role}.`);
	} else {
		console.error(
			result.kind === 'invalid'
				? Object.entries(result.errors)
						.map(([field, problem]) => `${field}: ${problem}`)
						.join('\n')
				: result.kind === 'stale'
					? 'Try again.'
					: result.message
		);
		process.exitCode = 1;
	}
} finally {
	await db.close();
}
