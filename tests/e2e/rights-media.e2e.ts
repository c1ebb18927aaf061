import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createApiToken, createUser, signIn, type TestUser } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

/**
 * Issue 16 over real HTTP: another outlet's copy stays in the desk (the demo's CRBC News article),
 * editors pin key events and give events media, and TimelineJS carries the media both ways.
 */

test.describe.configure({ timeout: 90_000 });

const db = e2eDatabase();
const STORY = '/stories/russia-ukraine-peace-talks';
const SHOTS = '/tmp/shots-data';
// A 1×1 PNG answered for the media image's made-up host: nothing leaves the machine.
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);

let editor: TestUser;
let token: string;
const made: number[] = [];

test.beforeAll(async () => {
	editor = await createUser(db, { role: 'editor' });
	token = await createApiToken(db, editor.id);
	mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
	if (made.length) await db`delete from stories where id in ${db(made)}`;
	await db.end();
});

/** Letters and digits only: a sentence matches however a page escapes its quotes or dashes. */
const words = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/** Every string in a JSON value, joined. */
const strings = (value: unknown): string =>
	typeof value === 'string'
		? value
		: Array.isArray(value)
			? value.map(strings).join(' ')
			: value && typeof value === 'object'
				? Object.values(value).map(strings).join(' ')
				: '';

async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

test('the CRBC article’s body is not public: page, story page, feeds, API and search show only quoted evidence', async ({
	page,
	request
}) => {
	const [crbc] = await db<{ id: number; bodyRaw: string; dek: string; headline: string }[]>`
		select id, body_raw as "bodyRaw", dek, headline from articles
		where headline like 'Miami Talks Enter Third Day%' and deleted_at is null`;
	expect(crbc).toBeDefined();
	const quoted = (
		await db<{ evidence: string }[]>`
			select evidence from event_sources where article_id = ${crbc!.id}`
	).map((row) => words(row.evidence));
	// The article as CRBC wrote it, past its masthead and headline: dek, paragraphs, sentences.
	const paragraphs = crbc!.bodyRaw.split(/\n\s*\n/).slice(3);
	const sentences = paragraphs
		.flatMap((p) => p.split(/(?<=[.!?]["”]?)\s+(?=[A-Z"“])/))
		.map((s) => s.trim())
		.filter((s) => s.length >= 40)
		.filter((s) => !quoted.some((q) => q.includes(words(s))));
	expect(sentences.length).toBeGreaterThan(8);

	const surfaces: Record<string, string> = {};
	await page.goto(`/articles/${crbc!.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(crbc!.headline);
	await expect(page.getByRole('note')).toContainText('CRBC News keeps the rights to this text');
	surfaces['article page'] = await page.locator('body').innerText();
	surfaces['article page HTML'] = await (await request.get(`/articles/${crbc!.id}`)).text();
	surfaces['story page HTML'] = await (await request.get(STORY)).text();
	surfaces['Atom feed'] = await (await request.get(`${STORY}/feed.atom`)).text();
	surfaces['JSON Feed'] = strings(await (await request.get(`${STORY}/feed.json`)).json());
	const detail = await request.get(`/api/v1/articles/${crbc!.id}`);
	expect(await detail.json()).toMatchObject({ fullTextPublic: false, bodyHtml: null });
	surfaces['API article'] = strings(await detail.json());
	surfaces['API articles'] = strings(await (await request.get('/api/v1/articles')).json());
	surfaces['API events'] = strings(await (await request.get('/api/v1/events?limit=100')).json());
	for (const sentence of sentences.slice(0, 4)) {
		const query = sentence.split(/\s+/).slice(2, 7).join(' ');
		surfaces[`search "${query}"`] = await (
			await request.get(`/?q=${encodeURIComponent(query)}`)
		).text();
	}

	// The quoted evidence is there (so the check below reads real pages)…
	expect(words(surfaces['article page']!)).toContain(quoted[0]);
	// …and no other sentence of CRBC's text is, anywhere a reader or a machine can fetch.
	for (const [surface, text] of Object.entries(surfaces)) {
		const shown = words(text);
		const leaked = sentences.filter((sentence) => shown.includes(words(sentence)));
		expect({ surface, leaked }).toEqual({ surface, leaked: [] });
	}

	// The house's own copy (the demo desk) is still shown in full.
	const [house] = await db<{ id: number }[]>`
		select id from articles where source = 'Throughline demo desk' order by id limit 1`;
	const own = await (await request.get(`/api/v1/articles/${house!.id}`)).json();
	expect(own).toMatchObject({ fullTextPublic: true, bodyHtml: expect.stringContaining('<p>') });

	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto(`/articles/${crbc!.id}`);
		await page.screenshot({ path: `${SHOTS}/crbc-article-${width}.png`, fullPage: true });
	}
	expect(await seriousViolations(page)).toEqual([]);
});

test('an editor opens and closes an outlet’s full text on the Sources page', async ({ page }) => {
	await signIn(page, editor);
	await page.goto('/desk/sources');
	const row = page.getByRole('row', { name: /CRBC News/ });
	await expect(row).toContainText('Closed');
	expect(await seriousViolations(page)).toEqual([]);
	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SHOTS}/desk-sources-${width}.png`, fullPage: true });
	}

	const [crbc] = await db<{ id: number }[]>`
		select id from articles where source = 'CRBC News' order by id limit 1`;
	await row.getByRole('button', { name: /Open full text/ }).click();
	await expect(page.getByRole('status')).toHaveText('CRBC News: readers now see the full text.');
	const opened = await (await page.request.get(`/api/v1/articles/${crbc!.id}`)).json();
	expect(opened).toMatchObject({ fullTextPublic: true });

	await page
		.getByRole('row', { name: /CRBC News/ })
		.getByRole('button', { name: /Close full text/ })
		.click();
	await expect(page.getByRole('status')).toHaveText('CRBC News: the full text stays in the desk.');
	const closed = await (await page.request.get(`/api/v1/articles/${crbc!.id}`)).json();
	expect(closed).toMatchObject({ fullTextPublic: false, bodyHtml: null });
});

/** A published story of two published events, made for one test and removed after. */
async function story() {
	const tag = randomBytes(4).toString('hex');
	const [row] = await db<{ id: number; slug: string }[]>`
		insert into stories (slug, title, summary, publication, published_at)
		values (${`key-events-${tag}`}, ${`Key events ${tag}`}, 'A story for key events.',
			'published', now())
		returning id, slug`;
	made.push(row!.id);
	const events = await db<{ id: number; title: string }[]>`
		insert into events (story_id, kind, title, occurred_start, precision, status)
		values (${row!.id}, 'meeting', ${`Envoys meet ${tag}`}, '2025-12-04T15:00:00Z', 'day', 'published'),
			(${row!.id}, 'statement', ${`Ministry statement ${tag}`}, '2025-12-05T09:00:00Z', 'day',
				'published')
		returning id, title`;
	return { ...row!, events };
}

test('an editor pins a key event and gives events media: the story page and the embed show them', async ({
	page,
	request
}) => {
	const target = await story();
	const [meeting, statement] = target.events;
	await page.route('https://images.example.test/**', (route) =>
		route.fulfill({ body: PNG, contentType: 'image/png' })
	);

	// The desk form: key event, and an image with its alt text, caption, credit and size.
	await signIn(page, editor);
	await page.goto(`/desk/events/${meeting!.id}`);
	await page.getByLabel('Key event (listed at the top of the story and the embed)').check();
	await page.getByLabel('Address (http:// or https://)').fill('javascript:alert(1)');
	await page.getByRole('button', { name: 'Save event' }).click();
	await expect(
		page.getByText('Use a full http:// or https:// address.', { exact: true })
	).toBeVisible();
	await page
		.getByLabel('Address (http:// or https://)')
		.fill('https://images.example.test/miami.png');
	await page.getByLabel('Media type').selectOption('image');
	await page.getByLabel('Caption').fill('Delegations at the table');
	await page.getByLabel('Credit', { exact: true }).fill('Pool photo');
	await page
		.getByLabel('Alt text (what the image shows; required for images)')
		.fill('Two delegations seated at a long table');
	await page.getByLabel('Width (px)').fill('1200');
	await page.getByLabel('Height (px)').fill('800');
	await page.getByRole('button', { name: 'Save event' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await expect(page.getByLabel('Width (px)')).toHaveValue('1200');
	expect(await seriousViolations(page)).toEqual([]);
	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SHOTS}/desk-event-media-${width}.png`, fullPage: true });
	}

	// The API: a link card for the other event (PATCH of the address alone sets its kind).
	const version = (
		await db<{ version: number }[]>`
		select version from events where id = ${statement!.id}`
	)[0]!.version;
	const refused = await request.patch(`/api/v1/events/${statement!.id}`, {
		headers: { Authorization: `Bearer ${token}`, 'If-Match': `"${version}"` },
		data: { mediaUrl: 'data:text/html,<script>alert(1)</script>' }
	});
	expect(refused.status()).toBe(400);
	const patched = await request.patch(`/api/v1/events/${statement!.id}`, {
		headers: { Authorization: `Bearer ${token}`, 'If-Match': `"${version}"` },
		data: { mediaUrl: 'https://www.youtube.com/watch?v=abc123', mediaCaption: 'The statement' }
	});
	expect(patched.status()).toBe(200);
	expect(await patched.json()).toMatchObject({ mediaKind: 'link', pinned: false });

	const response = await page.goto(`/stories/${target.slug}`);
	expect(response?.headers()['content-security-policy']).toMatch(/img-src[^;]*https:/);
	const key = page.getByRole('region', { name: 'Key events' });
	await expect(key.getByRole('link', { name: meeting!.title })).toBeVisible();
	await expect(key.getByRole('link', { name: statement!.title })).toHaveCount(0);
	const image = page.getByRole('img', { name: 'Two delegations seated at a long table' });
	await expect(image).toHaveAttribute('loading', 'lazy');
	await expect(image).toHaveAttribute('width', '1200');
	await image.scrollIntoViewIfNeeded();
	await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
	await expect(page.getByText('Credit: Pool photo')).toBeVisible();
	const card = page.getByRole('link', { name: /Open on YouTube/ });
	await expect(card).toHaveAttribute('href', 'https://www.youtube.com/watch?v=abc123');
	expect(await seriousViolations(page)).toEqual([]);
	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto(`/stories/${target.slug}`);
		await page.screenshot({ path: `${SHOTS}/story-key-events-${width}.png`, fullPage: true });
	}

	const embed = await page.goto(`/embed/stories/${target.slug}`);
	expect(embed?.headers()['content-security-policy']).toMatch(/img-src[^;]*https:/);
	const embedKey = page.getByRole('region', { name: 'Key events' });
	await expect(embedKey.getByRole('link', { name: meeting!.title })).toBeVisible();
	await page.locator(`#e${meeting!.id} summary`).click();
	await expect(
		page.getByRole('img', { name: 'Two delegations seated at a long table' })
	).toBeVisible();
	await page.locator(`#e${statement!.id} summary`).click();
	await expect(page.getByRole('link', { name: /Open on YouTube/ })).toBeVisible();
	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SHOTS}/embed-key-events-${width}.png`, fullPage: true });
	}

	// Unpinned from the desk form, it leaves the list.
	await page.goto(`/desk/events/${meeting!.id}`);
	await page.getByLabel('Key event (listed at the top of the story and the embed)').uncheck();
	await page.getByRole('button', { name: 'Save event' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	// Kept pages follow the change notification, which may land a moment after the save.
	await expect
		.poll(async () => {
			await page.goto(`/stories/${target.slug}`);
			return page.getByRole('region', { name: 'Key events' }).count();
		})
		.toBe(0);
});

test('TimelineJS export then import keeps each event’s media address, caption and credit', async ({
	request
}) => {
	const target = await story();
	const [meeting] = target.events;
	await db`
		update events set media_kind = 'image', media_url = 'https://images.example.test/a.png',
			media_caption = 'Envoys & aides <arriving>', media_credit = 'Pool "photo"',
			media_alt = 'Envoys walking in'
		where id = ${meeting!.id}`;
	const exported = await request.get(`/stories/${target.slug}/timeline.json`);
	expect(exported.status()).toBe(200);
	const timeline = (await exported.json()) as { events: { media?: { url: string } }[] };
	expect(
		timeline.events.some((slide) => slide.media?.url === 'https://images.example.test/a.png')
	).toBe(true);

	const imported = await request.post('/api/v1/import/timelinejs', {
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
		data: JSON.stringify(timeline)
	});
	expect(imported.status()).toBe(201);
	const { storyId } = (await imported.json()) as { storyId: number };
	made.push(storyId);
	const rows = await db<{ mediaUrl: string; mediaCaption: string; mediaCredit: string }[]>`
		select media_url as "mediaUrl", media_caption as "mediaCaption", media_credit as "mediaCredit"
		from events where story_id = ${storyId} and media_url is not null`;
	expect(rows).toEqual([
		{
			mediaUrl: 'https://images.example.test/a.png',
			mediaCaption: 'Envoys & aides <arriving>',
			mediaCredit: 'Pool "photo"'
		}
	]);
});
