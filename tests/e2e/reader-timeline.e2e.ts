import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';

// The reader stays with the timeline (issue #16), at a desktop and a phone width.
const STORY = '/stories/russia-ukraine-peace-talks';
const WIDTHS = [
	{ name: 'desktop', width: 1280, height: 900 },
	{ name: 'phone', width: 375, height: 740 }
] as const;

test.describe.configure({ timeout: 90_000 });

const timelineReady = (page: Page) =>
	expect(page.locator('.vis-timeline')).toBeVisible({ timeout: 45_000 });
const chronology = (page: Page) => page.getByRole('list', { name: 'Events in order' });
const entry = (page: Page, title: RegExp) =>
	chronology(page)
		.locator(':scope > li')
		.filter({ has: page.getByRole('heading', { level: 2, name: title }) });

/** The timeline's box overlaps the viewport (at least its top 100 px are on screen). */
async function expectTimelineOnScreen(page: Page) {
	const box = await page.locator('.tl-frame').boundingBox();
	const viewport = page.viewportSize()!;
	expect(box).not.toBeNull();
	expect(box!.y).toBeLessThan(viewport.height - 100);
	expect(box!.y + box!.height).toBeGreaterThan(0);
}

for (const { name, width, height } of WIDTHS) {
	test.describe(`at ${width} px (${name})`, () => {
		test.use({ viewport: { width, height } });

		test('selecting an event on the timeline keeps the timeline in view with the detail', async ({
			page
		}) => {
			await page.goto(STORY);
			await timelineReady(page);
			const item = page.locator('.vis-item.tl-item', { hasText: /^Miami talks open$/ });
			await item.locator('.vis-item-content').click();
			await expect(page).toHaveURL(/[?&]event=\d+/);

			const detail = page.getByRole(name === 'phone' ? 'dialog' : 'region', {
				name: 'Miami talks open',
				exact: true
			});
			await expect(detail).toBeVisible();
			await expect(detail).toBeInViewport();
			await expectTimelineOnScreen(page);
			if (name === 'phone') {
				// A sheet: focus is in it, Escape closes it and gives focus back to the timeline.
				await expect(detail.getByRole('button', { name: 'Close' })).toBeFocused();
				await page.keyboard.press('Escape');
				await expect(detail).toHaveCount(0);
				await expect(page).not.toHaveURL(/event=/);
				await expect(page.getByRole('group', { name: /Interactive timeline/ })).toBeFocused();
			} else {
				// The list moves only when asked.
				await detail.getByRole('button', { name: 'Show in list' }).click();
				await expect(entry(page, /^Miami talks open$/)).toBeInViewport();
				await expect(entry(page, /^Miami talks open$/)).toBeFocused();
			}
		});

		test('a shared ?event= link lands on that event in the list', async ({ page }) => {
			await page.goto(STORY);
			const href = await entry(page, /meet Putin in Moscow/)
				.getByRole('link', { name: /meet Putin in Moscow/ })
				.getAttribute('href');
			const id = /event=(\d+)/.exec(href ?? '')?.[1];
			expect(id).toBeTruthy();
			// The oldest event, so the whole newest-first list is above it.
			await page.goto(`${STORY}?event=${id}#event-${id}`);
			const target = entry(page, /meet Putin in Moscow/);
			await expect(target.getByRole('region', { name: /More about/ })).toBeVisible();
			await page.waitForTimeout(500);
			await expect(target.getByRole('heading', { level: 2 })).toBeInViewport();
		});

		test('the timeline is on the first screen and the story page passes axe, light and dark', async ({
			page
		}) => {
			for (const colorScheme of ['light', 'dark'] as const) {
				await page.emulateMedia({ colorScheme });
				await page.goto(STORY);
				await timelineReady(page);
				const box = await page.locator('.tl-frame').boundingBox();
				expect(box!.y).toBeLessThan(height);
				if (name === 'phone') {
					// Lane labels take at most a quarter of the width.
					const label = await page.locator('.vis-labelset').boundingBox();
					expect(label!.width).toBeLessThanOrEqual(width * 0.25);
				}
				const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
				const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact!));
				expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
			}
		});
	});
}

test('a kind filter fits the timeline to the filtered events', async ({ page }) => {
	await page.goto(STORY);
	await timelineReady(page);
	// Look far away first, so the old window would show nothing of them.
	await page.getByRole('button', { name: 'Day', exact: true }).click();
	await page.getByRole('checkbox', { name: 'Battlefield' }).check();
	await expect(page).toHaveURL(/kind=battlefield/);
	const titles = chronology(page).getByRole('heading', { level: 2 });
	await expect(titles).toHaveCount(2);
	const center = await page.locator('.vis-panel.vis-center').boundingBox();
	const marks = page.locator('.vis-item.vis-point.tl-item, .vis-item.vis-range.tl-item');
	await expect(marks).toHaveCount(2);
	for (const mark of await marks.all()) {
		const box = (await mark.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(center!.x);
		expect(box.x).toBeLessThan(center!.x + center!.width);
	}
});

test('without JavaScript the server draws the timeline as SVG with its marks and labels', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(STORY);
	const preview = page.locator('.tl-preview');
	await expect(preview).toBeVisible();
	expect(await preview.locator('svg path.m').count()).toBeGreaterThanOrEqual(10);
	await expect(preview.getByText('Miami talks open', { exact: true })).toBeVisible();
	await expect(preview.getByText('Meetings')).toBeVisible();
	await context.close();
});

test('vis-timeline takes over the drawn timeline in place, at the same height', async ({
	page
}) => {
	// Hold the page's own code back to see the server's picture first.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/nodes/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(STORY, { waitUntil: 'commit' });
	const frame = page.locator('.tl-frame');
	await expect(page.locator('.tl-preview-label').first()).toBeVisible();
	expect(await page.locator('.tl-preview svg path.m').count()).toBeGreaterThanOrEqual(10);
	const before = (await frame.boundingBox())!;
	release();
	await timelineReady(page);
	await expect(page.locator('.tl-preview')).toHaveCount(0);
	const after = (await frame.boundingBox())!;
	expect(after.y).toBe(before.y);
	expect(after.height).toBe(before.height);
	expect((await page.locator('.vis-timeline').boundingBox())!.height).toBeCloseTo(before.height, 0);
});

test('a developing story lists newest first, and the reader can switch', async ({ page }) => {
	await page.goto(STORY);
	await expect(page.getByText('Developing', { exact: true }).first()).toBeVisible();
	const titles = chronology(page).getByRole('heading', { level: 2 });
	await expect(titles.last()).toHaveText(/US sanctions on Russian oil companies/);
	await expect(page.getByRole('radio', { name: 'Newest first' })).toBeChecked();

	await page.getByRole('radio', { name: 'Oldest first' }).check();
	await expect(page).toHaveURL(/order=oldest/);
	await expect(titles.first()).toHaveText(/US sanctions on Russian oil companies/);
	await page.reload();
	await expect(titles.first()).toHaveText(/US sanctions on Russian oil companies/);
});
