import AxeBuilder from '@axe-core/playwright';
import { test, expect as baseExpect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createUser, signIn, type TestUser } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

// Issue 18 in the browser: a Cyrillic-titled story gets a working address, a Ukrainian article
// gets a note instead of English event proposals, and the desk speaks Ukrainian when asked.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

let db: ReturnType<typeof e2eDatabase>;
let editor: TestUser;
const run = randomBytes(3).toString('hex');

test.beforeAll(async () => {
	db = e2eDatabase();
	editor = await createUser(db, { role: 'editor' });
});

test.afterAll(async () => {
	await db.end();
});

async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	return violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target}`));
}

/** Creates a story on the desk's form and publishes it; answers the desk page's address. */
async function publishStory(page: Page, fields: { title: string; slug?: string }) {
	await page.goto('/desk/stories/new');
	await page.getByLabel('Title').fill(fields.title);
	await page.getByLabel('Language').selectOption('uk');
	if (fields.slug) await page.getByLabel('Slug').fill(fields.slug);
	await page.getByRole('button', { name: 'Create story' }).click();
	await page.waitForURL(/\/desk\/stories\/\d+$/);
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible();
}

test('a story titled in Cyrillic gets an ASCII slug and its reader page opens', async ({
	page
}) => {
	const title = `Переговори в Маямі ${run}`;
	await signIn(page, editor);
	await page.goto('/desk/stories/new');
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Language').selectOption('uk');
	// The slug follows the title as the editor types, spelt the Ukrainian way.
	await expect(page.getByLabel('Slug')).toHaveValue(`perehovory-v-maiami-${run}`);
	await publishStory(page, { title });

	const response = await page.goto(`/stories/perehovory-v-maiami-${run}`);

	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('a Unicode slug an editor types works for the reader page and the embed', async ({
	page,
	request
}) => {
	const slug = `переговори-у-стамбулі-${run}`;
	const title = `Переговори у Стамбулі ${run}`;
	await signIn(page, editor);
	await publishStory(page, { title, slug });

	const reader = await request.get(`/stories/${encodeURIComponent(slug)}`);
	const embed = await request.get(`/embed/stories/${encodeURIComponent(slug)}`);

	expect(reader.status()).toBe(200);
	expect(await reader.text()).toContain(title);
	expect(embed.status()).toBe(200);
	expect(await embed.text()).toContain(title);
});

test('a Ukrainian article gets a note and no English event proposals', async ({ page }) => {
	await signIn(page, editor);
	await page.goto('/desk/articles/new');
	await page.getByLabel('Headline').fill(`Обмін полоненими у суботу ${run}`);
	await page
		.getByLabel('Body')
		.fill(
			'У суботу, 6 грудня, делегації домовилися про обмін полоненими. Переговори в Маямі ' +
				'тривали до пізньої ночі, повідомили джерела в обох делегаціях.'
		);
	await page.getByLabel('Outlet').fill('Київська служба');
	await page.getByLabel('Date and time').fill('2025-12-06T12:00');
	await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/Kyiv');
	await page.getByRole('button', { name: 'Save article' }).click();
	await page.waitForURL(/\/desk\/articles\/\d+/);

	await expect(page.getByText('Language: Ukrainian')).toBeVisible();
	await expect(page.getByText('Event proposals are available for English articles.')).toBeVisible();
	await expect(page.locator('.proposals')).toHaveCount(0);
	expect(await seriousViolations(page)).toEqual([]);
});

test('a user who chooses Ukrainian sees the desk in Ukrainian', async ({ page }) => {
	const user = await createUser(db, { role: 'contributor' });
	await signIn(page, user);
	await page.goto('/desk/account');
	await page.getByLabel('Interface language').selectOption('uk');
	await page.getByRole('button', { name: 'Save language' }).click();
	await expect(page.getByRole('status')).toHaveText('Тепер редакція розмовляє вашою мовою.');

	await page.goto('/desk');

	const nav = page.getByRole('navigation', { name: 'Редакція' });
	await expect(nav.getByRole('link', { name: 'Вхідні' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Додати статтю' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Обліковий запис' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Вийти' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	// Someone else's desk stays English.
	const other = await page.context().browser()!.newPage();
	await signIn(other, await createUser(db, { role: 'contributor' }));
	await other.goto('/desk');
	await expect(other.getByRole('navigation', { name: 'Desk' })).toBeVisible();
	await other.close();

	await page.goto('/desk/account');
	expect(await seriousViolations(page)).toEqual([]);
});
