import { test, expect } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { e2eDatabase } from '../support/e2e-database';

// The embeddable timeline as a reader on another site meets it: framed from a foreign origin,
// complete without JavaScript, cached, cookie-free; and its oEmbed endpoint.
const DEMO = '/embed/stories/russia-ukraine-peace-talks';
const HOSTILE_SLUG = 'embed-hostile';
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Payload title';
const HOSTILE_STORY = 'Story "quoted" <script>window.__pwned=2</script>';

let db: ReturnType<typeof e2eDatabase>;
let host: http.Server;
let hostOrigin: string;
const hostPages = new Map<string, string>();

test.beforeAll(async ({ baseURL }) => {
	db = e2eDatabase();
	await db.begin(async (tx) => {
		const [story] = await tx<{ id: number }[]>`
			insert into stories (slug, title, summary, status, publication, published_at)
			values (${HOSTILE_SLUG}, ${HOSTILE_STORY}, '', 'developing', 'published', now())
			returning id`;
		await tx`
			insert into events (story_id, kind, title, description, occurred_start, precision,
				time_zone, attribution, verification, status)
			values (${story!.id}, 'statement', ${HOSTILE_TITLE}, '<b>not bold</b>',
				'2025-11-20T10:00:00Z', 'day', 'UTC', '"><svg onload=window.__pwned=3>', 'claimed',
				'published')`;
	});
	// Another origin: a tiny news site that frames the app.
	host = http.createServer((request, response) => {
		const page = hostPages.get(request.url ?? '/');
		response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
		response.end(page ?? 'not found');
	});
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
	hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
	hostPages.set(
		'/frames',
		`<!doctype html><title>Host</title><h1>News site</h1>
		<iframe id="embed" src="${baseURL}${DEMO}" width="600" height="500"></iframe>
		<iframe id="desk" src="${baseURL}/desk/sign-in" width="600" height="300"></iframe>`
	);
	hostPages.set(
		'/script',
		`<!doctype html><title>Host</title><h1>News site</h1>
		<div data-throughline-story="russia-ukraine-peace-talks" data-theme="dark"></div>
		<script src="${baseURL}/embed.js" async></script>`
	);
});

test.afterAll(async () => {
	await db`delete from stories where slug = ${HOSTILE_SLUG}`;
	await db?.end({ timeout: 5 });
	host?.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the embed shows the demo story’s events, timeline and details', async ({ page }) => {
		await page.goto(DEMO);
		await expect(page.getByRole('heading', { name: 'Russia–Ukraine peace talks' })).toBeVisible();
		const list = page.getByRole('list', { name: 'Events' });
		await expect(list.getByText('Miami talks open')).toBeVisible();
		// One mark per listed event; the picture is aria-hidden and holds no links to tab through.
		await expect(page.locator('svg .m')).toHaveCount(await list.locator('> li').count());
		await expect(page.locator('svg a')).toHaveCount(0);
		// Native disclosure: the detail and its sources open with no script at all.
		await list.getByText('Witkoff and Kushner meet Putin in Moscow').click();
		await expect(list.getByText(/five-hour meeting/)).toBeVisible();
		await expect(list.getByRole('list', { name: 'Sources' }).first()).toBeVisible();
		await expect(page.getByRole('link', { name: /Full story on Throughline/ })).toHaveAttribute(
			'href',
			/\/stories\/russia-ukraine-peace-talks$/
		);
		// No site chrome and no SvelteKit client.
		await expect(page.getByText('Stories, event by event')).toHaveCount(0);
		expect(
			await page.locator('script').evaluateAll((s) => s.map((e) => e.getAttribute('src')))
		).toEqual(['/embed-frame.js']);
	});

	test('options filter and reorder; bad values fall back instead of failing', async ({ page }) => {
		await page.goto(`${DEMO}?mode=list&order=newest&kinds=meeting`);
		await expect(page.locator('svg')).toHaveCount(0);
		const titles = await page.locator('.ev-title').allTextContents();
		expect(titles.length).toBeGreaterThan(1);
		expect(titles).not.toContain('US sanctions on Russian oil companies');
		// Newest first: the Miami talks (4 December) before the Moscow meeting (2 December).
		expect(titles.indexOf('Miami talks open')).toBeGreaterThanOrEqual(0);
		expect(titles.indexOf('Miami talks open')).toBeLessThan(
			titles.indexOf('Witkoff and Kushner meet Putin in Moscow')
		);
		const response = await page.goto(
			`${DEMO}?theme=neon&height=tall&accent=${encodeURIComponent('red;background:url(x)')}&lang=%3Cx%3E&version=abc`
		);
		expect(response?.status()).toBe(200);
		await expect(page.locator('html')).not.toHaveAttribute('style', /.+/);
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	});
});

test('titles carrying markup render as text', async ({ page }) => {
	page.on('dialog', (dialog) => void dialog.dismiss());
	await page.goto(`/embed/stories/${HOSTILE_SLUG}`);
	await expect(page.getByRole('heading', { name: HOSTILE_STORY })).toBeVisible();
	const title = page.getByText(HOSTILE_TITLE, { exact: true });
	await expect(title).toBeVisible();
	await title.click();
	await expect(page.getByText('<b>not bold</b>')).toBeVisible();
	await expect(page.getByText(/"><svg onload=window.__pwned=3>/)).toBeVisible();
	// The timeline's hover label is built as text too.
	const box = (await page.locator('svg .m').first().boundingBox())!;
	await page.mouse.move(box.x, box.y + box.height / 2);
	await expect(page.locator('.tl-tip')).toContainText(HOSTILE_TITLE);
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
		undefined
	);
});

test('revalidation answers 304, and embeds set no cookie', async ({ request }) => {
	const first = await request.get(DEMO, { headers: { cookie: 'throughline_session=whatever' } });
	expect(first.status()).toBe(200);
	const headers = first.headers();
	expect(headers['set-cookie']).toBeUndefined();
	expect(headers['cache-control']).toMatch(/s-maxage=\d+/);
	expect(headers['cache-control']).toMatch(/stale-while-revalidate=\d+/);
	expect(headers['etag']).toMatch(/^"[\w-]+"$/);
	const again = await request.get(DEMO, { headers: { 'if-none-match': headers['etag']! } });
	expect(again.status()).toBe(304);
	const changed = await request.get(`${DEMO}?theme=dark`, {
		headers: { 'if-none-match': headers['etag']! }
	});
	expect(changed.status()).toBe(200);
});

test('another origin may frame the embed but not the desk', async ({ page, request }) => {
	expect((await request.get(DEMO)).headers()['content-security-policy']).toMatch(
		/frame-ancestors \*/
	);
	expect((await request.get('/desk/sign-in')).headers()['content-security-policy']).toMatch(
		/frame-ancestors 'none'/
	);
	await page.goto(`${hostOrigin}/frames`);
	const embed = page.frameLocator('#embed');
	await expect(embed.getByRole('heading', { name: 'Russia–Ukraine peace talks' })).toBeVisible();
	// Chromium replaces a refused frame with its error page: none of the desk's form is there.
	await expect
		.poll(() => page.frames().map((frame) => frame.url().split(':')[0]))
		.toContain('chrome-error');
	await expect(page.frameLocator('#desk').getByLabel('Email')).toHaveCount(0);
});

test('embed.js makes a frame that sizes itself, and only from our origin', async ({ page }) => {
	await page.goto(`${hostOrigin}/script`);
	const frame = page.locator('iframe');
	await expect(frame).toHaveAttribute(
		'src',
		/\/embed\/stories\/russia-ukraine-peace-talks\?theme=dark$/
	);
	const inner = page.frameLocator('iframe');
	await expect(inner.getByRole('heading', { name: 'Russia–Ukraine peace talks' })).toBeVisible();
	const contentHeight = await inner
		.locator('html')
		.evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
	await expect
		.poll(async () => frame.evaluate((f) => Math.round(f.getBoundingClientRect().height)))
		.toBe(contentHeight);
	// Only the app's origin may resize: the same message from the host page itself is ignored.
	await page.evaluate(() =>
		window.postMessage({ type: 'throughline:height', slug: 'x', height: 3 }, '*')
	);
	await page.waitForTimeout(300);
	expect(await frame.evaluate((f) => Math.round(f.getBoundingClientRect().height))).toBe(
		contentHeight
	);
});

test('pointing at a timeline mark labels it; clicking opens its event', async ({ page }) => {
	await page.goto(DEMO);
	await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
	const id = await page
		.locator('.ev')
		.filter({ has: page.getByText('Miami talks open', { exact: true }) })
		.getAttribute('id');
	const mark = page.locator(`svg .m[data-e="${id!.slice(1)}"]`);
	const box = (await mark.boundingBox())!;
	// A few pixels beside the 3 px mark still finds it.
	await page.mouse.move(box.x + box.width / 2 + 4, box.y + box.height / 2);
	await expect(page.locator('.tl-tip')).toHaveText(/Miami talks open/);
	await expect(mark).toHaveClass(/hover/);
	await page.mouse.down();
	await page.mouse.up();
	const item = page.locator('.ev.sel');
	await expect(item.getByText('Miami talks open')).toBeVisible();
	await expect(item.locator('details')).toHaveAttribute('open', '');
	await expect(mark).toHaveClass(/sel/);
	await page.getByRole('button', { name: 'Zoom in' }).click();
	expect(await page.locator('.tl-inner').evaluate((el) => el.style.width)).toBe('200%');
});

test('oEmbed answers for our stories, 404 for others, 501 for XML', async ({
	request,
	baseURL
}) => {
	const story = `${baseURL}/stories/russia-ukraine-peace-talks`;
	const ok = await request.get(
		`/oembed?url=${encodeURIComponent(story)}&maxwidth=320&maxheight=300&format=json`
	);
	expect(ok.status()).toBe(200);
	const body = (await ok.json()) as Record<string, unknown>;
	expect(body).toMatchObject({ type: 'rich', version: '1.0', width: 320, height: 300 });
	expect(body.title).toBe('Russia–Ukraine peace talks');
	expect(body.html).toContain(`src="${baseURL}/embed/stories/russia-ukraine-peace-talks"`);

	const hostile = await request.get(
		`/oembed?url=${encodeURIComponent(`${baseURL}/embed/stories/${HOSTILE_SLUG}`)}`
	);
	expect((await hostile.json()).html).not.toContain('<script>');

	for (const url of [
		'https://evil.example/stories/russia-ukraine-peace-talks',
		`${baseURL}/stories/no-such-story`,
		`${baseURL}/desk`
	]) {
		expect((await request.get(`/oembed?url=${encodeURIComponent(url)}`)).status()).toBe(404);
	}
	expect((await request.get(`/oembed?url=${encodeURIComponent(story)}&format=xml`)).status()).toBe(
		501
	);

	const page = await request.get('/stories/russia-ukraine-peace-talks');
	expect(await page.text()).toContain('type="application/json+oembed"');
});
