/**
 * `npm run bench`: how fast the story page's timeline is with many events, against a bare
 * vis-timeline page showing the same items. Not a test: timings depend on the machine.
 *
 * 1. builds the app (`vite build`, unless BENCH_SKIP_BUILD=1) — run it in your own checkout,
 *    the build folder is shared with everyone who uses it;
 * 2. starts an embedded PostgreSQL in a temp folder and inserts published stories with 500 and
 *    5,000 events (bench/seed.ts), then serves the built app on it (SEED_DEMO=false);
 * 3. serves the bare page (bench/bare.js + vis-timeline's standalone UMD build) from a tiny
 *    http server with the very items the story page builds (toTimelineItems);
 * 4. in Chromium, several cold runs of each page: time from navigation start until the
 *    timeline's items are on screen, the main thread's long tasks during load, and zooming at
 *    5,000 events; prints a table and exits 1 when a bar is not met.
 *
 * Env: BENCH_RUNS (default 5), BENCH_PORT (app, default 5399), CHROMIUM (default /usr/bin/chromium).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { buildApp, median, ms, openBenchDatabase, root, waitFor } from './shared';
import * as events from '../src/lib/server/db/events';
import { storyWindow, toTimelineGroups, toTimelineItems } from '../src/lib/charts/timeline-items';
import { seedStory, type SeededStory } from './seed';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const APP_PORT = Number(process.env.BENCH_PORT ?? 5399);
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ZOOM_BAR_MS = 100;

// The story page's cluster options, read from its source so the bare page cannot drift.
const CLUSTER = (() => {
	const source = readFileSync(path.join(root, 'src/lib/charts/vis-timeline.ts'), 'utf8');
	const maxItems = /maxItems:\s*(\d+)/.exec(source)?.[1];
	const title = /titleTemplate:\s*'([^']*)'/.exec(source)?.[1];
	return maxItems
		? { maxItems: Number(maxItems), titleTemplate: title ?? '', showStipes: true }
		: undefined;
})();

// ---- servers ------------------------------------------------------------------------------

function startApp(databaseUrl: string): ChildProcess {
	const app = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
		cwd: root,
		env: { ...process.env, PORT: String(APP_PORT), DATABASE_URL: databaseUrl, SEED_DEMO: 'false' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return app;
}

/** The bare page: one HTML document per story with its data inlined (as the app inlines it). */
function startBareServer(pages: Map<string, string>): Promise<http.Server> {
	const vis = path.join(root, 'node_modules/vis-timeline');
	const files: Record<string, [string, string]> = {
		'/vis.js': [path.join(vis, 'standalone/umd/vis-timeline-graph2d.min.js'), 'text/javascript'],
		'/vis.css': [path.join(vis, 'styles/vis-timeline-graph2d.min.css'), 'text/css'],
		'/bare.js': [path.join(root, 'bench/bare.js'), 'text/javascript']
	};
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const file = files[url.pathname];
		const page = pages.get(url.pathname);
		if (file) {
			response.writeHead(200, { 'content-type': file[1] });
			response.end(readFileSync(file[0]));
		} else if (page) {
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			response.end(page);
		} else {
			response.writeHead(404).end();
		}
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function barePage(data: unknown): string {
	const json = JSON.stringify(data).replace(/</g, '\\u003c');
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title>
<link rel="stylesheet" href="/vis.css"></head><body style="margin:0;font:14px sans-serif">
<div id="timeline" style="font-size:0.82rem"></div>
<script type="application/json" id="bench-data">${json}</script>
<script src="/vis.js"></script><script src="/bare.js"></script></body></html>`;
}

// ---- in-page probes -----------------------------------------------------------------------

declare global {
	interface Window {
		__bench: {
			longTasks: [number, number][];
			itemsAt: number | null;
			/** The first frame with a timeline mark: the server's picture's, or a vis item. */
			markAt: number | null;
			lastMutation: number;
		};
	}
}

// tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page need it.
const SHIM = { content: 'window.__name = (fn) => fn;' };

/** Runs before any page script: records long tasks and the first frame with a timeline item. */
function probe() {
	window.__bench = { longTasks: [], itemsAt: null, markAt: null, lastMutation: 0 };
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries())
			window.__bench.longTasks.push([entry.startTime, entry.duration]);
	}).observe({ type: 'longtask', buffered: true });
	const poll = () => {
		const now = performance.now();
		if (window.__bench.markAt === null && document.querySelector('.tl-preview .m, .vis-item'))
			window.__bench.markAt = now;
		if (document.querySelector('.vis-item')) window.__bench.itemsAt = now;
		else requestAnimationFrame(poll);
	};
	requestAnimationFrame(poll);
}

interface LoadResult {
	/** Navigation start → first frame with a timeline mark (server-drawn or vis). */
	mark: number;
	/** Navigation start → first frame with vis items in the DOM. */
	items: number;
	/** Navigation start → end of the last long task (main thread free), at least `items`. */
	quiet: number;
	longest: number;
	/** Total blocking time: sum of (long task - 50 ms). */
	blocking: number;
	visibleItems: number;
	clusters: number;
}

async function measureLoad(browser: Browser, url: string, width = 1280): Promise<LoadResult> {
	const context = await browser.newContext({ viewport: { width, height: 900 } });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`${url}: ${error.message}`));
	await page.addInitScript(SHIM);
	await page.addInitScript(probe);
	await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
	await page
		.waitForFunction(() => window.__bench.itemsAt !== null, null, { timeout: 240_000 })
		.catch(async (error: unknown) => {
			const shot = path.join(tmpdir(), 'throughline-bench-timeout.png');
			await page.screenshot({ path: shot });
			console.error(`${url}: no timeline items after 240 s (screenshot ${shot})`);
			throw error;
		});
	// Let the page settle: long tasks after the items show still count against "interactive".
	await page.waitForTimeout(2000);
	const result = await page.evaluate(() => {
		const { longTasks, itemsAt, markAt } = window.__bench;
		const ends = longTasks.map(([start, duration]) => start + duration);
		return {
			mark: markAt ?? itemsAt!,
			items: itemsAt!,
			quiet: Math.max(itemsAt!, ...ends),
			longest: Math.max(0, ...longTasks.map(([, duration]) => duration)),
			blocking: longTasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
			// vis's own clusters (.vis-cluster), or the story page's counts for long stories
			// (.tl-cluster boxes, src/lib/charts/timeline-lod.ts; their stem and dot are not counted).
			visibleItems: document.querySelectorAll(
				'.vis-item.vis-box:not(.vis-cluster, .tl-cluster), .vis-item.vis-point, .vis-item.vis-range'
			).length,
			clusters: document.querySelectorAll('.vis-item.vis-cluster, .vis-item.vis-box.tl-cluster')
				.length
		};
	});
	await context.close();
	return result;
}

/** What the page records while a zoom settles (times from performance.now()). */
interface ZoomState {
	t0: number;
	firstFrame: number;
	lastMutation: number;
	longestFrame: number;
	done: boolean;
}

interface ZoomResult {
	/** Input event → the first frame drawn after it (the zoomed timeline on screen for wheel). */
	firstFrame: number;
	/** Input event → the last change vis made to the timeline's DOM (animation included). */
	settled: number;
	/** The longest gap between two frames while the zoom ran. */
	longestFrame: number;
}

/** Arms a one-shot recorder for the next `type` event, then performs `act`. */
async function measureInput(
	page: Page,
	type: string,
	act: () => Promise<void>
): Promise<ZoomResult> {
	await page.evaluate((type) => {
		const target = document.querySelector('.vis-timeline')!;
		const state: ZoomState = {
			t0: 0,
			firstFrame: 0,
			lastMutation: 0,
			longestFrame: 0,
			done: false
		};
		(window as unknown as { __zoom: ZoomState }).__zoom = state;
		const observer = new MutationObserver(() => {
			if (state.t0) state.lastMutation = performance.now();
		});
		observer.observe(target, { subtree: true, childList: true, attributes: true });
		addEventListener(
			type,
			(event) => {
				state.t0 = event.timeStamp;
				let previous = performance.now();
				let calm = 0;
				const frame = (now: number) => {
					if (!state.firstFrame) setTimeout(() => (state.firstFrame = performance.now()));
					state.longestFrame = Math.max(state.longestFrame, now - previous);
					previous = now;
					calm = state.lastMutation < now - 50 ? calm + 1 : 0;
					if (calm > 30) {
						observer.disconnect();
						state.done = true;
					} else requestAnimationFrame(frame);
				};
				requestAnimationFrame(frame);
			},
			{ capture: true, once: true }
		);
	}, type);
	await act();
	await page.waitForFunction(
		() => (window as unknown as { __zoom: { done: boolean } }).__zoom.done
	);
	return page.evaluate(() => {
		const z = (window as unknown as { __zoom: ZoomState }).__zoom;
		return {
			firstFrame: z.firstFrame - z.t0,
			settled: Math.max(z.lastMutation, z.firstFrame) - z.t0,
			longestFrame: z.longestFrame
		};
	});
}

async function measureZoom(browser: Browser, url: string, story: boolean) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await page.addInitScript(SHIM);
	await page.addInitScript(probe);
	await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
	await page.waitForFunction(() => window.__bench.itemsAt !== null, null, { timeout: 120_000 });
	await page.waitForTimeout(1500);
	const box = (await page.locator('.vis-center').first().boundingBox())!;
	const wheel = async () => {
		await page.mouse.move(box.x + box.width / 2, box.y + 40);
		await page.keyboard.down('Control');
		await page.mouse.wheel(0, -400);
		await page.keyboard.up('Control');
	};
	const results: Record<string, ZoomResult> = {};
	results.wheel = await measureInput(page, 'wheel', wheel);
	if (story) {
		const toolbar = page.getByRole('toolbar', { name: 'Timeline zoom' });
		for (const name of ['Month', 'Week', 'All']) {
			results[name] = await measureInput(page, 'click', () =>
				toolbar.getByRole('button', { name, exact: true }).click()
			);
		}
	} else {
		// The same windows the buttons ask for, with the same 300 ms animation.
		for (const [name, span] of [
			['Month', 30],
			['Week', 7],
			['All', 0]
		] as const) {
			results[name] = await measureInput(page, 'click', async () => {
				await page.evaluate(
					({ span }) => {
						const timeline = (window as unknown as { timeline: import('vis-timeline').Timeline })
							.timeline;
						const animation = { duration: 300, easingFunction: 'easeInOutQuad' as const };
						document.body.click();
						if (!span) return timeline.fit({ animation });
						const range = timeline.getWindow();
						const center = (range.start.getTime() + range.end.getTime()) / 2;
						const half = (span * 86_400_000) / 2;
						timeline.setWindow(center - half, center + half, { animation });
					},
					{ span }
				);
			});
		}
	}
	await context.close();
	return results;
}

// ---- main ---------------------------------------------------------------------------------

async function main() {
	buildApp();

	const { database, close: closeDatabase } = await openBenchDatabase('story');
	let app: ChildProcess | undefined;
	let bare: http.Server | undefined;
	let browser: Browser | undefined;
	let failed = false;
	try {
		console.log('seeding bench stories…');
		const stories: SeededStory[] = [
			await seedStory(database.sql, 500, 60),
			await seedStory(database.sql, 5000, 365)
		];
		const pages = new Map<string, string>();
		for (const story of stories) {
			const list = await events.listForStory(story.id, { publishedOnly: true }, database.sql);
			const items = toTimelineItems(list);
			pages.set(
				`/${story.slug}`,
				barePage({
					groups: toTimelineGroups(list),
					items,
					window: storyWindow(items),
					cluster: CLUSTER
				})
			);
		}
		bare = await startBareServer(pages);
		const barePort = (bare.address() as { port: number }).port;

		const url = new URL(database.embedded!.url);
		url.pathname = '/throughline';
		app = startApp(url.toString());
		await waitFor(`http://127.0.0.1:${APP_PORT}/stories/${stories[0]!.slug}`);

		browser = await chromium.launch({
			executablePath: EXECUTABLE,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
		});
		// Warm the server (first SSR compiles routes, opens pool connections); not measured.
		for (const story of stories) {
			await measureLoad(browser, `http://127.0.0.1:${APP_PORT}/stories/${story.slug}`);
		}

		const rows: string[][] = [];
		const loads: Record<string, { story: LoadResult[]; bare: LoadResult[] }> = {};
		for (const story of stories) {
			const runs = { story: [] as LoadResult[], bare: [] as LoadResult[] };
			for (let run = 0; run < RUNS; run++) {
				// Alternate so drift on the machine hits both alike.
				runs.story.push(
					await measureLoad(browser, `http://127.0.0.1:${APP_PORT}/stories/${story.slug}`)
				);
				runs.bare.push(await measureLoad(browser, `http://127.0.0.1:${barePort}/${story.slug}`));
			}
			loads[story.slug] = runs;
			for (const [name, list] of Object.entries(runs)) {
				rows.push([
					`${story.events} events`,
					name,
					ms(median(list.map((r) => r.mark))),
					ms(median(list.map((r) => r.items))),
					ms(median(list.map((r) => r.quiet))),
					ms(median(list.map((r) => r.longest))),
					ms(median(list.map((r) => r.blocking))),
					`${list[0]!.visibleItems} + ${list[0]!.clusters} clusters`
				]);
			}
		}
		console.log(`\nLoad, ${RUNS} cold runs each, medians (Chromium ${browser.version()})`);
		console.table(
			rows.map(([events, page, mark, items, quiet, longest, blocking, shown]) => ({
				events,
				page,
				'first mark': mark,
				'vis items on screen': items,
				'main thread free': quiet,
				'longest task': longest,
				'blocking time': blocking,
				'drawn items': shown
			}))
		);

		const big = stories[1]!;
		const zoomRows: Record<string, string>[] = [];
		const zoomStory: ZoomResult[] = [];
		for (let run = 0; run < Math.max(1, Math.ceil(RUNS / 2)); run++) {
			const storyZoom = await measureZoom(
				browser,
				`http://127.0.0.1:${APP_PORT}/stories/${big.slug}`,
				true
			);
			const bareZoom = await measureZoom(
				browser,
				`http://127.0.0.1:${barePort}/${big.slug}`,
				false
			);
			for (const [page, results] of [
				['story', storyZoom],
				['bare', bareZoom]
			] as const) {
				for (const [action, result] of Object.entries(results)) {
					if (page === 'story') zoomStory.push(result);
					zoomRows.push({
						run: String(run + 1),
						page,
						action: action === 'wheel' ? 'Ctrl+wheel' : `${action} (300 ms animation)`,
						'input → next frame': ms(result.firstFrame),
						'input → last DOM change': ms(result.settled),
						'longest frame': ms(result.longestFrame)
					});
				}
			}
		}
		console.log(`\nZoom at ${big.events} events`);
		console.table(zoomRows);

		// Bars from the issue.
		const small = loads[stories[0]!.slug]!;
		const storyMark = median(small.story.map((r) => r.mark));
		const storyItems = median(small.story.map((r) => r.items));
		const bareItems = median(small.bare.map((r) => r.items));
		const storyQuiet = median(small.story.map((r) => r.quiet));
		const bareQuiet = median(small.bare.map((r) => r.quiet));
		const worstFirstFrame = Math.max(...zoomStory.map((r) => r.firstFrame));
		const worstFrame = Math.max(...zoomStory.map((r) => r.longestFrame));
		const bars = [
			[
				// The server draws the opening window (TimelinePreview.svelte); vis-timeline follows.
				"500 events: story page's first timeline mark ≤ 0.6× bare page's first item",
				`${ms(storyMark)} vs ${ms(bareItems)} (×${(storyMark / bareItems).toFixed(2)})`,
				storyMark <= 0.6 * bareItems
			],
			[
				'500 events: story page vis-timeline items (for the record; no bar)',
				`${ms(storyItems)} vs ${ms(bareItems)} (×${(storyItems / bareItems).toFixed(2)})`,
				true
			],
			[
				'500 events: story page main thread free ≤ bare page',
				`${ms(storyQuiet)} vs ${ms(bareQuiet)} (×${(storyQuiet / bareQuiet).toFixed(2)})`,
				storyQuiet <= bareQuiet
			],
			[
				`5,000 events: zoom input → next frame < ${ZOOM_BAR_MS} ms (worst run)`,
				ms(worstFirstFrame),
				worstFirstFrame < ZOOM_BAR_MS
			],
			[
				`5,000 events: longest frame while zooming < ${ZOOM_BAR_MS} ms (worst run)`,
				ms(worstFrame),
				worstFrame < ZOOM_BAR_MS
			]
		] as const;
		console.log('\nBars');
		console.table(bars.map(([bar, value, met]) => ({ bar, value, met: met ? 'yes' : 'NO' })));
		failed = bars.some(([, , met]) => !met);
	} finally {
		await browser?.close();
		bare?.close();
		if (app && app.exitCode === null) {
			const exited = new Promise((resolve) => app!.once('exit', resolve));
			app.kill('SIGTERM');
			await exited;
		}
		await closeDatabase();
	}
	process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(2);
});
