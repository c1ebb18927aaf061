import { test, expect, type Page } from '@playwright/test';

const STORY = '/stories/russia-ukraine-peace-talks';

/** The demo story's key days, as a reader sees them: title and date in the place's zone. */
const KEY_EVENTS = [
	{ title: /meet Putin in Moscow/, date: '2 December 2025' },
	{ title: /^Miami talks open$/, date: '4 December 2025' },
	{ title: /^Miami talks, second day$/, date: '5 December 2025' },
	{ title: /^Miami talks, third day$/, date: '6 December 2025' }
];

const chronology = (page: Page) => page.getByRole('list', { name: 'Events in order' });
const entry = (page: Page, title: RegExp) =>
	chronology(page)
		.locator(':scope > li')
		.filter({ has: page.getByRole('heading', { level: 2, name: title }) });

test('the story shows the Moscow meeting and the Miami days on the timeline and in the list', async ({
	page
}) => {
	await page.goto(STORY);

	await expect(
		page.getByRole('heading', { level: 1, name: 'Russia–Ukraine peace talks' })
	).toBeVisible();
	const timeline = page.locator('.vis-timeline');
	await expect(timeline).toBeVisible();

	for (const { title, date } of KEY_EVENTS) {
		await expect(entry(page, title)).toHaveCount(1);
		await expect(entry(page, title).locator('time').first()).toHaveText(date);
		await expect(timeline.locator('.vis-item.tl-item', { hasText: title })).toBeVisible();
	}
});

test('selecting an event on the timeline brings its entry in the list into focus', async ({
	page
}) => {
	await page.goto(STORY);
	const item = page.locator('.vis-item.tl-item', { hasText: /^Miami talks, third day$/ });
	await item.locator('.vis-item-content').click();

	const selected = entry(page, /^Miami talks, third day$/);
	await expect(selected).toBeFocused();
	await expect(selected).toBeInViewport();
});

test('the claimed drone count is marked as a claim, with who makes it', async ({ page }) => {
	await page.goto(STORY);

	const claimed = entry(page, /116/);
	await expect(claimed).toContainText(
		"Claimed by Russia's defence ministry — not independently verified"
	);
	await expect(page.locator('.vis-item.vis-point', { hasText: /116/ }).first()).toHaveClass(
		/tl-verification-claimed/
	);
});

test('without JavaScript the page is complete: the list carries every event', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(STORY);

	for (const { title, date } of KEY_EVENTS) {
		await expect(entry(page, title)).toContainText(date);
	}
	await expect(entry(page, /116/)).toContainText("Claimed by Russia's defence ministry");
	await expect(page.getByText('The interactive timeline needs JavaScript.')).toBeVisible();
	await expect(page.locator('.vis-timeline')).toHaveCount(0);
	await context.close();
});

test('the index lists the story, and an unknown story is a 404', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Russia–Ukraine peace talks' }).click();
	await expect(page).toHaveURL(STORY);

	const response = await page.goto('/stories/no-such-story');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
});
