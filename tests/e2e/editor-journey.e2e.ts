import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createUser, signIn } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

// The editor's day (issue #16): paste the demo story's day-four report, file it, and publish the
// events it reports from the article page, counting every click and fill; then undo, confirm,
// and the other desk journeys that used to lose the editor.
test.describe.configure({ timeout: 240_000 });
// The editor works from Miami: the paste form's zone and "now" come from the browser.
test.use({ timezoneId: 'America/New_York' });

const SLUG = 'russia-ukraine-peace-talks';
const SHOTS = '/tmp/shots-editor';
const run = randomBytes(4).toString('hex');
let db: ReturnType<typeof e2eDatabase>;
let editor: { email: string; password: string };
const made: number[] = [];

// Written for this test as the demo story's fourth day (7 December 2025); no outlet's copy.
const dayFour = (tag: string) =>
	[
		'Ukrainian and US negotiators met in Miami on Sunday for a fourth straight day of talks on the US peace plan.',
		"Ukraine's chief negotiator Rustem Umerov said on Sunday that the talks had been productive but that territory remained the hardest question.",
		"Russia's defence ministry said on Sunday that its air defences had destroyed 77 Ukrainian drones overnight.",
		`Demo copy for the desk journey test (${tag}).`
	].join('\n\n');

test.beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	db = e2eDatabase();
	editor = await createUser(db, { role: 'editor', displayName: `Anna ${run}` });
});

test.afterAll(async () => {
	// Leave the demo story as the other browser tests expect it.
	if (made.length) {
		await db`delete from events where id in (
			select event_id from event_sources where article_id = any(${made}::int[]))`;
		await db`delete from articles where id = any(${made}::int[])`;
	}
	await db?.end({ timeout: 5 });
});

/** A proposal by its own heading (a neighbour matching an event quotes that event's title). */
const proposalTitled = (page: Page, words: string) =>
	page
		.locator('li.proposal')
		.filter({ has: page.getByRole('heading', { name: new RegExp(words) }) });

async function axe(page: Page, name: string, exclude: string[] = []) {
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
		for (const selector of exclude) builder = builder.exclude(selector);
		const results = await builder.analyze();
		const serious = results.violations.filter((v) =>
			['serious', 'critical'].includes(v.impact ?? '')
		);
		expect(serious.map((v) => `${name} (${colorScheme}): ${v.id} ${v.nodes[0]?.target}`)).toEqual(
			[]
		);
	}
	await page.emulateMedia({ colorScheme: 'light' });
}

for (const width of [1280, 375]) {
	test(`at ${width} px: file the day-four article and publish its events in at most 10 actions`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 900 });
		await signIn(page, editor);
		await page.goto('/desk/articles/new');
		await page.waitForLoadState('networkidle');
		let actions = 0;
		const act = async (done: Promise<unknown>) => {
			actions += 1;
			await done;
		};

		// Publication time and zone default to now where the editor is.
		await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('America/New_York');
		await expect(page.getByLabel('Date and time')).not.toHaveValue('');
		await act(
			page.getByLabel('Headline').fill(`Miami talks run into a fourth day (${run}-${width})`)
		);
		await act(page.getByLabel('Body').fill(dayFour(`${run}-${width}`)));
		await act(page.getByLabel('Outlet').fill('Demo Wire'));
		await act(page.getByLabel('Date and time').fill('2025-12-07T20:00'));
		await act(page.getByRole('button', { name: 'Save article' }).click());
		await page.waitForURL(/\/desk\/articles\/\d+$/);
		const articleId = Number(new URL(page.url()).pathname.split('/').pop());
		made.push(articleId);
		await page.waitForLoadState('networkidle');

		await act(
			page.getByRole('button', { name: 'Accept: file in Russia–Ukraine peace talks' }).click()
		);
		await expect(page.getByText('Filed in: Russia–Ukraine peace talks')).toBeVisible();
		const proposals = page.locator('li.proposal');
		await expect(proposals).toHaveCount(3);
		// The proposal form has the event form's time fields, filled in.
		const first = proposals.first();
		await expect(first.getByLabel(/^Start/)).toHaveValue('2025-12-07T00:00');
		await expect(first.getByLabel('Precision')).toHaveValue('day');
		await expect(first.getByLabel(/^Time zone/)).toHaveValue('America/New_York');
		await page.screenshot({ path: `${SHOTS}/article-proposals-${width}.png`, fullPage: true });

		for (let left = 3; left > 0; left--) {
			await act(
				proposals
					.first()
					.getByRole('button', { name: /^Accept as new event/ })
					.click()
			);
			await expect(proposals).toHaveCount(left - 1);
		}
		const made_ = page.getByRole('region', { name: 'What this article made' });
		const rows = (label: string) =>
			made_.getByRole('listitem').filter({ hasText: new RegExp(`^\\s*${label}`) });
		await expect(rows('Draft event:')).toHaveCount(3);
		await act(made_.getByRole('button', { name: 'Publish these 3 drafts' }).click());
		await expect(rows('Published event:')).toHaveCount(3);
		await expect(page.getByText('Published 3 events.')).toBeVisible();
		expect(actions).toBeLessThanOrEqual(10);

		const published = await db<{ title: string }[]>`
			select e.title from events e join event_sources s on s.event_id = e.id
			where s.article_id = ${articleId} and e.status = 'published' and e.deleted_at is null`;
		expect(published).toHaveLength(3);
		// Readers see them on the story page.
		const story = await page.request.get(`/stories/${SLUG}`);
		expect(await story.text()).toContain('77 Ukrainian');
		await page.screenshot({ path: `${SHOTS}/article-made-${width}.png`, fullPage: true });
		await axe(page, 'article page');
	});
}

test('reject asks first and can be undone; an accepted draft can be undone and published one by one', async ({
	page
}) => {
	await signIn(page, editor);
	const api = page.request;
	await page.goto('/desk/articles/new');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Headline').fill(`Miami talks, fourth day, undo (${run})`);
	await page.getByLabel('Body').fill(dayFour(`undo-${run}`));
	await page.getByLabel('Outlet').fill('Demo Wire');
	await page.getByLabel('Date and time').fill('2025-12-07T20:00');
	await page.getByRole('button', { name: 'Save article' }).click();
	await page.waitForURL(/\/desk\/articles\/\d+$/);
	const articleId = Number(new URL(page.url()).pathname.split('/').pop());
	made.push(articleId);
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Accept: file in Russia–Ukraine peace talks' }).click();
	const drones = proposalTitled(page, '77 Ukrainian');
	await expect(drones).toBeVisible();

	// Reject asks first; keeping it changes nothing.
	await drones.getByRole('button', { name: /^Reject/ }).click();
	await expect(drones.getByText('Reject this proposal?')).toBeVisible();
	await drones.getByRole('button', { name: 'Keep it' }).click();
	await drones.getByRole('button', { name: /^Reject/ }).click();
	await drones.getByRole('button', { name: /^Yes, reject/ }).click();
	await expect(drones).toHaveCount(0);
	const made_ = page.getByRole('region', { name: 'What this article made' });
	const rows = (label: string) =>
		made_.getByRole('listitem').filter({ hasText: new RegExp(`^\\s*${label}`) });
	const rejected = rows('Rejected:');
	await expect(rejected).toContainText('destroyed 77 Ukrainian');
	await rejected.getByRole('button', { name: /^Undo/ }).click();
	await expect(proposalTitled(page, '77 Ukrainian')).toBeVisible();
	await expect(made_).toHaveCount(0);

	// Accept one, undo it: the draft goes to the trash and the proposal is back.
	const meeting = proposalTitled(page, 'fourth straight day');
	await meeting.getByRole('button', { name: /^Accept as new event/ }).click();
	await expect(rows('Draft event:')).toHaveCount(1);
	const [draft] = await db<{ id: number }[]>`
		select e.id from events e join event_sources s on s.event_id = e.id
		where s.article_id = ${articleId} and e.deleted_at is null`;
	await made_.getByRole('button', { name: /^Undo/ }).click();
	await expect(proposalTitled(page, 'fourth straight day')).toBeVisible();
	const [gone] = await db<{ deleted: boolean }[]>`
		select deleted_at is not null as deleted from events where id = ${draft!.id}`;
	expect(gone?.deleted).toBe(true);

	// Accept again and publish that one draft from its row.
	await proposalTitled(page, 'fourth straight day')
		.getByRole('button', { name: /^Accept as new event/ })
		.click();
	const row = rows('Draft event:');
	await row.getByRole('button', { name: /^Publish/ }).click();
	await expect(rows('Published event:')).toHaveCount(1);
	// A published event is no longer undone from here.
	await expect(rows('Published event:').getByRole('button')).toHaveCount(0);
	void api;
});

test('a proposal with a bad time zone: the summary takes focus and links to the field', async ({
	page
}) => {
	await signIn(page, editor);
	const [article] = await db<{ id: number }[]>`
		select id from articles where id = any(${made}::int[]) order by id desc limit 1`;
	await page.goto(`/desk/articles/${article!.id}`);
	await page.waitForLoadState('networkidle');
	const proposal = page.locator('li.proposal').first();
	await proposal.getByLabel(/^Time zone/).fill('London');
	await proposal.getByRole('button', { name: /^Accept as new event/ }).click();
	const summary = page.getByRole('heading', { name: /The proposal was not accepted/ });
	await expect(summary).toBeFocused();
	const zone = proposal.getByLabel(/^Time zone/);
	await expect(zone).toHaveAttribute('aria-invalid', 'true');
	const describedBy = await zone.getAttribute('aria-describedby');
	await expect(page.locator(`[id="${describedBy}"]`)).toContainText('Use an IANA time zone');
	await page.getByRole('link', { name: /^Time zone/ }).click();
	await expect(zone).toBeFocused();
});

test('the paste form: a validation summary takes focus', async ({ page }) => {
	await signIn(page, editor);
	await page.goto('/desk/articles/new');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Headline').fill(`Zone test (${run})`);
	await page.getByLabel('Body').fill('Text.');
	await page.getByLabel('Outlet').fill('Demo Wire');
	await page.getByLabel('Another time zone').fill('London');
	await page.getByRole('button', { name: 'Save article' }).click();
	await expect(page.getByRole('heading', { name: /The article was not saved/ })).toBeFocused();
	await expect(
		page.getByRole('link', { name: /Another time zone: Unknown time zone/ })
	).toBeVisible();
	await axe(page, 'paste form');
});

test('deleting an event asks first, then offers Undo', async ({ page }) => {
	await signIn(page, editor);
	const [event] = await db<{ id: number; title: string; story_id: number }[]>`
		select e.id, e.title, e.story_id from events e join event_sources s on s.event_id = e.id
		where s.article_id = any(${made}::int[]) and e.deleted_at is null limit 1`;
	await page.goto(`/desk/events/${event!.id}`);
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Delete event' }).click();
	await expect(page.getByText(`Delete “${event!.title}”?`)).toBeFocused();
	await axe(page, 'event page');
	await page.getByRole('button', { name: 'Yes, delete' }).click();
	await page.waitForURL(new RegExp(`/desk/stories/${event!.story_id}\\?deleted=${event!.id}$`));
	await expect(page.getByRole('status').filter({ hasText: 'Event deleted' })).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/story-deleted.png`, fullPage: false });
	await page.getByRole('button', { name: /^Undo\W+bring the event back$/ }).click();
	await page.waitForURL(new RegExp(`/desk/events/${event!.id}\\?restored=1$`));
	await expect(page.getByText('Restored from the trash.')).toBeVisible();
	const [row] = await db<{ deleted: boolean }[]>`
		select deleted_at is not null as deleted from events where id = ${event!.id}`;
	expect(row?.deleted).toBe(false);
});

test('without JavaScript, deleting an event still asks first, deletes, and undoes', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, editor);
	const [event] = await db<{ id: number; title: string; story_id: number }[]>`
		select e.id, e.title, e.story_id from events e join event_sources s on s.event_id = e.id
		where s.article_id = any(${made}::int[]) and e.deleted_at is null limit 1`;
	await page.goto(`/desk/events/${event!.id}`);
	await page.getByRole('button', { name: 'Delete event' }).click();
	await expect(page).toHaveURL(/\?confirm=delete$/);
	await expect(page.getByText(`Delete “${event!.title}”?`)).toBeVisible();
	await page.getByRole('button', { name: 'Yes, delete' }).click();
	await page.waitForURL(new RegExp(`/desk/stories/${event!.story_id}\\?deleted=${event!.id}$`));
	await page.getByRole('button', { name: /^Undo\W+bring the event back$/ }).click();
	await page.waitForURL(new RegExp(`/desk/events/${event!.id}\\?restored=1$`));
	const [row] = await db<{ deleted: boolean }[]>`
		select deleted_at is not null as deleted from events where id = ${event!.id}`;
	expect(row?.deleted).toBe(false);
	await context.close();
});

test('the story desk links its embed builder', async ({ page }) => {
	await signIn(page, editor);
	const [story] = await db<{ id: number }[]>`select id from stories where slug = ${SLUG}`;
	await page.goto(`/desk/stories/${story!.id}`);
	await page.waitForLoadState('networkidle');
	// The desk timeline (src/lib/charts, not this page's) is checked by its own tests.
	await axe(page, 'story desk', ['.vis-timeline']);
	await page.getByRole('link', { name: 'Embed builder' }).click();
	await page.waitForURL(`**/desk/stories/${story!.id}/embed`);
});

test('a feed at a refused address is refused when subscribing', async ({ page }) => {
	await signIn(page, editor);
	await page.goto('/desk/feeds');
	await page.waitForLoadState('networkidle');
	const url = `http://127.0.0.1:9/${run}.xml`;
	await page.getByLabel('Feed URL').fill(url);
	await page.getByLabel('Outlet').fill('Loopback Wire');
	await page.getByRole('button', { name: 'Subscribe' }).click();
	await expect(page.getByRole('heading', { name: 'The feed was not subscribed' })).toBeFocused();
	await expect(page.locator('#feed-url-error')).toContainText('not a public address: refused');
	const rows = await db`select 1 from feeds where url = ${url}`;
	expect(rows).toHaveLength(0);
	await axe(page, 'feeds');
});

test('recent changes say what each change did, once', async ({ page }) => {
	await signIn(page, editor);
	await page.goto('/desk');
	const recent = page.getByRole('region', { name: 'Recent changes' });
	await expect(
		recent.getByRole('link', { name: new RegExp(`^Anna ${run} published “`) }).first()
	).toBeVisible();
	// One line per thing this editor changed, not one per revision.
	const targets = await recent
		.getByRole('listitem')
		.getByRole('link', { name: new RegExp(`^Anna ${run} `) })
		.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
	expect(targets.length).toBeGreaterThan(3);
	expect(new Set(targets).size).toBe(targets.length);
	await page.screenshot({ path: `${SHOTS}/desk-home.png`, fullPage: true });
	await axe(page, 'desk home');
});
