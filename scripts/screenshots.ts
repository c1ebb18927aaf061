/**
 * The README's screenshots, taken from a running app in Chromium: the reader's story page, the
 * desk's article page for the demo's CRBC article, and an embed, each at 1280 and 375 px.
 *
 *   BASE_URL=http://localhost:3000 EDITOR_EMAIL=… EDITOR_PASSWORD=… npm run screenshots
 *
 * The demo editor's address and password are printed when the app starts in demo mode.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL ?? 'http://localhost:3000';
const email = process.env.EDITOR_EMAIL;
const password = process.env.EDITOR_PASSWORD;
const out = 'docs/screenshots';
const story = '/stories/russia-ukraine-peace-talks';

if (!email || !password) {
	console.error('Set EDITOR_EMAIL and EDITOR_PASSWORD (the demo editor is printed at start).');
	process.exit(2);
}
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox']
});

async function shoot(page: Page, path: string, name: string, full = false) {
	await page.goto(new URL(path, base).href);
	await page.waitForLoadState('networkidle');
	await page.screenshot({ path: `${out}/${name}.png`, fullPage: full });
	console.log(`${out}/${name}.png`);
}

for (const width of [1280, 375]) {
	const context = await browser.newContext({
		viewport: { width, height: width > 600 ? 900 : 800 }
	});
	const page = await context.newPage();
	await shoot(page, story, `reader-${width}`);
	await shoot(page, `/embed/stories/russia-ukraine-peace-talks`, `embed-${width}`, true);
	// The CRBC article: the story page's coverage list links it.
	await page.goto(new URL(story, base).href);
	const href = await page
		.locator('a[href*="/articles/"]', { hasText: /Miami/ })
		.first()
		.getAttribute('href');
	const articleId = href?.match(/\/articles\/(\d+)/)?.[1];
	await page.goto(new URL('/desk/sign-in', base).href);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(
		(url) => url.pathname.startsWith('/desk') && !url.pathname.includes('sign-in')
	);
	if (articleId) await shoot(page, `/desk/articles/${articleId}`, `desk-article-${width}`);
	await context.close();
}
await browser.close();
