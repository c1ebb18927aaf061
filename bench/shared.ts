/** What the benches share: the checkout's root, building the app, a throwaway database, timing. */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../src/lib/server/db/database';

export const root = fileURLToPath(new URL('..', import.meta.url));

export const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
export const ms = (value: number) => `${value.toFixed(0)} ms`;

/** `vite build` into this checkout's ./build, unless BENCH_SKIP_BUILD=1 (run.ts builds once). */
export function buildApp(): void {
	if (process.env.BENCH_SKIP_BUILD === '1') return;
	console.log('building the app (vite build)…');
	const vite = path.join(root, 'node_modules/vite/bin/vite.js');
	const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (built.status !== 0) throw new Error('vite build failed');
}

/**
 * An embedded PostgreSQL in a fresh temp folder (mode 755: as root the server runs as
 * `postgres`, which must reach it). `close` stops it and removes the folder.
 */
export async function openBenchDatabase(
	name: string
): Promise<{ database: Database; close(): Promise<void> }> {
	const temp = mkdtempSync(path.join(tmpdir(), `throughline-bench-${name}-`));
	chmodSync(temp, 0o755);
	process.env.EMBEDDED_PG_DIR = path.join(temp, 'pg');
	delete process.env.DATABASE_URL;
	const database = await openDatabase({ log: () => undefined });
	return {
		database,
		async close() {
			await database.close();
			rmSync(temp, { recursive: true, force: true });
		}
	};
}

/** Polls `url` until it answers 2xx. */
export async function waitFor(url: string, timeout = 120_000): Promise<void> {
	const until = Date.now() + timeout;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error(`${url} did not answer within ${timeout} ms`);
}

export interface WrkResult {
	rps: number;
	p99Ms: number;
	non2xx: number;
}

function toMs(value: string, unit: string): number {
	const n = Number(value);
	return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : unit === 'm' ? n * 60_000 : n;
}

/**
 * Requests per second and p99 latency by wrk (`apt-get install wrk`), which unlike autocannon is
 * not itself the bottleneck: it sustains well over 20k req/s from one core here.
 */
export async function wrk(
	url: string,
	{ connections = 50, seconds = 5, headers = {} as Record<string, string> } = {}
): Promise<WrkResult> {
	const args = ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency'];
	for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
	// Not spawnSync: a bare server in this process must keep answering while wrk runs.
	const out = await new Promise<string>((resolve, reject) => {
		const child = spawn('wrk', [...args, url]);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve(stdout) : reject(new Error(`wrk failed: ${stderr}`))
		);
	});
	const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
	const p99 = /\s99%\s+([\d.]+)(us|ms|s|m)\b/.exec(out);
	const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
	return { rps, p99Ms: p99 ? toMs(p99[1]!, p99[2]!) : NaN, non2xx };
}
