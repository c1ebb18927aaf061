/**
 * `npm run loadtest [-- --seconds 20 --connections 4 --editors 4 --streams 20]`: a breaking-story
 * spike against the built app on this machine (loopback only, a fresh embedded database with the
 * demo story). Readers hammer the story page, the embed and the story JSON with wrk (Debian's
 * `wrk`), live streams stay open, and editors save one event over and over through the API with
 * a Bearer token, re-reading the version when another editor got there first. Prints req/s and
 * p50/p99 per kind and the errors, then checks the bar: no errors, p99 under 300 ms for pages,
 * every acknowledged save counted in the event's version, every live stream told of every save.
 * Exits 1 when the bar is missed. At most 60 s of load (default 60).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createToken, createUser } from '../src/lib/server/newsroom/accounts';
import { openDatabase } from '../src/lib/server/db/database';

const SLUG = 'russia-ukraine-peace-talks';
const PAGE_P99_MS = 300;
const root = fileURLToPath(new URL('..', import.meta.url));

const { values } = parseArgs({
	options: {
		seconds: { type: 'string', default: process.env.LOADTEST_SECONDS ?? '60' },
		connections: { type: 'string', default: '4' },
		editors: { type: 'string', default: '4' },
		streams: { type: 'string', default: '20' }
	}
});
const whole = (raw: string, min: number, max: number) =>
	Math.min(max, Math.max(min, Math.floor(Number(raw) || min)));
const seconds = whole(values.seconds, 1, 60);
const connections = whole(values.connections, 1, 64);
const editorCount = whole(values.editors, 1, 32);
const streamCount = whole(values.streams, 0, 500);

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject()
			);
		});
	});
}

/** wrk prints 1.23ms, 456.00us, 1.02s: milliseconds. */
function toMs(text: string): number {
	const match = /^([\d.]+)(us|ms|s|m)$/.exec(text);
	if (!match) return Number.NaN;
	const value = Number(match[1]);
	return { us: value / 1000, ms: value, s: value * 1000, m: value * 60_000 }[match[2] as 'ms'];
}

interface KindResult {
	kind: string;
	requests: number;
	rps: number;
	p50: number;
	p99: number;
	errors: number;
}

function runWrk(kind: string, url: string): Promise<KindResult> {
	return new Promise((resolve, reject) => {
		const wrk = spawn(
			'wrk',
			['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '--timeout', '5s', url],
			{ stdio: ['ignore', 'pipe', 'pipe'] }
		);
		let out = '';
		wrk.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		wrk.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
		wrk.on('error', (error) =>
			reject(new Error(`wrk did not run (apt-get install wrk): ${error.message}`))
		);
		wrk.on('exit', () => {
			const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
				out
			);
			const errors =
				Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) +
				(socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
			resolve({
				kind,
				requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
				rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
				p50: toMs(/ 50%\s+(\S+)/.exec(out)?.[1] ?? ''),
				p99: toMs(/ 99%\s+(\S+)/.exec(out)?.[1] ?? ''),
				errors
			});
		});
	});
}

/** A live stream held open until `until`; counts the changes it is told of. */
async function liveStream(
	url: string,
	until: AbortSignal
): Promise<{ changes: number; error?: string }> {
	let changes = 0;
	try {
		const response = await fetch(url, { signal: until });
		if (response.status !== 200) return { changes, error: `status ${response.status}` };
		const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return { changes, error: 'the stream ended early' };
			changes += value.split('event: change').length - 1;
		}
	} catch (error) {
		if (until.aborted) return { changes };
		return { changes, error: error instanceof Error ? error.message : String(error) };
	}
}

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length
		? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
		: NaN;
};

/** Editors saving the same event until the deadline; 412 means "someone else saved first". */
async function editors(base: string, token: string, eventId: number, deadline: number) {
	const url = `${base}/api/v1/events/${eventId}`;
	const latencies: number[] = [];
	let acknowledged = 0;
	let conflicts = 0;
	let errors = 0;
	const save = async (version: number, title: string) => {
		const started = performance.now();
		const response = await fetch(url, {
			method: 'PATCH',
			headers: {
				authorization: `Bearer ${token}`,
				'content-type': 'application/json',
				'if-match': `"${version}"`
			},
			body: JSON.stringify({ title })
		});
		await response.arrayBuffer();
		latencies.push(performance.now() - started);
		const next = Number(/"(\d+)"/.exec(response.headers.get('etag') ?? '')?.[1]);
		return { status: response.status, version: next };
	};
	// If-Match "0" never matches: the 412 names the current version, and nothing is saved.
	const first = await save(0, 'version probe');
	const initial = first.version;
	latencies.length = 0;
	await Promise.all(
		Array.from({ length: editorCount }, async (_, editor) => {
			let version = initial;
			let n = 0;
			while (Date.now() < deadline) {
				try {
					const result = await save(version, `Talks resume (editor ${editor}, save ${++n})`);
					if (result.status === 200) acknowledged += 1;
					else if (result.status === 412) conflicts += 1;
					else errors += 1;
					if (Number.isInteger(result.version)) version = result.version;
				} catch {
					errors += 1;
				}
			}
		})
	);
	const last = await save(0, 'version probe');
	return { initial, final: last.version, acknowledged, conflicts, errors, latencies };
}

async function main(): Promise<number> {
	const temp = mkdtempSync(path.join(tmpdir(), 'throughline-loadtest-'));
	chmodSync(temp, 0o755); // as root the embedded server runs as postgres, which must enter it
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	process.env.EMBEDDED_PG_DIR = path.join(temp, 'pg');
	delete process.env.DATABASE_URL;
	const app = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
		// wrk is one client: RATE_LIMIT=off, or the rate limits would answer the spike 429.
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			FEEDS_POLLER: 'off',
			RATE_LIMIT: 'off'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let appLog = '';
	app.stdout.on('data', (chunk: Buffer) => (appLog += chunk.toString()));
	app.stderr.on('data', (chunk: Buffer) => (appLog += chunk.toString()));
	const appExited = new Promise((resolve) => app.on('exit', resolve));
	try {
		const ready = Date.now() + 300_000;
		for (;;) {
			if (app.exitCode !== null) throw new Error(`the app exited:\n${appLog}`);
			if (Date.now() > ready) throw new Error(`the app was not ready:\n${appLog}`);
			const answer = await fetch(`${base}/stories/${SLUG}`).catch(() => undefined);
			if (answer?.status === 200) break;
			await sleep(500);
		}

		// An editor and a token, on the database the app runs (joined, not started again).
		const db = await openDatabase({ migrate: false, log: () => {} });
		let token: string;
		try {
			// The same commands the CLI uses: the system adds the editor, who makes the token.
			const system = { id: null, role: 'admin' as const, clientAddress: 'loadtest' };
			const user = await createUser(
				system,
				{
					email: `loadtest-${Date.now()}@example.test`,
					displayName: 'Load test',
					role: 'editor',
					password: `lt-${Date.now()}-pw`
				},
				db.sql
			);
			if (user.kind !== 'ok') throw new Error(`load test editor: ${JSON.stringify(user)}`);
			const made = await createToken(
				{ id: user.value.id, role: 'editor', clientAddress: 'loadtest' },
				'loadtest',
				db.sql
			);
			if (made.kind !== 'ok') throw new Error(`load test token: ${JSON.stringify(made)}`);
			token = made.value.token;
		} finally {
			await db.close();
		}
		const story = (await (await fetch(`${base}/api/v1/stories/${SLUG}`)).json()) as {
			events: { id: number }[];
		};
		const eventId = story.events[0]!.id;

		console.log(
			`Load for ${seconds} s on ${base}: ${connections} connections per reader kind, ` +
				`${streamCount} live streams, ${editorCount} editors saving one event`
		);
		const stopStreams = new AbortController();
		const streams = Array.from({ length: streamCount }, () =>
			liveStream(`${base}/stories/${SLUG}/live`, stopStreams.signal)
		);
		await sleep(500);
		const deadline = Date.now() + seconds * 1000;
		const [readers, writes] = await Promise.all([
			Promise.all([
				runWrk('story page', `${base}/stories/${SLUG}`),
				runWrk('embed', `${base}/embed/stories/${SLUG}`),
				runWrk('story JSON', `${base}/api/v1/stories/${SLUG}`)
			]),
			editors(base, token, eventId, deadline)
		]);
		await sleep(2000); // the last saves' notifications reach the streams
		stopStreams.abort();
		const live = await Promise.all(streams);

		const line = (r: KindResult) =>
			`${r.kind.padEnd(12)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  errors ${r.errors}  (${r.requests} requests)`;
		readers.forEach((r) => console.log(line(r)));
		console.log(
			line({
				kind: 'saves',
				requests: writes.latencies.length,
				rps: writes.latencies.length / seconds,
				p50: percentile(writes.latencies, 50),
				p99: percentile(writes.latencies, 99),
				errors: writes.errors
			}) + `, ${writes.acknowledged} acknowledged, ${writes.conflicts} conflicts (412) re-read`
		);
		const expectedChanges = writes.acknowledged;
		const streamErrors = live.filter((s) => s.error);
		const told = live.map((s) => s.changes);
		console.log(
			`live streams ${live.length}: told of ${Math.min(...told)}–${Math.max(...told)} changes ` +
				`(saves ${expectedChanges}), errors ${streamErrors.length}`
		);

		const problems: string[] = [];
		for (const r of readers) {
			if (r.errors) problems.push(`${r.kind}: ${r.errors} errors`);
			if (r.requests === 0) problems.push(`${r.kind}: no request completed`);
		}
		for (const r of readers.filter((r) => r.kind !== 'story JSON'))
			if (!(r.p99 < PAGE_P99_MS)) problems.push(`${r.kind}: p99 ${r.p99} ms ≥ ${PAGE_P99_MS} ms`);
		if (writes.errors) problems.push(`saves: ${writes.errors} errors`);
		const counted = writes.final - writes.initial;
		if (counted !== writes.acknowledged)
			problems.push(`saves: ${writes.acknowledged} acknowledged but the version moved ${counted}`);
		if (streamErrors.length) problems.push(`live streams: ${streamErrors[0]!.error}`);
		if (live.some((s) => s.changes < expectedChanges))
			problems.push('live streams: some were not told of every save');
		console.log(problems.length ? `FAILED: ${problems.join('; ')}` : 'PASSED: the bar is met');
		return problems.length ? 1 : 0;
	} finally {
		app.kill('SIGTERM');
		await appExited;
		rmSync(temp, { recursive: true, force: true });
	}
}

process.exitCode = await main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	return 1;
});
