/**
 * The CLI doors of the account commands, run as a shell runs them: `npm run user:add` and
 * `npm run token:add` against a real database, their exit codes and output mapping the result.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { authenticateToken } from '../../src/lib/server/auth/tokens';

const run = promisify(execFile);
let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db?.drop();
});

/** Runs a script with the password on stdin; its exit code, stdout and stderr. */
async function cli(script: string, args: string[], stdin = '') {
	const child = run('npx', ['tsx', `scripts/${script}`, ...args], {
		env: { ...process.env, DATABASE_URL: db.url },
		timeout: 60_000
	});
	child.child.stdin?.end(stdin);
	try {
		const { stdout, stderr } = await child;
		return { code: 0, stdout, stderr };
	} catch (err) {
		const e = err as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

describe('npm run user:add and token:add', () => {
	it('adds an admin once, refuses the address again, and makes tokens for editors only', async () => {
		const added = await cli(
			'user-add.ts',
			['--email', 'Ada@Example.org', '--role', 'admin', '--password-stdin'],
			'a long enough password'
		);
		expect(added.code).toBe(0);
		expect(added.stdout).toContain('Added ada@example.org');
		const [row] = await db.sql<{ role: string }[]>`
			select role from users where email = 'ada@example.org'`;
		expect(row?.role).toBe('admin');

		const again = await cli(
			'user-add.ts',
			['--email', 'ada@example.org', '--role', 'editor', '--password-stdin'],
			'another long password'
		);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('already has an account');

		const short = await cli(
			'user-add.ts',
			['--email', 'bob@example.org', '--role', 'contributor', '--password-stdin'],
			'short'
		);
		expect(short.code).toBe(1);
		expect(short.stderr).toMatch(/password: .*8/);

		const token = await cli('token-add.ts', ['--email', 'ada@example.org', '--name', 'nightly']);
		expect(token.code).toBe(0);
		const printed = token.stdout.trim().split('\n').at(-1) ?? '';
		expect(await authenticateToken(printed, db.sql)).toMatchObject({ email: 'ada@example.org' });

		await cli(
			'user-add.ts',
			['--email', 'cara@example.org', '--role', 'contributor', '--password-stdin'],
			'a long enough password'
		);
		const refused = await cli('token-add.ts', ['--email', 'cara@example.org', '--name', 'mine']);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('editor');
		const [count] = await db.sql<{ n: number }[]>`
			select count(*)::int as n from api_tokens t join users u on u.id = t.user_id
			where u.email = 'cara@example.org'`;
		expect(count?.n).toBe(0);
	}, 180_000);
});
