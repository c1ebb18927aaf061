import { test, expect } from '@playwright/test';
import { e2eDatabase } from '../support/e2e-database';

// A story longer than one page of the chronology: the list is paged (without JavaScript too),
// while the timeline keeps every event.
const SLUG = 'e2e-long-story';
// Long enough that the timeline holds only what is near its window (timeline-lod.ts).
const DENSE = 'e2e-dense-story';
let db: ReturnType<typeof e2eDatabase>;

/** A published story of `count` statements, `step` apart (a SQL interval) from `start`. */
async function seedStory(
	slug: string,
	title: string,
	count: number,
	[start, step, precision]: [string, string, 'day' | 'hour']
) {
	await db`delete from stories where slug = ${slug}`;
	const [story] = await db<{ id: number }[]>`
		insert into stories (slug, title, summary, publication, published_at)
		values (${slug}, ${title}, 'Many events.', 'published', now())
		returning id`;
	await db`
		insert into events (story_id, kind, title, occurred_start, precision, status)
		select ${story!.id}, 'statement', ${title} || ' event ' || n,
			${start}::timestamptz + n * ${step}::interval, ${precision}, 'published'
		from generate_series(1, ${count}::int) n`;
}

/** `count` accepted articles in the story, a day apart, headlined "… report N". */
async function seedArticles(slug: string, count: number) {
	await db`
		with made as (
			insert into articles (source, headline, body_html, body_raw, content_hash, published_at)
			select 'E2E long-story wire', 'Long story report ' || n, '<p>Report.</p>', 'Report.',
				encode(sha256(convert_to(${slug} || n, 'UTF8')), 'hex'),
				'2025-01-01'::timestamptz + n * interval '1 day'
			from generate_series(1, ${count}::int) n
			returning id
		)
		insert into story_articles (story_id, article_id, state, decided_at)
		select s.id, made.id, 'accepted', now() from made, stories s where s.slug = ${slug}`;
}

test.beforeAll(async () => {
	db = e2eDatabase();
	await seedStory(SLUG, 'Long story', 130, ['2025-01-01', '1 day', 'day']);
	await seedStory(DENSE, 'Dense story', 360, ['2025-03-01', '2 hours', 'hour']);
	await seedArticles(SLUG, 14);
});

test.afterAll(async () => {
	await db`delete from articles where source = 'E2E long-story wire'`;
	await db`delete from stories where slug in (${SLUG}, ${DENSE})`;
	await db?.end({ timeout: 5 });
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the chronology is paged and the next page lists the rest', async ({ page }) => {
		test.slow();
		await page.goto(`/stories/${SLUG}`);
		const list = page.getByRole('list', { name: 'Events in order' });
		await expect(list.getByRole('heading', { level: 2 })).toHaveCount(25);
		const pager = page.getByRole('navigation', { name: 'Chronology pages' });
		await expect(pager).toContainText('Events 1–25 of 130');
		await pager.getByRole('link', { name: 'Next' }).click();
		await expect(page).toHaveURL(/page=2/);
		await expect(pager).toContainText('Events 26–50 of 130');
		await page.goto(`/stories/${SLUG}?page=6`);
		await expect(pager).toContainText('Events 126–130 of 130');
		// A developing story lists newest first: the last page holds the first events.
		await expect(list.getByRole('heading', { level: 2 })).toHaveText([
			'Long story event 5',
			'Long story event 4',
			'Long story event 3',
			'Long story event 2',
			'Long story event 1'
		]);
	});
});

test('a long coverage list shows the latest articles, and a link shows them all', async ({
	page
}) => {
	await page.goto(`/stories/${SLUG}`);
	const coverage = page.getByRole('region', { name: 'Coverage' });
	await expect(coverage.getByRole('listitem')).toHaveCount(10);
	await expect(coverage).toContainText('Long story report 14');
	await expect(coverage).not.toContainText('Long story report 4');
	await coverage.getByRole('link', { name: 'Show all 14' }).click();
	await expect(page).toHaveURL(/articles=all/);
	await expect(coverage.getByRole('listitem')).toHaveCount(14);
	await expect(coverage).toContainText(/Long story report 1\b/);
});

test('a permalink to an event on a later page opens that page with the event', async ({ page }) => {
	test.slow();
	const [row] = await db<{ id: number }[]>`
		select e.id from events e join stories s on s.id = e.story_id
		where s.slug = ${SLUG} and e.title = 'Long story event 20'`;
	await page.goto(`/stories/${SLUG}?event=${row!.id}`);
	await expect(page.getByRole('navigation', { name: 'Chronology pages' })).toContainText(
		'Events 101–125 of 130'
	);
	// Newest first (the story is developing): event 20 is the 111th.
	await expect(page.locator(`#event-${row!.id}`)).toContainText('Long story event 20');
	// The timeline still holds every event, not just the page's.
	await expect(page.locator('.vis-item').first()).toBeVisible();
});

test('a dense timeline draws clusters with their count instead of a pile of items', async ({
	page
}) => {
	test.slow();
	await page.goto(`/stories/${SLUG}`);
	const cluster = page.locator('.vis-item.vis-cluster').first();
	await expect(cluster).toBeVisible();
	await expect(cluster).toContainText(/\d/);
});

test('a long story folds dense stretches into counts; selecting one zooms in to its events', async ({
	page
}) => {
	test.slow();
	await page.goto(`/stories/${DENSE}`);
	const cluster = page.locator('.vis-item.vis-box.tl-cluster').first();
	await expect(cluster).toBeVisible();
	const count = Number(await cluster.textContent());
	expect(count).toBeGreaterThan(3);
	// Folded events are not drawn one by one at this zoom.
	await expect(page.locator('.vis-item.tl-item')).toHaveCount(0);
	// Each selection zooms to the cluster's stretch; a few steps reach the events themselves.
	const items = page.locator('.vis-item.tl-item');
	for (let step = 0; step < 6 && (await items.count()) === 0; step++) {
		await page.locator('.vis-item.vis-box.tl-cluster').first().click();
		await page.waitForTimeout(600);
	}
	await expect(items.first()).toContainText('Dense story event');
});
