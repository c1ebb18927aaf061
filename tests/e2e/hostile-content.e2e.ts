import { test, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { textToHtml } from '../../src/lib/server/ingest/text-to-html';
import { e2eDatabase } from '../support/e2e-database';

// Text an editor or an ingested article could carry that would run script if any page, tooltip
// or feed treated it as markup. Each payload sets a different number, so a failure says which.
const SLUG = 'hostile-payloads';
const STORY = `/stories/${SLUG}`;
const EVENT_TITLE = '<img src=x onerror="window.__pwned=1">Payload';
const DESCRIPTION = '<script>window.__pwned=2</script>';
const ATTRIBUTION = '<b>bold</b>';
const PLACE = '"><svg onload=window.__pwned=3>';
const EVIDENCE = '</blockquote><script>window.__pwned=4</script>';
const STORY_SUMMARY = 'Summary <img src=x onerror="window.__pwned=5"> of the story';
const HEADLINE = 'Payload headline <img src=x onerror="window.__pwned=6">';
const DEK = '<svg onload=window.__pwned=7>Payload dek</svg>';
const BODY_TEXT = 'Body <script>window.__pwned=8</script> says Payload.';

let db: ReturnType<typeof e2eDatabase>;
let storyId: number;
let articleId: number;
let eventId: number;

test.beforeAll(async () => {
	db = e2eDatabase();
	await db.begin(async (tx) => {
		const [story] = await tx<{ id: number }[]>`
			insert into stories (slug, title, summary, status, publication, published_at)
			values (${SLUG}, 'Hostile payloads', ${STORY_SUMMARY}, 'developing', 'published', now())
			returning id`;
		storyId = story!.id;
		const [article] = await tx<{ id: number }[]>`
			insert into articles (source, headline, dek, body_html, body_raw, content_hash, published_at)
			values ('Test Wire', ${HEADLINE}, ${DEK}, ${textToHtml(BODY_TEXT)}, ${BODY_TEXT},
				${randomBytes(32).toString('hex')}, '2025-11-20T12:00:00Z')
			returning id`;
		articleId = article!.id;
		// The outlet's full text is open to readers (rights per source, 00007), so its body and
		// dek reach the pages whose escaping this file tests.
		await tx`
			insert into sources (name, full_text_public) values ('Test Wire', true)
			on conflict ((lower(btrim(name)))) do update set full_text_public = true`;
		await tx`
			insert into story_articles (story_id, article_id, role, position, state, decided_at)
			values (${storyId}, ${articleId}, 'first_report', 0, 'accepted', now())`;
		const [event] = await tx<{ id: number }[]>`
			insert into events (story_id, kind, title, description, occurred_start, precision, time_zone,
				place_name, first_reported_at, attribution, verification, status)
			values (${storyId}, 'statement', ${EVENT_TITLE}, ${DESCRIPTION}, '2025-11-20T10:00:00Z',
				'hour', 'UTC', ${PLACE}, '2025-11-20T12:00:00Z', ${ATTRIBUTION}, 'claimed', 'published')
			returning id`;
		eventId = event!.id;
		await tx`
			insert into event_sources (event_id, article_id, evidence)
			values (${eventId}, ${articleId}, ${EVIDENCE})`;
	});
});

// A fresh `vite dev` compiles each page on first request and may reload an open page once it
// has optimised new dependencies: visit the pages once so the tests see the settled app.
test.beforeAll(async ({ browser }) => {
	test.setTimeout(180_000);
	const page = await browser.newPage();
	for (const path of ['/', STORY, `/articles/${articleId}`]) {
		await page.goto(path);
		if (path === STORY) {
			await expect(page.locator('.vis-timeline')).toBeVisible({ timeout: 60_000 });
		}
	}
	await page.waitForTimeout(2_000);
	await page.close();
});

test.afterAll(async () => {
	// Events, sources and the story's article links go with the story and the article.
	if (storyId) await db`delete from stories where id = ${storyId}`;
	if (articleId) await db`delete from articles where id = ${articleId}`;
	await db`delete from sources where name = 'Test Wire'`;
	await db?.end({ timeout: 5 });
});

/** Records any dialog and any script the page's CSP had to block (an injection that got through). */
async function watch(page: Page): Promise<string[]> {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	await page.addInitScript(() => {
		const blocked: string[] = [];
		(window as unknown as { __blocked: string[] }).__blocked = blocked;
		document.addEventListener('securitypolicyviolation', (event) => {
			if (event.effectiveDirective.startsWith('script-src')) {
				blocked.push(`${event.effectiveDirective}: ${event.sample}`);
			}
		});
	});
	return dialogs;
}

/** Nothing ran, nothing was parsed into elements, and the page's CSP had nothing to block. */
async function expectInert(page: Page) {
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
		undefined
	);
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	await expect(page.locator('[onerror], [onload]')).toHaveCount(0);
	await expect(page.locator('main script, main b, main svg[onload]')).toHaveCount(0);
	expect(
		await page.evaluate(() => (window as unknown as { __blocked: string[] }).__blocked)
	).toEqual([]);
}

async function storyReady(page: Page, search = '') {
	await page.goto(`${STORY}${search}`);
	// The first visit to a dev server compiles vis-timeline on demand.
	await expect(page.locator('.vis-timeline')).toBeVisible({ timeout: 60_000 });
}

test('the story page shows every payload as text, in the list and in the timeline tooltip', async ({
	page
}) => {
	const dialogs = await watch(page);
	await storyReady(page);

	const chronology = page.getByRole('list', { name: 'Events in order' });
	await expect(chronology.getByText(EVENT_TITLE, { exact: false }).first()).toBeVisible();
	await expect(page.getByText(STORY_SUMMARY)).toBeVisible();

	const item = page.locator('.vis-item.tl-item', { hasText: '<img src=x onerror' });
	await expect(item).toBeVisible();
	await item.hover();
	const tooltip = page.locator('.vis-tooltip');
	await expect(tooltip).toBeVisible();
	await expect(tooltip).toContainText(EVENT_TITLE);
	await expect(tooltip.locator('img, script, svg, b')).toHaveCount(0);

	await expectInert(page);
	expect(dialogs).toEqual([]);
});

test('the event detail shows the description, attribution, place and evidence as text', async ({
	page
}) => {
	const dialogs = await watch(page);
	await storyReady(page, `?event=${eventId}`);

	// The selected entry opens in place: its card and the detail under it.
	const detail = page.getByRole('region', { name: `More about ${EVENT_TITLE}` });
	await expect(detail).toBeVisible();
	await expect(
		detail.getByText(`Claimed by ${ATTRIBUTION} — not independently verified`)
	).toBeVisible();
	const entry = page
		.getByRole('list', { name: 'Events in order' })
		.locator(':scope > li')
		.filter({ has: detail });
	await expect(entry.getByRole('heading', { level: 2, name: EVENT_TITLE })).toBeVisible();
	await expect(entry.getByText(DESCRIPTION, { exact: true })).toBeVisible();
	await expect(entry.getByText(PLACE, { exact: true })).toBeVisible();
	const sources = entry.getByRole('region', { name: `Sources for ${EVENT_TITLE}` });
	await expect(sources.locator('blockquote')).toHaveText(EVIDENCE);
	await expect(entry.locator('script, b, svg, img')).toHaveCount(0);

	await expectInert(page);
	expect(dialogs).toEqual([]);
});

test('the index and a search show the story, the latest event and the article as text', async ({
	page
}) => {
	const dialogs = await watch(page);
	await page.goto('/');
	await expect(page.getByText('<img src=x onerror', { exact: false }).first()).toBeVisible();
	await expectInert(page);

	await page.goto('/?q=Payload');
	const results = page.getByRole('region', { name: 'Results for “Payload”' });
	await expect(results.getByText('<img src=x onerror', { exact: false }).first()).toBeVisible();
	await expect(results.getByRole('heading', { level: 4, name: HEADLINE })).toBeVisible();
	await expect(results.getByText(STORY_SUMMARY)).toBeVisible();
	// The snippet comes from ts_headline, which drops tag-shaped words; the rest stays text.
	await expect(results.getByText('dek Body', { exact: false })).toBeVisible();
	await expectInert(page);
	expect(dialogs).toEqual([]);
});

test('the article page shows its headline, dek and body as text', async ({ page }) => {
	const dialogs = await watch(page);
	await page.goto(`/articles/${articleId}`);

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
	await expect(page.getByText(DEK)).toBeVisible();
	await expect(page.getByText(BODY_TEXT)).toBeVisible();
	await expect(page).toHaveTitle(`${HEADLINE} · Throughline`);
	const reported = page.getByRole('region', { name: 'Events this article reports' });
	await expect(reported.getByText(EVENT_TITLE, { exact: false }).first()).toBeVisible();

	await expectInert(page);
	expect(dialogs).toEqual([]);
});

test('the Atom feed carries the payloads as text only, tags stripped from titles', async ({
	page,
	request
}) => {
	const response = await request.get(`${STORY}/feed.atom`);
	expect(response.status()).toBe(200);
	const xml = await response.text();

	await page.goto('/');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'application/xml');
		const html = 'http://www.w3.org/1999/xhtml';
		return {
			errors: doc.getElementsByTagName('parsererror').length,
			scripts:
				doc.getElementsByTagName('script').length +
				doc.getElementsByTagNameNS(html, 'script').length,
			markup: doc.querySelectorAll('img, svg, b, blockquote').length,
			titles: [...doc.getElementsByTagName('entry')].map(
				(entry) => entry.getElementsByTagName('title')[0]?.textContent ?? ''
			),
			content: [...doc.getElementsByTagName('content')].map((node) => node.textContent ?? '')
		};
	}, xml);

	expect(parsed.errors).toBe(0);
	expect(parsed.scripts).toBe(0);
	expect(parsed.markup).toBe(0);
	// Titles are text fields (src/lib/format/export-text.ts): the tags are stripped.
	expect(parsed.titles).toContain('Payload');
	expect(parsed.titles).toContain('Payload headline ');
	expect(parsed.titles.join('\n')).not.toContain('<');
	// The entry content is HTML carried as text: a feed reader would get the payload escaped.
	const eventContent = parsed.content.find((content) => content.includes('__pwned=2'));
	expect(eventContent).toContain('&lt;script&gt;window.__pwned=2&lt;/script&gt;');
	expect(eventContent).toContain('&lt;/blockquote&gt;&lt;script&gt;window.__pwned=4');
	expect(parsed.content.join('\n')).not.toMatch(/<script|<img|<svg/i);
});

test('the JSON feed carries the payloads as plain text, escaped inside its HTML', async ({
	request
}) => {
	const response = await request.get(`${STORY}/feed.json`);
	expect(response.status()).toBe(200);
	const feed = JSON.parse(await response.text()) as {
		items: { title: string; summary?: string; content_html: string }[];
	};

	// Titles and summaries are text fields (src/lib/format/export-text.ts): tags stripped.
	const event = feed.items.find((item) => item.title === 'Payload');
	expect(event).toBeDefined();
	expect(event!.content_html).toContain('&lt;script&gt;window.__pwned=2&lt;/script&gt;');
	expect(event!.content_html).not.toMatch(/<script|<img|<svg/i);

	const article = feed.items.find((item) => item.title === 'Payload headline ');
	expect(article).toBeDefined();
	expect(article!.summary).toBe('Payload dek');
	expect(article!.content_html).not.toMatch(/<script|<img|<svg/i);
});
