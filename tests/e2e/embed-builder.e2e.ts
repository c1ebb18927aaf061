import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '@playwright/test';
import { createUser, signIn } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

// The desk's embed builder: an editor picks options and copies a snippet that embeds them.
let db: ReturnType<typeof e2eDatabase>;
let storyId: number;
let editor: { email: string; password: string };
let contributor: { email: string; password: string };

test.beforeAll(async () => {
	db = e2eDatabase();
	const [story] = await db<{ id: number }[]>`
		select id from stories where slug = 'russia-ukraine-peace-talks'`;
	storyId = story!.id;
	editor = await createUser(db, { role: 'editor' });
	contributor = await createUser(db, { role: 'contributor' });
});

// `vite dev` compiles the desk on first visit: warm it up so the tests time what a user sees.
test.describe.configure({ timeout: 120_000 });
test.beforeAll(async ({ browser }) => {
	test.setTimeout(240_000);
	const page = await browser.newPage();
	// The first visits make Vite optimise dependencies and reload the page: let that settle
	// before any test types into a form.
	for (const path of ['/desk/sign-in', `/desk/stories/${storyId}/embed`, '/desk/sign-in']) {
		await page.goto(path, { timeout: 180_000 });
		await page.waitForTimeout(5_000);
	}
	await page.close();
});

test.afterAll(async () => {
	await db?.end({ timeout: 5 });
});

test('an editor builds an embed and gets matching snippets', async ({ page }) => {
	await signIn(page, editor);
	await page.goto(`/desk/stories/${storyId}/embed`);
	await expect(page.getByRole('heading', { name: 'Embed this story' })).toBeVisible();
	// The preview is titled as the snippet titles the frame: with the story's title.
	const preview = page.frameLocator('iframe[title="Russia–Ukraine peace talks"]');
	await expect(preview.getByRole('heading', { name: 'Russia–Ukraine peace talks' })).toBeVisible();
	await expect(preview.locator('html')).toHaveAttribute('data-theme', 'light');

	await page.getByLabel('Theme').selectOption('dark');
	await page.getByLabel('Mode').selectOption('list');
	// Pinning speaks of the version readers saw, with its date: never a revision count.
	const pin = page.getByLabel(/Pin to version \d+ of this story, as published .+ UTC/);
	await pin.check();
	await expect(page.getByText(/revision/i)).toHaveCount(0);
	const iframeSnippet = page.getByRole('textbox', { name: 'Iframe' });
	await expect(iframeSnippet).toHaveValue(/theme=dark&amp;mode=list&amp;version=\d+/);
	await expect(page.getByRole('textbox', { name: 'Script (sizes itself)' })).toHaveValue(
		/data-throughline-story="russia-ukraine-peace-talks" data-title="Russia–Ukraine peace talks" data-theme="dark" data-mode="list"/
	);
	await expect(page.getByRole('textbox', { name: 'oEmbed URL' })).toHaveValue(
		/\/oembed\?url=.+&format=json$/
	);
	await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expect(preview.locator('svg')).toHaveCount(0);
	await expect(preview.locator('.pin')).toHaveText(/^Pinned to version \d+ of this story/);
	await expect(page.getByRole('textbox', { name: 'Iframe' })).toHaveValue(
		/title="Russia–Ukraine peace talks"/
	);
});

test('the new options reach the preview and the snippets', async ({ page }) => {
	await signIn(page, editor);
	await page.goto(`/desk/stories/${storyId}/embed`);
	const preview = page.frameLocator('iframe[title="Russia–Ukraine peace talks"]');
	await expect(preview.getByRole('heading', { name: 'Russia–Ukraine peace talks' })).toBeVisible();
	await expect(page.getByLabel('Order')).toHaveValue('');
	await page.getByLabel('Theme').selectOption('auto');
	await page.getByLabel('Language').selectOption('ar');
	await page.getByLabel('Entries before “Show all”').fill('3');
	await page.getByLabel('Order').selectOption('oldest');
	const iframe = page.getByRole('textbox', { name: 'Iframe' });
	await expect(iframe).toHaveValue(/theme=auto&amp;order=oldest&amp;limit=3&amp;lang=ar/);
	await expect(page.getByRole('textbox', { name: 'Script (sizes itself)' })).toHaveValue(
		/data-theme="auto" data-order="oldest" data-limit="3" data-lang="ar"/
	);
	await expect(preview.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(preview.locator('.ev')).toHaveCount(3);
	await expect(preview.getByRole('link', { name: 'عرض الأحداث الـ12 كلها' })).toBeVisible();
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	expect(
		violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
	).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the form updates preview and snippets through the server', async ({ page, context }) => {
		// Sign in with script on, then carry the session into a page without it.
		const withJs = await context.browser()!.newContext();
		const signing = await withJs.newPage();
		await signIn(signing, editor);
		await context.addCookies(await withJs.cookies());
		await withJs.close();

		await page.goto(`/desk/stories/${storyId}/embed`);
		await page.getByLabel('Order').selectOption('newest');
		await page.getByRole('button', { name: 'Update preview' }).click();
		await expect(page).toHaveURL(/order=newest/);
		await expect(page.getByRole('textbox', { name: 'Iframe' })).toHaveValue(/\?order=newest"/);
	});
});

test('a contributor may not open the builder', async ({ page }) => {
	await signIn(page, contributor);
	const response = await page.goto(`/desk/stories/${storyId}/embed`);
	expect(response?.status()).toBe(403);
});
