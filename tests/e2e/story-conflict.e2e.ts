/**
 * Two editors on one story's form: the second save merges what does not clash, shows only the
 * field both changed, and saving the shown form again keeps the first editor's other change.
 */
import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { e2eDatabase } from '../support/e2e-database';
import { createUser, signIn, type TestUser } from '../support/desk-auth';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const db = e2eDatabase();
let editor: TestUser;

test.beforeAll(async () => {
	editor = await createUser(db, { role: 'editor' });
});

test.afterAll(async () => {
	await db.end();
});

async function open(page: Page, url: string) {
	await page.goto(url);
	await page.waitForLoadState('networkidle');
}

async function signedIn(browser: Browser): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await open(page, '/desk/sign-in');
	await signIn(page, editor);
	return page;
}

test('saving after a conflict keeps the other editor’s change', async ({ browser }) => {
	const tag = randomBytes(4).toString('hex');
	const [story] = await db<{ id: number }[]>`
		insert into stories (slug, title, summary) values (${`conflict-${tag}`}, ${`Talks ${tag}`},
			'As first written.')
		returning id`;
	const first = await signedIn(browser);
	const second = await signedIn(browser);
	await open(first, `/desk/stories/${story!.id}`);
	await open(second, `/desk/stories/${story!.id}`);

	await first.getByLabel('Title').fill('Title from the first editor');
	await first.getByLabel('Summary').fill('Summary from the first editor');
	await first.getByRole('button', { name: 'Save story' }).click();
	await expect(first.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

	await second.getByLabel('Title').fill('Title from the second editor');
	await second.getByRole('button', { name: 'Save story' }).click();
	const conflict = second.getByRole('alert').filter({ hasText: 'Someone else saved this first' });
	await expect(conflict).toBeVisible();
	// Only the field both changed is shown; the summary was theirs alone.
	await expect(conflict.getByRole('row', { name: /Title/ })).toContainText(
		'Title from the first editor'
	);
	await expect(conflict.getByRole('row', { name: /Summary/ })).toHaveCount(0);
	await expect(second.getByLabel('Title')).toHaveValue('Title from the second editor');
	await expect(second.getByLabel('Summary')).toHaveValue('Summary from the first editor');

	await second.getByRole('button', { name: 'Save story' }).click();
	await expect(second.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	const [saved] = await db<{ title: string; summary: string }[]>`
		select title, summary from stories where id = ${story!.id}`;
	expect(saved).toEqual({
		title: 'Title from the second editor',
		summary: 'Summary from the first editor'
	});
});
