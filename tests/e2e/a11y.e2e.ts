import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const STORY = '/stories/russia-ukraine-peace-talks';
const PAGES = ['/', STORY, '/?q=Miami'];

/** Serious and critical WCAG 2 A/AA violations, as "rule: selector" lines a reader of the log can act on. */
async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await analyze(page);
	return violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.flatMap((violation) =>
			violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`)
		);
}

/**
 * Runs axe, once more if the page reloaded under it: against `vite dev` in a shared tree, any
 * `svelte-kit sync` elsewhere makes Vite reload open pages, which is not the page's fault.
 */
async function analyze(page: Page, attempts = 3) {
	for (let attempt = 1; ; attempt += 1) {
		try {
			return await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
		} catch (error) {
			if (attempt >= attempts || !/context was destroyed|navigat/i.test(String(error))) throw error;
			await page.waitForLoadState('load');
			if (new URL(page.url()).pathname.startsWith('/stories/')) {
				await expect(page.locator('.vis-timeline')).toBeVisible({ timeout: 60_000 });
			}
		}
	}
}

/** The CRBC article's page, found as a reader finds it: from the story's coverage list. */
async function crbcArticle(page: Page): Promise<string> {
	await page.goto(STORY);
	const link = page
		.locator('a[href^="/articles/"]', { hasText: 'Miami Talks Enter Third Day' })
		.first();
	const href = await link.getAttribute('href');
	if (!href) throw new Error('the story page links no CRBC article');
	return href;
}

/** The page has drawn what it draws in the browser (the timeline), so axe sees the real page. */
async function settle(page: Page, path: string) {
	await page.goto(path);
	if (path === STORY) {
		await expect(page.locator('.vis-timeline')).toBeVisible({ timeout: 60_000 });
	}
}

// A fresh `vite dev` compiles each page on first request and may reload an open page once it
// has optimised new dependencies: visit the pages once so the tests see the settled app.
test.beforeAll(async ({ browser }) => {
	test.setTimeout(180_000);
	const page = await browser.newPage();
	for (const path of PAGES) await settle(page, path);
	await settle(page, await crbcArticle(page));
	await page.waitForTimeout(2_000);
	await page.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`in the ${colorScheme} scheme`, () => {
		for (const path of PAGES) {
			test(`${path} has no serious or critical WCAG 2 A/AA violation`, async ({ page }) => {
				await page.emulateMedia({ colorScheme });
				await settle(page, path);
				expect(await seriousViolations(page)).toEqual([]);
			});
		}

		test('the CRBC article page has no serious or critical WCAG 2 A/AA violation', async ({
			page
		}) => {
			await page.emulateMedia({ colorScheme });
			await settle(page, await crbcArticle(page));
			await expect(
				page.getByRole('heading', { level: 1, name: /Miami Talks Enter Third Day/ })
			).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
}

test('dark mode follows the reader’s system setting', async ({ page }) => {
	await page.goto('/');
	const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const light = await background();
	await page.emulateMedia({ colorScheme: 'dark' });
	expect(await background()).not.toBe(light);
	expect(await background()).toBe('rgb(20, 22, 27)');
});

test.describe('on a 375 px phone', () => {
	test.use({ viewport: { width: 375, height: 740 } });

	for (const path of ['/', STORY, '/?q=Miami']) {
		test(`${path} does not scroll sideways`, async ({ page }) => {
			await settle(page, path);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width).toBeLessThanOrEqual(375);
		});
	}
});

test('the skip link is the first stop and takes keyboard users to the content', async ({
	page
}) => {
	await page.goto(STORY);
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('main')).toBeFocused();
	// The next Tab lands inside the content, not back in the masthead.
	await page.keyboard.press('Tab');
	const insideMain = await page.evaluate(
		() => document.querySelector('main')?.contains(document.activeElement) ?? false
	);
	expect(insideMain).toBe(true);
});

test('every control on the index shows a visible focus ring, in page order', async ({ page }) => {
	await page.goto('/');
	const names: string[] = [];
	for (let i = 0; i < 6; i += 1) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const element = document.activeElement as HTMLElement;
			const style = getComputedStyle(element);
			return {
				name: element.getAttribute('aria-label') ?? (element.textContent?.trim() || element.id),
				outline: style.outlineStyle,
				width: parseFloat(style.outlineWidth)
			};
		});
		names.push(focused.name);
		expect(focused.outline, focused.name).not.toBe('none');
		expect(focused.width, focused.name).toBeGreaterThanOrEqual(2);
	}
	expect(names).toEqual([
		'Skip to content',
		'Throughline',
		'search-q',
		'Search',
		'Russia–Ukraine peace talks',
		'All stories'
	]);
});

test('reduced motion turns off smooth scrolling and transitions', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto(STORY);
	const motion = await page.evaluate(() => {
		const entry = document.querySelector('ol[aria-label="Events in order"] > li');
		return {
			scroll: getComputedStyle(document.documentElement).scrollBehavior,
			transition: entry ? getComputedStyle(entry).transitionDuration : '0s'
		};
	});
	expect(motion.scroll).toBe('auto');
	expect(parseFloat(motion.transition)).toBeLessThan(0.01);
});

test('a search works without JavaScript and shows markup-free highlighted matches', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	await page.getByRole('searchbox', { name: 'Search stories and articles' }).fill('Miami');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/\?q=Miami$/);
	await expect(page.getByRole('heading', { level: 2, name: 'Results for “Miami”' })).toBeVisible();
	const results = page.getByRole('region', { name: 'Results for “Miami”' });
	await expect(results.locator('mark').first()).toHaveText(/^Miami$/i);
	await context.close();
});

test('a search of stop words only says nothing matched', async ({ page }) => {
	await page.goto('/?q=the+and+of');
	await expect(page.getByText('No story or article matches “the and of”.')).toBeVisible();
});
