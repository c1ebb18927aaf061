import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Knight Lab's TimelineJS3 from node_modules, served under a made-up origin via page.route. */
const DIST = path.resolve('node_modules/@knight-lab/timelinejs/dist');
const HOST = 'http://timelinejs.test';
const TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json'
};

test('the story’s timeline.json is a TimelineJS3 timeline that TimelineJS shows', async ({
	page,
	request
}) => {
	// TimelineJS is 1 MB of script, and the dev server compiles the route on first use.
	test.setTimeout(90_000);
	const response = await request.get('/stories/russia-ukraine-peace-talks/timeline.json');
	expect(response.status()).toBe(200);
	const timeline = (await response.json()) as {
		title: { text: { headline: string } };
		events: {
			unique_id: string;
			start_date: Record<string, number>;
			group: string;
			text: { headline: string };
		}[];
	};
	const miami = timeline.events.find((e) => e.text.headline === 'Miami talks, third day');
	expect(miami?.group).toBe('Meeting');
	expect(miami?.start_date).toMatchObject({ year: 2025, month: 12 });

	// Nothing leaves the machine: only our fake origin answers, everything else is refused.
	await page.route('**/*', async (route) => {
		const url = new URL(route.request().url());
		if (url.origin !== HOST) return route.abort();
		if (url.pathname === '/') {
			const data = JSON.stringify(timeline).replace(/</g, '\\u003c');
			return route.fulfill({
				contentType: 'text/html',
				body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="/css/timeline.css"><script src="/js/timeline.js"></script></head>
<body><div id="embed" style="width:1000px;height:640px"></div>
<script>window.timeline = new TL.Timeline('embed', ${data}, { script_path: '${HOST}/js/' });</script>
</body></html>`
			});
		}
		const file = path.join(DIST, path.normalize(url.pathname).replace(/^([/\\])+/, ''));
		if (!file.startsWith(DIST)) return route.abort();
		try {
			return route.fulfill({
				body: readFileSync(file),
				contentType: TYPES[path.extname(file)] ?? 'application/octet-stream'
			});
		} catch {
			return route.fulfill({ status: 404, body: '' });
		}
	});

	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${HOST}/`, { waitUntil: 'domcontentloaded' });

	// The title slide first, then the slide for the Miami talks (TimelineJS's goToId, as its
	// own "next" buttons and markers do; markers of events a day apart overlap at this zoom).
	const title = page.locator('.tl-slide-titleslide .tl-headline');
	await expect(title).toHaveText(timeline.title.text.headline);
	await expect(page.locator('.tl-timemarker')).toHaveCount(timeline.events.length);
	await page.evaluate((id) => {
		(window as unknown as { timeline: { goToId(id: string): void } }).timeline.goToId(id);
	}, miami?.unique_id ?? '');
	await expect(
		page.locator('.tl-slide .tl-headline', { hasText: 'Miami talks, third day' }).first()
	).toBeInViewport();
	expect(errors).toEqual([]);
});
