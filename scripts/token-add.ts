/**
 * `npm run token:add -- --email E --name N`: creates an API token for that staff member and
 * prints it; the last line is the token alone, so `npm run -s token:add … | tail -n 1` works.
 */
import { parseArgs } from 'node:util';
import { tokenNameProblem } from '../src/lib/server/auth/tokens';
import { createToken } from '../src/lib/server/newsroom/accounts';
import { openDatabase } from '../src/lib/server/db/database';
import * as users from '../src/lib/server/db/users';

const usage = 'Usage: npm run token:add -- --email E --name N';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

let args;
try {
	args = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } }).values;
} catch (error) {
	fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
const email = args.email?.trim() ?? '';
const name = args.name ?? '';
if (!email || !name) fail(`--email and --name are required.\n${usage}`);
const problem = tokenNameProblem(name);
if (problem) fail(`--name: ${problem}`);

const db = await openDatabase({ log: (line) => console.error(`[db] ${line}`) });
try {
	const user = await users.getByEmail(email, db.sql);
	if (!user) throw new Error(`No account has the address ${email}.`);
	if (user.disabledAt) throw new Error(`${user.email} is disabled.`);
	// The token is the user's own, made as them: the command checks their role may hold one.
	const actor = { id: user.id, role: user.role, clientAddress: 'cli' };
	const result = await createToken(actor, name, db.sql);
	if (result.kind !== 'ok')
		throw new Error(
			result.kind === 'invalid'
				? `--name: ${Object.values(result.errors).join(' ')}`
				: result.kind === 'stale'
					? 'Try again.'
					: `${user.email}: ${result.message}`
		);
	console.log(`Token "${name.trim()}" for ${user.email} (${user.role}); it is shown only now:`);
	console.log(result.value.token);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await db.close();
}
