import { test, expect, type Page } from '@playwright/test';

const STORY = '/stories/russia-ukraine-peace-talks';

/** The demo story's key days, as a reader sees them: title and date in the place's zone. */
const KEY_EVENTS = [
	{ title: /meet Putin in Moscow/, date: '2 December 2025' },
	{ title: /^Miami talks open$/, date: '4 December 2025' },
	{ title: /^Miami talks, second day$/, date: '5 December 2025' },
	{ title: /^Miami talks, third day$/, date: '6 December 2025' }
];

// The dev server under several engineers' load can take a while to bring vis-timeline in.
test.describe.configure({ timeout: 90_000 });
const timelineReady = (page: Page) =>
	expect(page.locator('.vis-timeline')).toBeVisible({ timeout: 45_000 });

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
	await timelineReady(page);

	for (const { title, date } of KEY_EVENTS) {
		await expect(entry(page, title)).toHaveCount(1);
		await expect(entry(page, title).locator('time').first()).toHaveText(date);
		await expect(timeline.locator('.vis-item.tl-item', { hasText: title })).toBeVisible();
	}
});

test('selecting an event on the timeline opens its detail beside it, with its source, in the URL', async ({
	page
}) => {
	await page.goto(STORY);
	const item = page.locator('.vis-item.tl-item', { hasText: /^Miami talks, third day$/ });
	await item.locator('.vis-item-content').click();

	await expect(page).toHaveURL(/[?&]event=\d+/);
	const panel = page.getByRole('region', { name: 'Miami talks, third day', exact: true });
	await expect(panel).toBeInViewport();
	const detail = panel.getByRole('region', { name: 'More about Miami talks, third day' });
	await expect(detail).toBeVisible();
	await expect(detail.getByText('Who')).toBeVisible();
	await expect(panel.getByRole('blockquote')).toContainText(
		'Ukrainian and US officials convened for a third consecutive day of talks in Miami'
	);
	await expect(panel.getByRole('link', { name: /Miami Talks Enter Third Day/ })).toHaveAttribute(
		'href',
		/^\/articles\/\d+$/
	);
	await expect(detail.getByRole('link', { name: 'Miami talks, second day' })).toBeVisible();

	await page.goBack();
	await expect(page).not.toHaveURL(/event=/);
	await expect(detail).toHaveCount(0);
});

test('a permalink opens the event, and arrow keys on the timeline walk the events', async ({
	page
}) => {
	await page.goto(STORY);
	const href = await entry(page, /^Miami talks open$/)
		.getByRole('link', { name: 'Miami talks open' })
		.getAttribute('href');
	expect(href).toMatch(/stories\/russia-ukraine-peace-talks\?event=\d+#event-\d+$/);
	await page.goto(`${STORY}${href?.slice(href.indexOf('?'))}`);
	await expect(
		entry(page, /^Miami talks open$/).getByRole('region', { name: /More about/ })
	).toBeVisible();

	await timelineReady(page);
	const timeline = page.getByRole('group', { name: /Interactive timeline/ });
	await timeline.focus();
	await page.keyboard.press('ArrowRight');
	await expect(
		page
			.getByRole('region', { name: 'Miami talks, second day', exact: true })
			.getByRole('region', { name: /More about/ })
	).toBeVisible();
	await expect(timeline).toBeFocused();
	await expect(page.locator('.vis-item.vis-selected .vis-item-content')).toHaveText(
		'Miami talks, second day'
	);
});

test('a permalinked window is the window the timeline opens on', async ({ page }) => {
	// vis-timeline fits every item into view on its first redraw; that used to replace this.
	await page.goto(`${STORY}?from=2025-11-30&to=2025-12-03`);
	await timelineReady(page);
	const timeline = page.locator('.vis-timeline');
	await expect(
		timeline.locator('.vis-item.tl-item', { hasText: /meet Putin in Moscow/ })
	).toBeVisible();
	// Let a late fit or window change happen if one is coming: the window must not move.
	await page.waitForTimeout(600);
	await expect(page.getByRole('slider', { name: /Timeline window/ })).toHaveAttribute(
		'aria-valuetext',
		'30 November – 2 December 2025'
	);
	await expect(timeline.locator('.vis-item.tl-item', { hasText: /third day/ })).toHaveCount(0);
});

test('filters and order are GET forms that work without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(STORY);

	await page.getByRole('checkbox', { name: 'Meetings' }).check();
	await page.getByRole('radio', { name: 'Newest first' }).check();
	await page.getByRole('button', { name: 'Apply' }).click();

	await expect(page).toHaveURL(/kind=meeting/);
	await expect(page).toHaveURL(/order=newest/);
	const titles = chronology(page).getByRole('heading', { level: 2 });
	await expect(titles).toHaveText([
		'Miami talks, third day',
		'Miami talks, second day',
		'Miami talks open',
		'Witkoff and Kushner meet Putin in Moscow'
	]);
	await expect(
		page.getByRole('status').filter({ hasText: 'Showing 4 of 12 events' })
	).toBeVisible();
	await context.close();
});

test('the order toggle and filters apply at once with JavaScript, on the timeline too', async ({
	page
}) => {
	await page.goto(STORY);
	await timelineReady(page);
	await page.getByRole('radio', { name: 'Oldest first' }).check();
	await expect(page).toHaveURL(/order=oldest/);
	const titles = chronology(page).getByRole('heading', { level: 2 });
	await expect(titles.first()).toHaveText(/US sanctions on Russian oil companies/);

	await page.getByRole('checkbox', { name: 'Claimed' }).check();
	await expect(page).toHaveURL(/verification=claimed/);
	await expect(titles).toHaveText([/116/]);
	await expect(page.locator('.vis-item.tl-item .vis-item-content')).toHaveCount(1);
});

test('as of 4 December the story is replayed without the later days', async ({ page }) => {
	await page.goto(STORY);
	await page.getByLabel('As of').fill('2025-12-04');
	await page.getByRole('button', { name: 'Replay' }).click();

	await expect(page).toHaveURL(/asof=2025-12-04/);
	await expect(page.getByRole('status').filter({ hasText: 'as it was known' })).toContainText(
		'4 December 2025'
	);
	await expect(entry(page, /meet Putin in Moscow/)).toHaveCount(1);
	await expect(entry(page, /^Miami talks open$/)).toHaveCount(1);
	await expect(entry(page, /^Miami talks, second day$/)).toHaveCount(0);
	await expect(entry(page, /^Miami talks, third day$/)).toHaveCount(0);
	await expect(page.getByRole('link', { name: /Miami Talks Enter Third Day/ })).toHaveCount(0);

	await page.goto(`${STORY}?asof=yesterday`);
	await expect(page.getByRole('alert')).toContainText('“yesterday” is not a date');
	await expect(entry(page, /^Miami talks, third day$/)).toHaveCount(1);
});

test('a date typed before the page has hydrated is still the one replayed', async ({ page }) => {
	// Hold the page's scripts until the reader has typed, as on a slow phone connection.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(STORY, { waitUntil: 'domcontentloaded' });
	await page.getByLabel('As of').fill('2025-12-04');
	release();
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Replay' }).click();
	await expect(page).toHaveURL(/asof=2025-12-04/);
	await expect(entry(page, /^Miami talks, second day$/)).toHaveCount(0);
});

test('the head carries a canonical URL, feeds and JSON-LD with the Moscow meeting', async ({
	page
}) => {
	const blocked: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
	});
	await page.goto(`${STORY}?order=newest&kind=meeting`);

	await expect(page.locator('link[rel=canonical]')).toHaveAttribute(
		'href',
		/\/stories\/russia-ukraine-peace-talks$/
	);
	await expect(page.locator('link[type="application/atom+xml"]')).toHaveAttribute(
		'href',
		/\/stories\/russia-ukraine-peace-talks\/feed\.atom$/
	);
	await expect(page.locator('link[type="application/feed+json"]')).toHaveAttribute(
		'href',
		/\/stories\/russia-ukraine-peace-talks\/feed\.json$/
	);
	await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');

	const json = await page.locator('script[type="application/ld+json"]').textContent();
	const data = JSON.parse(json ?? '') as {
		'@type': string;
		itemListElement: { item: { name: string; startDate: string; location?: { name: string } } }[];
	};
	expect(data['@type']).toBe('ItemList');
	const moscow = data.itemListElement.find((element) => /Moscow/.test(element.item.name));
	expect(moscow?.item.startDate).toBe('2025-12-02T00:00:00+03:00');
	expect(moscow?.item.location?.name).toBe('Moscow');
	expect(blocked).toEqual([]);
});

test('events and articles reported since the last visit are marked New', async ({ page }) => {
	await page.goto(STORY);
	await timelineReady(page);
	await expect(page.getByText('since your last visit')).toHaveCount(0);

	await page.evaluate(() =>
		localStorage.setItem(
			'throughline:last-visit:russia-ukraine-peace-talks',
			'2025-12-05T12:00:00.000Z'
		)
	);
	await page.reload();
	await timelineReady(page);
	await expect(
		page.getByText(/\d+ new events and 2 new articles since your last visit on 5 December/)
	).toBeVisible();
	await expect(
		entry(page, /^Miami talks, third day$/).getByText('New', { exact: true })
	).toBeVisible();
	await expect(entry(page, /^Miami talks open$/).getByText('New', { exact: true })).toHaveCount(0);
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
	// The server's picture of the timeline stands in for the interactive one.
	await expect(page.locator('.tl-preview')).toBeVisible();
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
