import { expect as baseExpect, test, type Page } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { e2eDatabase } from '../support/e2e-database';
import { createApiToken, createUser, signIn, type TestUser } from '../support/desk-auth';

// The dev server compiles each page on first use and the machine may be busy: be patient.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

// Every test works on its own stories (made here), never on the demo story.
const db = e2eDatabase();
let editor: TestUser;
let contributor: TestUser;

const tag = () => randomBytes(4).toString('hex');

async function unfiledArticle(headline: string): Promise<number> {
	const body = `${headline}. The envoy said talks would resume on Monday.`;
	const [row] = await db<{ id: number }[]>`
		insert into articles (source, headline, body_html, body_raw, content_hash, published_at)
		values ('Curate Wire', ${headline}, ${`<p>${body}</p>`}, ${body},
			${createHash('sha256').update(body).digest('hex')}, '2025-03-01T08:00:00Z')
		returning id`;
	return row!.id;
}

async function storyWithEvent(title: string, start = '2025-03-10T00:00:00Z') {
	const [story] = await db<{ id: number; version: number }[]>`
		insert into stories (slug, title) values (${`curate-${tag()}`}, ${title}) returning id, version`;
	const [event] = await db<{ id: number; version: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision)
		values (${story!.id}, 'meeting', ${`${title} meeting`}, ${start}, 'day') returning id, version`;
	return { story: story!, event: event! };
}

/** A full page load, then wait until the page is hydrated (its scripts loaded) before typing. */
async function open(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForLoadState('networkidle');
}

/** Loads the sign-in page's scripts once first, so signIn does not type before hydration. */
async function signInWarm(page: Page, user: TestUser): Promise<void> {
	await open(page, '/desk/sign-in');
	await signIn(page, user);
}

test.beforeAll(async () => {
	editor = await createUser(db, { role: 'editor' });
	contributor = await createUser(db, { role: 'contributor' });
});

test.afterAll(async () => {
	await db.end();
});

test('an editor creates a story, files an article and records a claimed event', async ({
	page
}) => {
	const headline = `Envoys to meet again ${tag()}`;
	await unfiledArticle(headline);
	await signInWarm(page, editor);
	await open(page, '/desk/stories/new');
	const title = `Curated talks ${tag()}`;
	await page.getByLabel('Title').fill(title);
	await page.getByRole('button', { name: 'Create story' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	// The slug comes from the title (in the browser as you type, or on the server if empty).
	await expect(page.getByLabel('Slug')).toHaveValue(/^curated-talks-[0-9a-f]{8}$/);

	await page.getByLabel('Unfiled article').selectOption({ label: `${headline} (Curate Wire)` });
	await page.getByLabel('As', { exact: true }).selectOption('first_report');
	await page.getByRole('button', { name: 'Attach article' }).click();
	const articles = page.getByRole('region', { name: /Articles \(1\)/ });
	await expect(articles.getByText(headline, { exact: true })).toBeVisible();
	await expect(articles.getByText('Curate Wire · first report')).toBeVisible();

	await page.getByRole('link', { name: 'Add event' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'New event' })).toBeVisible();
	await page.getByLabel('Kind').selectOption('statement');
	await page.getByLabel('Title').fill('Envoy announces new round');
	await page.getByLabel(/^Start/).fill('2025-03-01T10:30');
	await page.getByLabel(/^Time zone/).fill('Europe/Kyiv');
	await page.getByLabel(/^Attribution/).fill('The envoy');
	await page.getByLabel('Verification').selectOption('claimed');
	await page.getByRole('button', { name: 'Create event' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Envoy announces new round' })
	).toBeVisible();

	// 10:30 in Kyiv (UTC+2 in March) is 08:30 UTC; the claim is on record.
	const [saved] = await db<{ occurred_start: Date; verification: string; attribution: string }[]>`
		select occurred_start, verification, attribution from events
		where title = 'Envoy announces new round' order by id desc limit 1`;
	expect(saved?.occurred_start.toISOString()).toBe('2025-03-01T08:30:00.000Z');
	expect(saved?.verification).toBe('claimed');

	await page
		.getByLabel('Article of the story')
		.selectOption({ label: `${headline} (Curate Wire)` });
	await page.getByLabel(/^Evidence/).fill('talks would resume on Monday');
	await page.getByRole('button', { name: 'Add source' }).click();
	await expect(page.getByRole('region', { name: 'Sources (1)' })).toContainText(
		'talks would resume on Monday'
	);
});

test('a slug already in use is refused next to the field, the values kept', async ({ page }) => {
	const { story } = await storyWithEvent(`Slug clash ${tag()}`);
	const [row] = await db<{ slug: string }[]>`select slug from stories where id = ${story.id}`;
	const slug = row!.slug;
	await signInWarm(page, editor);
	await open(page, '/desk/stories/new');
	await page.getByLabel('Title').fill('Another title');
	await page.getByLabel('Slug').fill(slug);
	await page.getByRole('button', { name: 'Create story' }).click();
	await expect(page.getByText(`Another story already uses “${slug}”`)).toBeVisible();
	await expect(page.getByLabel('Title')).toHaveValue('Another title');
});

test('dragging an event on the timeline saves its new date, and Undo restores it', async ({
	page
}) => {
	const { story, event } = await storyWithEvent(`Timeline drag ${tag()}`);
	await signInWarm(page, editor);
	// In dev, Vite may reload the page once when it first bundles vis-timeline: settle first.
	await open(page, `/desk/stories/${story.id}`);
	await open(page, `/desk/stories/${story.id}`);
	const item = page.locator('.vis-item').filter({ hasText: 'meeting' });
	await expect(item).toBeVisible();
	// vis-timeline moves only a selected item: select it, then drag.
	await item.click();
	await expect(item).toHaveClass(/vis-selected/);
	const box = (await item.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 8 });
	await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 8 });
	await page.mouse.up();
	// The saved date is what counts (the dev server may reload the page under a busy machine).
	await expect
		.poll(async () => {
			const [row] = await db<{ occurred_start: Date; version: number }[]>`
				select occurred_start, version from events where id = ${event.id}`;
			return row!.version;
		})
		.toBe(event.version + 1);
	const [moved] = await db<{ occurred_start: Date }[]>`
		select occurred_start from events where id = ${event.id}`;
	expect(moved!.occurred_start.getTime()).toBeGreaterThan(Date.parse('2025-03-10T00:00:00Z'));
	await expect(page.getByRole('status').filter({ hasText: 'Moved to' })).toBeVisible();

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
	const [back] = await db<{ occurred_start: Date }[]>`
		select occurred_start from events where id = ${event.id}`;
	expect(back!.occurred_start.toISOString()).toBe('2025-03-10T00:00:00.000Z');
});

// Two editors on one event: tests/e2e/event-conflict.e2e.ts.

test('an earlier revision can be restored from the history', async ({ page }) => {
	const { event } = await storyWithEvent(`Revisions ${tag()}`);
	await signInWarm(page, editor);
	await open(page, `/desk/events/${event.id}`);
	const original = await page.getByLabel('Title').inputValue();
	await page.getByLabel('Title').fill('A wording we regret');
	await page.getByRole('button', { name: 'Save event' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');

	await page.getByRole('link', { name: 'History' }).click();
	await expect(page.getByRole('row', { name: /Title/ }).first()).toContainText(
		'A wording we regret'
	);
	await page.getByRole('link', { name: 'Restore revision 2…' }).click();
	await page.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status')).toContainText('Restored');
	const [row] = await db<{ title: string }[]>`select title from events where id = ${event.id}`;
	expect(row?.title).toBe(original);
	// The restore is itself a revision, by the editor.
	await expect(
		page.getByRole('heading', { name: /Revision 4 · version 3 \(current\)/ })
	).toBeVisible();
});

test('a contributor sees no Publish button, and a forced publish is refused', async ({
	page,
	baseURL
}) => {
	const { story } = await storyWithEvent(`Contributor ${tag()}`);
	await signInWarm(page, contributor);
	await open(page, `/desk/stories/${story.id}`);
	await expect(page.getByLabel('Title')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
	const response = await page.request.post(`/desk/stories/${story.id}?/publish`, {
		form: { version: String(story.version) },
		headers: { origin: baseURL! }
	});
	expect(response.status()).toBe(403);
	const [row] = await db<{ publication: string }[]>`
		select publication from stories where id = ${story.id}`;
	expect(row?.publication).toBe('draft');
});

test('the API needs If-Match: 428 without, 412 when stale, 200 with the new ETag', async ({
	request
}) => {
	const { story } = await storyWithEvent(`API ${tag()}`);
	const token = await createApiToken(db, editor.id);
	const auth = { Authorization: `Bearer ${token}` };
	const url = `/api/v1/stories/${story.id}`;

	const missing = await request.patch(url, { headers: auth, data: { title: 'No header' } });
	expect(missing.status()).toBe(428);
	const stale = await request.patch(url, {
		headers: { ...auth, 'If-Match': '"99"' },
		data: { title: 'Stale' }
	});
	expect(stale.status()).toBe(412);
	expect(stale.headers().etag).toBe(`"${story.version}"`);
	const bad = await request.patch(url, {
		headers: { ...auth, 'If-Match': `"${story.version}"` },
		data: { title: '' }
	});
	expect(bad.status()).toBe(400);
	expect((await bad.json()).fields.title).toBeTruthy();

	const ok = await request.patch(url, {
		headers: { ...auth, 'If-Match': `"${story.version}"` },
		data: { title: 'Retitled over the API' }
	});
	expect(ok.status()).toBe(200);
	expect(ok.headers().etag).toBe(`"${story.version + 1}"`);
	expect((await ok.json()).title).toBe('Retitled over the API');

	const deleted = await request.delete(url, {
		headers: { ...auth, 'If-Match': `"${story.version + 1}"` }
	});
	expect(deleted.status()).toBe(204);
	const [row] = await db<{ deleted_at: Date | null }[]>`
		select deleted_at from stories where id = ${story.id}`;
	expect(row?.deleted_at).not.toBeNull();
});

test('a deleted story waits in the trash and comes back', async ({ page }) => {
	const title = `Binned story ${tag()}`;
	const { story } = await storyWithEvent(title);
	await signInWarm(page, editor);
	await open(page, `/desk/stories/${story.id}`);
	await page.getByRole('button', { name: 'Delete story' }).click();
	await expect(page).toHaveURL(/\/desk\/trash$/);
	await page.getByRole('button', { name: `Restore story “${title}”` }).click();
	await expect(page.getByRole('status')).toHaveText('Restored.');
	await page.getByRole('link', { name: 'Open the restored story' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const [audit] = await db<{ n: number }[]>`
		select count(*)::int as n from audit_log
		where entity_type = 'story' and entity_id = ${String(story.id)}
			and action in ('story.deleted', 'story.restored')`;
	expect(audit?.n).toBe(2);
});
