import { test, expect as baseExpect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createUser, signIn } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

// The dev server compiles desk pages on first use and shares the machine with other runs.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });
// Without JavaScript: the forms must work that way, and the dev server's hot reloads (other
// files change while tests run) cannot interrupt a plain HTML form post.
test.use({ javaScriptEnabled: false });

let db: ReturnType<typeof e2eDatabase>;
let contributor: { email: string; password: string };
let editor: { email: string; password: string };
const run = randomBytes(4).toString('hex');

test.beforeAll(async () => {
	db = e2eDatabase();
	contributor = await createUser(db, { role: 'contributor' });
	editor = await createUser(db, { role: 'editor' });
});

test.afterAll(async () => {
	await db.end();
});

test('a contributor pastes an article and lands on its desk page', async ({ page }) => {
	await signIn(page, contributor);
	await page.goto('/desk/articles/new');
	await page.getByLabel('Headline').fill(`Grain corridor reopens (${run})`);
	await page.getByLabel('Body').fill('First paragraph <b>bold</b>.\n\nSecond paragraph.');
	await page.getByLabel('Outlet').fill('Kyiv Desk');
	await page.getByLabel('URL (optional)').fill(`https://kyiv.example/${run}`);
	await page.getByLabel('Date and time').fill('2025-07-15T12:00');
	await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/Kyiv');
	await page.getByRole('button', { name: 'Save article' }).click();

	await page.waitForURL(/\/desk\/articles\/\d+$/);
	const id = Number(new URL(page.url()).pathname.split('/').pop());
	const [row] = await db<{ headline: string; body_html: string; published_at: Date }[]>`
		select headline, body_html, published_at from articles where id = ${id}`;
	expect(row?.headline).toBe(`Grain corridor reopens (${run})`);
	expect(row?.body_html).toBe('<p>First paragraph <b>bold</b>.</p>\n<p>Second paragraph.</p>');
	expect(row?.published_at.toISOString()).toBe('2025-07-15T09:00:00.000Z');
});

test.describe('the paste form', () => {
	test('errors appear next to the fields and the values are kept', async ({ page }) => {
		await signIn(page, contributor);
		await page.goto('/desk/articles/new');
		await page.getByLabel('Headline').fill(`Only markup (${run})`);
		await page.getByLabel('Body').fill('<div><script>alert(1)</script></div>');
		await page.getByLabel('Outlet').fill('Kyiv Desk');
		await page.getByLabel('Date and time').fill('2025-07-15T12:00');
		await page.getByLabel('Another time zone (optional)').fill('Mars/Olympus');
		await page.getByRole('button', { name: 'Save article' }).click();

		await expect(page.getByText('The article was not saved')).toBeVisible();
		await expect(page.locator('#timeZoneOther-error')).toContainText(
			'Unknown time zone "Mars/Olympus"'
		);
		await expect(page.getByLabel('Headline')).toHaveValue(`Only markup (${run})`);

		await page.getByLabel('Another time zone (optional)').fill('');
		await page.getByRole('button', { name: 'Save article' }).click();
		await expect(page.locator('#body-error')).toHaveText(
			'The body has no text once markup is removed.'
		);
		// The summary at the top links to the field.
		await expect(page.getByRole('link', { name: /^Body: The body has no text/ })).toHaveAttribute(
			'href',
			'#article-body'
		);
		await expect(page.getByLabel('Body')).toHaveValue('<div><script>alert(1)</script></div>');
		await expect(page.getByLabel('Body')).toHaveAttribute('aria-invalid', 'true');
		const [row] = await db<{ count: number }[]>`
			select count(*)::int as count from articles where headline = ${`Only markup (${run})`}`;
		expect(row?.count).toBe(0);
	});
});

test('a loopback feed is refused at subscribe time with a clear error', async ({ page }) => {
	await signIn(page, editor);
	await page.goto('/desk/feeds');
	const url = `http://127.0.0.1:9/${run}.xml`;
	await page.getByLabel('Feed URL').fill(url);
	await page.getByLabel('Outlet').fill('Loopback Wire');
	await page.getByRole('button', { name: 'Subscribe' }).click();
	await expect(page.locator('#feed-url-error')).toHaveText(
		'Not subscribed: 127.0.0.1 resolves to 127.0.0.1, which is not a public address: refused.'
	);
	await expect(page.getByLabel('Feed URL')).toHaveValue(url);
	await expect(page.getByRole('link', { name: url })).toHaveCount(0);
});

test('a contributor cannot manage feeds', async ({ page }) => {
	await signIn(page, contributor);
	const response = await page.goto('/desk/feeds');
	expect(response?.status()).toBe(403);
});
