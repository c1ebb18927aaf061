/**
 * `npm run bench:embed`: the embeddable timeline with a 500-event story. Not a test: timings
 * depend on the machine. Builds like bench/story-page.ts (`vite build` unless
 * BENCH_SKIP_BUILD=1, in this checkout), seeds an embedded PostgreSQL, starts the built app, then
 *
 * 1. transfer: the embed document (default options: the newest 10 entries of the developing
 *    story, the timeline of their window) and its one script, gzip (bar: <= 15 KB, issue 16; the
 *    100-entry maximum is printed for reference);
 * 2. first timeline paint (navigation start → first frame with the SVG's marks) against a static
 *    page holding a pre-rendered SVG timeline of the same events the embed draws (bar: <= 1.0x),
 *    and, for reference, against the marks alone with no text;
 * 3. render finished (the frame script has run and the page is quiet) against TimelineJS3 fed
 *    the same events as TimelineJS JSON, until its `loaded` event (bar: <= 0.2x);
 * 4. requests per second (wrk, 50 connections) of the embed and of GET /api/v1/stories/{id} against a
 *    bare Node http server sending the same bytes from memory (bar: >= 0.5x).
 *
 * Env: BENCH_EMBED_RUNS (default 21), BENCH_PORT (app, default 5398), CHROMIUM (default /usr/bin/chromium),
 * BENCH_SECONDS (wrk duration, default 5).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright';
import { buildApp, median, ms, openBenchDatabase, root, waitFor, wrk } from './shared';
import * as events from '../src/lib/server/db/events';
import { shapeTimeline, LANE_HEIGHT } from '../src/lib/embed/timeline-shape';
import { DEFAULT_OPTIONS, MAX_LIMIT } from '../src/lib/embed/options';
import { toTimelineJs } from '../src/lib/timelinejs/export';
import { seedStory } from './seed';

// Paint times are tens of milliseconds with run-to-run spread of the same size: the median of
// 5 moved the ratio between 1.36 and 1.63 on an idle machine, so more runs by default (each is
// well under a second). BENCH_EMBED_RUNS overrides; BENCH_RUNS (the story bench's) is not used.
const RUNS = Number(process.env.BENCH_EMBED_RUNS ?? 21);
const APP_PORT = Number(process.env.BENCH_PORT ?? 5398);
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const APP = `http://127.0.0.1:${APP_PORT}`;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A GET with the raw (still compressed) body and headers. */
function rawGet(url: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
		(resolve, reject) => {
			http
				.get(url, { headers }, (response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () =>
						resolve({
							status: response.statusCode ?? 0,
							headers: response.headers,
							body: Buffer.concat(chunks)
						})
					);
				})
				.on('error', reject);
		}
	);
}

// ---- the comparison pages ------------------------------------------------------------------

type Route = { type: string; body: Buffer; headers?: Record<string, string> };

function startServer(routes: Map<string, Route>): Promise<http.Server> {
	const server = http.createServer((request, response) => {
		const route = routes.get(new URL(request.url ?? '/', 'http://x').pathname);
		if (!route) return response.writeHead(404).end();
		response.writeHead(200, { 'content-type': route.type, ...route.headers });
		response.end(route.body);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * The same events as a static, pre-rendered SVG timeline and nothing else: lanes, month grid,
 * one path per event and the axis labels (as the embed draws them), no list, no header, no
 * script. `marksOnly` leaves out the lanes, grid and labels too: a page with no text at all,
 * which spares Chromium its first font lookups (about 20 ms in a fresh renderer here), so it is
 * printed for reference but is not the picture the embed paints.
 */
function staticSvgPage(list: Parameters<typeof shapeTimeline>[0], marksOnly = false): string {
	const shape = shapeTimeline(list, 'en')!;
	const axis = marksOnly ? 0 : 24;
	const marks = shape.marks
		.map((m) => `<path d="M${m.x} ${m.y + axis - 7}v14" class="k-${m.kind}"/>`)
		.join('');
	const picture = marksOnly
		? ''
		: shape.lanes
				.map((_, i) => {
					const y = axis + i * LANE_HEIGHT + LANE_HEIGHT / 2;
					return `<line x1="0" x2="1000" y1="${y}" y2="${y}"/>`;
				})
				.join('') +
			shape.major
				.map(
					(t) =>
						`<line x1="${t.x}" x2="${t.x}" y1="0" y2="${shape.height + axis}"/>` +
						`<text x="${t.x + 3}" y="15">${t.label}</text>`
				)
				.join('');
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title>
<style>path{stroke:#1f5fbf;stroke-width:3;vector-effect:non-scaling-stroke}line{stroke:#ccc;vector-effect:non-scaling-stroke}
text{font:12px system-ui,sans-serif;fill:#555}svg{width:100%;display:block}</style>
</head><body style="margin:0"><svg viewBox="0 0 1000 ${shape.height + axis}">${picture}${marks}</svg></body></html>`;
}

function timelineJsPage(data: unknown): string {
	const json = JSON.stringify(data).replace(/</g, '\\u003c');
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS3</title>
<link rel="stylesheet" href="/tljs/css/timeline.css"></head><body style="margin:0">
<div id="timeline" style="width:100%;height:650px"></div>
<script type="application/json" id="bench-data">${json}</script>
<script src="/tljs/js/timeline.js"></script>
<script>
window.__tl = new TL.Timeline('timeline', JSON.parse(document.getElementById('bench-data').textContent));
window.__tl.on('loaded', () => requestAnimationFrame(() => { window.__embedBench.done = performance.now(); }));
</script></body></html>`;
}

// ---- in-page probes -----------------------------------------------------------------------

declare global {
	interface Window {
		__embedBench: { paint: number | null; done: number | null };
	}
}
const SHIM = { content: 'window.__name = (fn) => fn;' };

/** First frame with timeline marks; "done" is set by the page (TimelineJS) or the probe. */
function probe() {
	window.__embedBench = { paint: null, done: null };
	const poll = () => {
		if (window.__embedBench.paint === null && document.querySelector('svg path'))
			window.__embedBench.paint = performance.now();
		// The embed's frame script un-hides the zoom tools as its last step.
		if (window.__embedBench.done === null && document.querySelector('.tl-tools:not([hidden])'))
			window.__embedBench.done = performance.now();
		if (window.__embedBench.paint === null || window.__embedBench.done === null)
			requestAnimationFrame(poll);
	};
	requestAnimationFrame(poll);
}

async function measure(browser: Browser, url: string, want: 'paint' | 'done'): Promise<number> {
	const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`${url}: ${error.message}`));
	await page.addInitScript(SHIM);
	await page.addInitScript(probe);
	await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
	await page.waitForFunction((key) => window.__embedBench[key] !== null, want, {
		timeout: 120_000
	});
	const value = await page.evaluate((key) => window.__embedBench[key]!, want);
	await context.close();
	return value;
}

async function rps(url: string, headers: Record<string, string>): Promise<number> {
	const result = await wrk(url, { connections: 50, seconds: SECONDS, headers });
	if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
	return result.rps;
}

// ---- main ---------------------------------------------------------------------------------

async function main() {
	buildApp();

	const { database, close: closeDatabase } = await openBenchDatabase('embed');
	let app: ChildProcess | undefined;
	let bare: http.Server | undefined;
	let browser: Browser | undefined;
	const bars: [string, boolean][] = [];
	try {
		console.log('seeding a 500-event story…');
		const story = await seedStory(database.sql, 500, 60);
		const list = await events.listForStory(story.id, { publishedOnly: true }, database.sql);
		// What the default embed of this developing story draws: its newest entries.
		const shown = [...list]
			.sort((a, b) => a.occurredStart.getTime() - b.occurredStart.getTime() || a.id - b.id)
			.slice(-DEFAULT_OPTIONS.limit);

		const url = new URL(database.embedded!.url);
		url.pathname = '/throughline';
		app = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
			cwd: root,
			env: {
				...process.env,
				PORT: String(APP_PORT),
				DATABASE_URL: url.toString(),
				SEED_DEMO: 'false',
				RATE_LIMIT: 'off' // autocannon is one client far past the public API's limit
			},
			stdio: ['ignore', 'ignore', 'inherit']
		});
		const embedUrl = `${APP}/embed/stories/${story.slug}`;
		await waitFor(embedUrl);

		// 1. Transfer.
		const gzipHeaders = { 'accept-encoding': 'gzip' };
		const doc = await rawGet(embedUrl, gzipHeaders);
		const script = await rawGet(`${APP}/embed-frame.js`, gzipHeaders);
		const scriptGzip =
			script.headers['content-encoding'] === 'gzip'
				? script.body.length
				: gzipSync(script.body, { level: 9 }).length;
		const transfer = doc.body.length + scriptGzip;
		console.log(
			`\nTransfer (gzip): document ${kb(doc.body.length)} (${doc.headers['content-encoding'] ?? 'identity'} on the wire) + embed-frame.js ${kb(scriptGzip)} = ${kb(transfer)}`
		);
		bars.push([`transfer ${kb(transfer)} <= 15 KB gzip`, transfer <= 15 * 1024]);
		const longest = await rawGet(`${embedUrl}?limit=${MAX_LIMIT}`, gzipHeaders);
		console.log(
			`  (with limit=${MAX_LIMIT}, the most entries an embed lists: document ${kb(longest.body.length)} + script = ${kb(longest.body.length + scriptGzip)})`
		);

		// Comparison pages, served from memory.
		const tljs = path.join(root, 'node_modules/@knight-lab/timelinejs/dist');
		const routes = new Map<string, Route>([
			['/static', { type: 'text/html; charset=utf-8', body: Buffer.from(staticSvgPage(shown)) }],
			[
				'/static-marks',
				{ type: 'text/html; charset=utf-8', body: Buffer.from(staticSvgPage(shown, true)) }
			],
			[
				'/timelinejs',
				{
					type: 'text/html; charset=utf-8',
					body: Buffer.from(
						timelineJsPage(
							toTimelineJs(
								{ title: 'Bench', summary: '', url: `${APP}/stories/${story.slug}` },
								list
							)
						)
					)
				}
			],
			[
				'/tljs/css/timeline.css',
				{ type: 'text/css', body: readFileSync(path.join(tljs, 'css/timeline.css')) }
			],
			[
				'/tljs/js/timeline.js',
				{ type: 'text/javascript', body: readFileSync(path.join(tljs, 'js/timeline.js')) }
			],
			[
				'/tljs/js/locale/en.json',
				{ type: 'application/json', body: readFileSync(path.join(tljs, 'js/locale/en.json')) }
			],
			// The bare server for requests per second: the embed's very bytes and headers.
			[
				'/embed',
				{
					type: 'text/html; charset=utf-8',
					body: doc.body,
					headers: {
						'content-encoding': 'gzip',
						'cache-control': String(doc.headers['cache-control'])
					}
				}
			]
		]);
		const api = await rawGet(`${APP}/api/v1/stories/${story.id}`, gzipHeaders);
		if (api.status === 200)
			routes.set('/api', {
				type: String(api.headers['content-type']),
				body: api.body,
				...(api.headers['content-encoding']
					? { headers: { 'content-encoding': String(api.headers['content-encoding']) } }
					: {})
			});
		bare = await startServer(routes);
		const BARE = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;

		browser = await chromium.launch({
			executablePath: EXECUTABLE,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
		});
		// Warm up each page once (server caches, Chromium's disk cache is per context anyway).
		await measure(browser, embedUrl, 'done');
		await measure(browser, `${BARE}/static`, 'paint');
		await measure(browser, `${BARE}/static-marks`, 'paint');
		await measure(browser, `${BARE}/timelinejs`, 'done');

		// 2 and 3. Paint and render finished, alternating runs.
		const runs = {
			embedPaint: [] as number[],
			staticPaint: [] as number[],
			marksPaint: [] as number[],
			embedDone: [] as number[],
			tlDone: [] as number[]
		};
		for (let run = 0; run < RUNS; run++) {
			runs.embedPaint.push(await measure(browser, embedUrl, 'paint'));
			runs.staticPaint.push(await measure(browser, `${BARE}/static`, 'paint'));
			runs.marksPaint.push(await measure(browser, `${BARE}/static-marks`, 'paint'));
			runs.embedDone.push(await measure(browser, embedUrl, 'done'));
			runs.tlDone.push(await measure(browser, `${BARE}/timelinejs`, 'done'));
		}
		const paint = median(runs.embedPaint);
		const staticPaint = median(runs.staticPaint);
		const marksPaint = median(runs.marksPaint);
		const done = median(runs.embedDone);
		const tlDone = median(runs.tlDone);
		const quartiles = (values: number[]) => {
			const sorted = [...values].sort((a, b) => a - b);
			const at = (q: number) => sorted[Math.round(q * (sorted.length - 1))]!;
			return `${ms(at(0.25))}–${ms(at(0.75))}`;
		};
		console.log(`\nChromium ${browser.version()}, ${RUNS} cold runs each, medians`);
		console.log(
			`first paint, middle half of the runs: embed ${quartiles(runs.embedPaint)}, static timeline ${quartiles(runs.staticPaint)}`
		);
		console.table([
			{
				measure: 'first timeline paint',
				embed: ms(paint),
				baseline: ms(staticPaint),
				'baseline is': 'static SVG timeline page'
			},
			{
				measure: 'first timeline paint',
				embed: ms(paint),
				baseline: ms(marksPaint),
				'baseline is': 'static SVG, marks only, no text (reference)'
			},
			{
				measure: 'render finished',
				embed: ms(done),
				baseline: ms(tlDone),
				'baseline is': 'TimelineJS3 loaded'
			}
		]);
		bars.push([
			`first paint ${ms(paint)} <= 1.0 x static ${ms(staticPaint)}`,
			paint <= staticPaint
		]);
		bars.push([
			`render finished ${ms(done)} <= 0.2 x TimelineJS3 ${ms(tlDone)}`,
			done <= 0.2 * tlDone
		]);

		// 4. Requests per second.
		const rpsRows: Record<string, string>[] = [];
		const pairs: [string, string, string][] = [['embed', embedUrl, `${BARE}/embed`]];
		if (routes.has('/api'))
			pairs.push(['GET /api/v1/stories/{id}', `${APP}/api/v1/stories/${story.id}`, `${BARE}/api`]);
		else console.log('\n/api/v1/stories/{id} is not there: requests per second for the embed only');
		for (const [name, appUrl, bareUrl] of pairs) {
			const appRps = await rps(appUrl, gzipHeaders);
			const bareRps = await rps(bareUrl, gzipHeaders);
			rpsRows.push({
				endpoint: name,
				app: appRps.toFixed(0),
				bare: bareRps.toFixed(0),
				ratio: (appRps / bareRps).toFixed(2)
			});
			bars.push([
				`${name}: ${appRps.toFixed(0)} rps >= 0.5 x bare ${bareRps.toFixed(0)}`,
				appRps >= 0.5 * bareRps
			]);
		}
		console.log(`\nRequests per second (wrk -t2 -c50, ${SECONDS} s, gzip)`);
		console.table(rpsRows);
	} finally {
		await browser?.close();
		bare?.close();
		if (app) {
			app.kill('SIGTERM');
			await new Promise((resolve) => app!.once('exit', resolve));
		}
		await closeDatabase();
	}

	console.log('\nBars:');
	for (const [text, ok] of bars) console.log(`  ${ok ? 'met    ' : 'NOT met'}  ${text}`);
	const size = statSync(path.join(root, 'static/embed-frame.js')).size;
	console.log(`  (embed-frame.js is ${size} bytes before gzip)`);
	if (bars.some(([, ok]) => !ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
