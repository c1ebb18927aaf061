/**
 * `npm run bench:wrk`: what the app serves from memory against a bare Node `http` server
 * sending the same bytes from memory, measured with wrk in the same run (50 connections,
 * gzip accepted), and the story page's size on the wire. Not a test: figures depend on the
 * machine. Builds like the other benches (`vite build` unless BENCH_SKIP_BUILD=1), seeds an
 * embedded PostgreSQL with a 500- and a 5,000-event story, starts the built app.
 *
 * Bars: embed and story JSON >= 0.5x the bare server's req/s with p99 < 50 ms; a kept story
 * page >= 0.3x; story page on the wire, as a browser offering brotli gets it, <= 120 KB (500
 * events) and <= 300 KB (5,000 events).
 *
 * Env: BENCH_PORT (app, default 5399), BENCH_SECONDS (per wrk run, default 5), BENCH_ROUNDS
 * (alternating app/bare runs per endpoint, default 3; medians are reported).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { loadavg } from 'node:os';
import { buildApp, median, openBenchDatabase, root, waitFor, wrk, type WrkResult } from './shared';
import { seedStory } from './seed';

const APP_PORT = Number(process.env.BENCH_PORT ?? 5399);
const BARE_PORT = APP_PORT + 1;
const APP = `http://127.0.0.1:${APP_PORT}`;
const BARE = `http://127.0.0.1:${BARE_PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

interface Fetched {
	status: number;
	body: Buffer;
	headers: http.IncomingHttpHeaders;
}

/** The bytes as they come over the wire (no decoding), like a browser's transfer size. */
function rawGet(url: string, headers: Record<string, string>): Promise<Fetched> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						body: Buffer.concat(chunks),
						headers: res.headers
					})
				);
			})
			.on('error', reject);
	});
}

async function main() {
	buildApp();
	const { database, close } = await openBenchDatabase('wrk');
	let app: ChildProcess | undefined;
	let bare: http.Server | undefined;
	const bars: [string, boolean][] = [];
	try {
		console.log('seeding a 500- and a 5,000-event story…');
		const small = await seedStory(database.sql, 500, 60);
		const large = await seedStory(database.sql, 5000, 400);
		const url = new URL(database.embedded!.url);
		url.pathname = '/throughline';
		app = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
			cwd: root,
			env: {
				...process.env,
				PORT: String(APP_PORT),
				DATABASE_URL: url.toString(),
				SEED_DEMO: 'false',
				LOG_LEVEL: 'warn',
				RATE_LIMIT: 'off' // wrk is one client far past the public API's limit
			},
			stdio: ['ignore', 'ignore', 'inherit']
		});
		await waitFor(`${APP}/readyz`);

		// Sizes on the wire.
		console.log('\nStory page on the wire');
		const sizes: Record<string, string>[] = [];
		for (const [story, bar] of [
			[small, 120],
			[large, 300]
		] as const) {
			const page = `${APP}/stories/${story.slug}`;
			await rawGet(page, {}); // rendered and kept
			const plain = await rawGet(page, {});
			const gzip = await rawGet(page, { 'accept-encoding': 'gzip' });
			// Brotli is made in the background after the first answer (http/page-cache.ts).
			const browser = { 'accept-encoding': 'gzip, deflate, br' };
			let br = await rawGet(page, browser);
			for (let i = 0; i < 60 && br.headers['content-encoding'] !== 'br'; i++) {
				await new Promise((resolve) => setTimeout(resolve, 500));
				br = await rawGet(page, browser);
			}
			sizes.push({
				events: String(story.events),
				identity: kb(plain.body.length),
				gzip: `${kb(gzip.body.length)} (${gzip.headers['content-encoding'] ?? 'identity'})`,
				'br offered': `${kb(br.body.length)} (${br.headers['content-encoding'] ?? 'identity'})`
			});
			// What a browser gets (they all offer brotli); gzip-only clients are shown above.
			bars.push([
				`story page, ${story.events} events: ${kb(br.body.length)} ${br.headers['content-encoding']} <= ${bar} KB`,
				br.body.length <= bar * 1024
			]);
		}
		console.table(sizes);

		// Throughput: each endpoint's exact bytes, served again by a bare server.
		const gzipHeaders = { 'accept-encoding': 'gzip' };
		const endpoints: [string, string, number][] = [
			['embed (500 events)', `/embed/stories/${small.slug}`, 0.5],
			['story JSON (500 events)', `/api/v1/stories/${small.slug}`, 0.5],
			['kept story page (500 events)', `/stories/${small.slug}`, 0.3],
			['Atom feed (500 events)', `/stories/${small.slug}/feed.atom`, 0]
		];
		const bodies = new Map<string, Fetched>();
		for (const [, route] of endpoints) {
			await rawGet(APP + route, gzipHeaders);
			bodies.set(route, await rawGet(APP + route, gzipHeaders));
		}
		bare = http.createServer((req, res) => {
			const fetched = bodies.get(req.url ?? '');
			if (!fetched) return void res.writeHead(404).end();
			res.writeHead(200, {
				'content-type': String(fetched.headers['content-type']),
				...(fetched.headers['content-encoding']
					? { 'content-encoding': String(fetched.headers['content-encoding']) }
					: {}),
				'content-length': fetched.body.length
			});
			res.end(fetched.body);
		});
		await new Promise<void>((resolve) => bare!.listen(BARE_PORT, '127.0.0.1', resolve));

		const rows: Record<string, string>[] = [];
		const loadBefore = loadavg()
			.map((l) => l.toFixed(2))
			.join(' ');
		for (const [name, route, bar] of endpoints) {
			// Alternating runs, medians: on a shared machine the load moves between runs.
			const runs: { ours: WrkResult; theirs: WrkResult }[] = [];
			for (let round = 0; round < ROUNDS; round++) {
				runs.push({
					ours: await wrk(APP + route, { seconds: SECONDS, headers: gzipHeaders }),
					theirs: await wrk(BARE + route, { seconds: SECONDS, headers: gzipHeaders })
				});
			}
			const ours = {
				rps: median(runs.map((run) => run.ours.rps)),
				p99Ms: median(runs.map((run) => run.ours.p99Ms)),
				non2xx: runs.reduce((sum, run) => sum + run.ours.non2xx, 0)
			};
			const theirs = {
				rps: median(runs.map((run) => run.theirs.rps)),
				p99Ms: median(runs.map((run) => run.theirs.p99Ms))
			};
			const ratio = median(runs.map((run) => run.ours.rps / run.theirs.rps));
			rows.push({
				endpoint: name,
				bytes: `${kb(bodies.get(route)!.body.length)} ${bodies.get(route)!.headers['content-encoding'] ?? ''}`,
				'app req/s': ours.rps.toFixed(0),
				'app p99': `${ours.p99Ms.toFixed(1)} ms`,
				'bare req/s': theirs.rps.toFixed(0),
				'bare p99': `${theirs.p99Ms.toFixed(1)} ms`,
				ratio: ratio.toFixed(2),
				'non-2xx': String(ours.non2xx)
			});
			if (bar)
				bars.push([
					`${name}: ${ratio.toFixed(2)}x bare >= ${bar}x` +
						(bar === 0.5 ? `, p99 ${ours.p99Ms.toFixed(0)} ms < 50 ms` : ''),
					ratio >= bar && (bar !== 0.5 || ours.p99Ms < 50)
				]);
		}
		console.log(
			`\nRequests per second (wrk -t2 -c50, ${SECONDS} s, Accept-Encoding: gzip; medians of ` +
				`${ROUNDS} alternating rounds; ratio: median of each round's app/bare)`
		);
		console.log(
			`load average before: ${loadBefore}, after: ${loadavg()
				.map((l) => l.toFixed(2))
				.join(' ')}`
		);
		console.table(rows);
	} finally {
		bare?.close();
		if (app) {
			app.kill('SIGTERM');
			await new Promise((resolve) => app!.once('exit', resolve));
		}
		await close();
	}
	console.log('\nBars:');
	for (const [text, ok] of bars) console.log(`  ${ok ? 'met    ' : 'NOT met'}  ${text}`);
	if (bars.some(([, ok]) => !ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
