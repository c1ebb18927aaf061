import { test, expect, type Page } from '@playwright/test';

// The D3 overview and the coverage thread as mounted on the story page.
const STORY = '/stories/russia-ukraine-peace-talks';

// Mouse drags need the timeline and the overview on screen together.
test.use({ viewport: { width: 1280, height: 1600 } });

const overview = (page: Page) => page.getByRole('img', { name: /events between .*, busiest day/ });
const brush = (page: Page) => page.getByRole('slider', { name: /Timeline window/ });
const windowText = (page: Page) => page.getByText(/^Timeline shows/);
const thread = (page: Page) => page.getByRole('list', { name: 'Coverage in publication order' });
const threadEntry = (page: Page, headline: RegExp) =>
	thread(page)
		.locator(':scope > li')
		.filter({ has: page.getByRole('button', { name: headline }) });

async function ready(page: Page) {
	await page.goto(STORY);
	await expect(page.locator('.vis-timeline')).toBeVisible();
	// The first visit to a dev server compiles d3 and vis-timeline on demand.
	await expect(brush(page)).toBeVisible({ timeout: 30_000 });
}

test('the overview sums up the whole story in one sentence', async ({ page }) => {
	await ready(page);
	await expect(overview(page)).toHaveAccessibleName(
		'12 events between 1 Oct and 6 Dec 2025, busiest day 6 Dec with 5'
	);
	await expect(windowText(page)).toBeVisible({ timeout: 15_000 });
});

test('moving the brush with the keyboard moves the timeline', async ({ page }) => {
	await ready(page);
	const axis = page.locator('.vis-timeline .vis-time-axis.vis-foreground');
	const before = await windowText(page).innerText();
	const axisBefore = await axis.innerText();

	await brush(page).focus();
	await page.keyboard.press('Shift+ArrowLeft');

	await expect(windowText(page)).not.toHaveText(before);
	await expect(brush(page)).toHaveAttribute('aria-valuetext', /\d+/);
	await expect.poll(() => axis.innerText()).not.toBe(axisBefore);
	// Not a trap: Tab leaves the brush.
	await page.keyboard.press('Tab');
	await expect(brush(page)).not.toBeFocused();
});

test('dragging the brush moves the timeline', async ({ page }) => {
	await ready(page);
	const before = await windowText(page).innerText();
	const selection = page.locator('svg.brush .selection');
	const box = (await selection.boundingBox())!;

	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2, { steps: 8 });
	await page.mouse.up();

	await expect(windowText(page)).not.toHaveText(before);
	// The window is part of the page's address, so the reader can share or go back to it.
	await expect
		.poll(() => {
			const params = new URL(page.url()).searchParams;
			return [params.has('from'), params.has('to')];
		})
		.toEqual([true, true]);
	const params = new URL(page.url()).searchParams;
	expect(Date.parse(params.get('from')!)).toBeLessThan(Date.parse(params.get('to')!));
});

test('the brush follows when the reader pans or zooms the timeline', async ({ page }) => {
	await ready(page);
	const before = await windowText(page).innerText();

	// Pan: drag the timeline's canvas to the right (back in time).
	const canvas = page.locator('.vis-timeline .vis-center').first();
	const box = (await canvas.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + 20);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 + 300, box.y + 20, { steps: 10 });
	await page.mouse.up();
	await expect(windowText(page)).not.toHaveText(before);

	// Zoom: the day preset narrows the window to about a day, and the brush says the same.
	await page
		.getByRole('toolbar', { name: 'Timeline zoom' })
		.getByRole('button', { name: 'Day', exact: true })
		.click();
	await expect(brush(page)).toHaveAttribute('aria-valuetext', /^\d+(–\d+)? \w+ \d{4}$/);
	// Both follow the zoom's animation; once it settles they name the same days.
	await expect
		.poll(async () => {
			const shown = await brush(page).getAttribute('aria-valuetext');
			return (await windowText(page).innerText()) === `Timeline shows ${shown}`;
		})
		.toBe(true);
	expect(await windowText(page).innerText()).toMatch(/^Timeline shows \d+(–\d+)? \w+ \d{4}$/);
});

test('hovering an article lights up its events and every article that reports them', async ({
	page
}) => {
	await ready(page);
	const moscow = threadEntry(page, /US Envoys Leave Moscow/);
	const crbc = threadEntry(page, /Miami Talks Enter Third Day/);
	const miami = threadEntry(page, /Open Talks in Miami/);

	await moscow.getByRole('button').hover();

	// The CRBC report also reports the Moscow meeting and the US plan.
	await expect(crbc).toHaveClass(/reporting/);
	await expect(miami).not.toHaveClass(/reporting/);
	await expect(
		crbc.getByRole('link', { name: 'Witkoff and Kushner meet Putin in Moscow' })
	).toHaveClass(/lit/);

	// Keyboard: focusing an article does the same.
	await miami.getByRole('button').focus();
	await expect(miami).toHaveClass(/active/);
	await expect(crbc).not.toHaveClass(/reporting/);
});

test('hovering an event on the timeline lights up the articles that report it', async ({
	page
}) => {
	await ready(page);
	await page.locator('.vis-item.tl-item', { hasText: /^Miami talks open$/ }).hover();

	await expect(threadEntry(page, /Open Talks in Miami/)).toHaveClass(/reporting/);
	await expect(threadEntry(page, /US Envoys Leave Moscow/)).not.toHaveClass(/reporting/);
});
