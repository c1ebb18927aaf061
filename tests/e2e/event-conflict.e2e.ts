import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { e2eDatabase } from '../support/e2e-database';
import { createUser, signIn, type TestUser } from '../support/desk-auth';

/**
 * Two editors on one event, each in their own browser: a save merges with what the other saved
 * meanwhile instead of reverting it, and only a field both changed differently is a conflict.
 */
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const db = e2eDatabase();
let editor: TestUser;
const tag = () => randomBytes(4).toString('hex');
const stories: number[] = [];

async function draftEvent(title: string) {
	const [story] = await db<{ id: number }[]>`
		insert into stories (slug, title) values (${`conflict-${tag()}`}, ${title}) returning id`;
	stories.push(story!.id);
	const [event] = await db<{ id: number; version: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision)
		values (${story!.id}, 'meeting', ${title}, '2025-03-10T00:00:00Z', 'day')
		returning id, version`;
	return event!;
}

async function open(page: Page, url: string) {
	await page.goto(url);
	await page.waitForLoadState('networkidle');
}

async function editorPage(browser: Browser): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await open(page, '/desk/sign-in');
	await signIn(page, editor);
	return page;
}

async function stored(id: number) {
	const [row] = await db<
		{ title: string; description: string; place_name: string | null; version: number }[]
	>`select title, description, place_name, version from events where id = ${id}`;
	return row;
}

test.beforeAll(async () => {
	editor = await createUser(db, { role: 'editor' });
});

test.afterAll(async () => {
	await db`delete from stories where id = any(${stories}::int[])`;
	await db.end({ timeout: 5 });
});

test('two editors changing different fields both keep their change', async ({ browser }) => {
	const event = await draftEvent(`Different fields ${tag()}`);
	const first = await editorPage(browser);
	const second = await editorPage(browser);
	await open(first, `/desk/events/${event.id}`);
	await open(second, `/desk/events/${event.id}`);

	await first.getByLabel('Title').fill('Title from the first editor');
	await first.getByRole('button', { name: 'Save event' }).click();
	await expect(first.getByRole('status')).toHaveText('Saved.');

	// The second form still holds the old title: saving it must not undo the first editor's.
	await second.getByLabel('Description').fill('Context only the second editor wrote');
	await second.getByRole('button', { name: 'Save event' }).click();
	await expect(second.getByRole('status')).toHaveText('Saved.');
	await expect(second.getByRole('alert')).toHaveCount(0);
	await expect(second.getByLabel('Title')).toHaveValue('Title from the first editor');

	expect(await stored(event.id)).toEqual({
		title: 'Title from the first editor',
		description: 'Context only the second editor wrote',
		place_name: null,
		version: event.version + 2
	});
});

test('both changing the title shows that one conflict, and saving again reverts nothing', async ({
	browser
}) => {
	const event = await draftEvent(`Same field ${tag()}`);
	const first = await editorPage(browser);
	const second = await editorPage(browser);
	await open(first, `/desk/events/${event.id}`);
	await open(second, `/desk/events/${event.id}`);

	await first.getByLabel('Title').fill('Title from the first editor');
	await first.getByLabel('Place', { exact: true }).fill('Geneva');
	await first.getByRole('button', { name: 'Save event' }).click();
	await expect(first.getByRole('status')).toHaveText('Saved.');

	await second.getByLabel('Title').fill('Title from the second editor');
	await second.getByLabel('Description').fill('Context from the second editor');
	await second.getByRole('button', { name: 'Save event' }).click();
	const conflict = second.getByRole('alert').filter({ hasText: 'Someone else saved this first' });
	await expect(conflict).toBeVisible();
	// Only the field both changed is shown; the rest merged without asking.
	await expect(conflict.getByRole('row')).toHaveCount(2);
	const title = conflict.getByRole('row', { name: /Title/ });
	await expect(title).toContainText('Title from the first editor');
	await expect(title).toContainText('Title from the second editor');
	expect(await stored(event.id)).toMatchObject({ title: 'Title from the first editor' });
	// The form holds theirs (the place) with everything the second editor typed.
	await expect(second.getByLabel('Place', { exact: true })).toHaveValue('Geneva');
	await expect(second.getByLabel('Title')).toHaveValue('Title from the second editor');
	await expect(second.getByLabel('Description')).toHaveValue('Context from the second editor');

	await second.getByRole('button', { name: 'Save event' }).click();
	await expect(second.getByRole('status')).toHaveText('Saved.');
	expect(await stored(event.id)).toEqual({
		title: 'Title from the second editor',
		description: 'Context from the second editor',
		place_name: 'Geneva',
		version: event.version + 2
	});
});
