import { expect, test, type Page } from '@playwright/test';
import { createUser, signIn, type TestUser } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

// Issue 18 on the desk: an editor who works in Ukrainian sees the desk home, a story and an
// event with no English interface words. The newsroom's own text (titles, headlines, outlets,
// evidence, names) is data and is taken out before looking.
test.describe.configure({ timeout: 120_000 });

const STORY_SLUG = 'russia-ukraine-peace-talks';

/** Interface words the desk's pages showed in English; matched as whole words. */
const ENGLISH = [
	'Desk',
	'Stories',
	'New story',
	'Published',
	'Draft',
	'events',
	'articles',
	'active',
	'Inbox',
	'unfiled',
	'Trash',
	'Preview',
	'History',
	'Reader page',
	'Publish',
	'Unpublish',
	'Delete story',
	'Events',
	'Add event',
	'version',
	'Timeline',
	'Kind',
	'Verification',
	'Status',
	'meeting',
	'Meeting',
	'Claimed',
	'Policy',
	'statement',
	'battlefield',
	'policy',
	'reported',
	'claimed',
	'published',
	'approximate',
	'December',
	'November',
	'Sources',
	'Remove',
	'Add source',
	'Actors',
	'Add actor',
	'Relations',
	'Add relation',
	'Merge',
	'Key event',
	'Media',
	'Caption',
	'Credit',
	'Exact time',
	'To the day',
	'Save'
];

/** The history page's own interface words, looked for there only. */
const HISTORY_ENGLISH = [
	'History of',
	'Revision',
	'current',
	'system',
	'Restore',
	'No visible field changed',
	'Field',
	'Before',
	'After'
];

let db: ReturnType<typeof e2eDatabase>;
let editor: TestUser;
let storyId: number;
let eventId: number;
/** Everything the newsroom wrote that these pages show, longest first. */
let data: string[];

test.beforeAll(async () => {
	db = e2eDatabase();
	editor = await createUser(db, { role: 'editor', displayName: 'Оксана Редакторка' });
	await db`update users set locale = 'uk' where id = ${editor.id}`;
	const [story] = await db<{ id: number }[]>`select id from stories where slug = ${STORY_SLUG}`;
	storyId = story!.id;
	const [event] = await db<{ id: number }[]>`
		select e.id from events e join event_sources s on s.event_id = e.id
		where e.story_id = ${storyId} and e.deleted_at is null order by e.id limit 1`;
	eventId = event!.id;
	const rows = await db<{ text: string | null }[]>`
		select title as text from stories
		union all select summary from stories
		union all select title from events union all select description from events
		union all select attribution from events union all select place_name from events
		union all select headline from articles union all select source from articles
		union all select evidence from event_sources
		union all select display_name from users`;
	data = [...new Set(rows.map((row) => row.text?.trim() ?? '').filter((text) => text.length > 1))];
	data.sort((a, b) => b.length - a.length);
});

test.afterAll(async () => {
	await db`delete from users where id = ${editor.id}`;
	await db.end();
});

/** The page's visible text, accessible names and title, without the newsroom's own words. */
async function interfaceText(page: Page, skip: string[] = []): Promise<string> {
	const text = await page.evaluate((skip) => {
		const copy = document.body.cloneNode(true) as Element;
		copy
			.querySelectorAll(['script, style, textarea, datalist', ...skip].join(', '))
			.forEach((node) => node.remove());
		const parts = [document.title, copy.textContent ?? ''];
		for (const node of document.body.querySelectorAll('*'))
			for (const name of ['aria-label', 'title', 'placeholder', 'alt'])
				parts.push(node.getAttribute(name) ?? '');
		return parts.join('\n');
	}, skip);
	// Quotes are typographic in the data and sometimes straight on the page; a label's ellipsis
	// ("Miami talks, second…") leaves a title's start, which is data too.
	let rest = text;
	for (const piece of data) rest = rest.split(piece).join(' ');
	return rest.replace(/[^\s«“"]*…/g, ' ');
}

const wordsIn = (text: string, english = ENGLISH) =>
	english.filter((word) => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(text));

for (const width of [1280, 375]) {
	test(`an editor working in Ukrainian sees no English on the desk (${width} px)`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 900 });
		await signIn(page, editor);
		await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
		await expect(page.getByRole('heading', { level: 1, name: 'Редакція' })).toBeVisible();
		expect({ page: 'home', words: wordsIn(await interfaceText(page)) }).toEqual({
			page: 'home',
			words: []
		});

		await page.goto(`/desk/stories/${storyId}`);
		await expect(page.getByRole('heading', { name: /^Події \(\d+\)$/ })).toBeVisible();
		await expect(page.locator('.vis-time-axis .vis-text:not(.vis-measure)').first()).toBeVisible();
		// Kinds and verification are words in the table, not stored values.
		await expect(page.getByRole('cell', { name: 'Зустріч' }).first()).toBeVisible();
		expect({ page: 'story', words: wordsIn(await interfaceText(page)) }).toEqual({
			page: 'story',
			words: []
		});

		await page.goto(`/desk/events/${eventId}`);
		await expect(page.getByRole('heading', { name: /^Джерела \(\d+\)$/ })).toBeVisible();
		expect({ page: 'event', words: wordsIn(await interfaceText(page)) }).toEqual({
			page: 'event',
			words: []
		});

		await page.goto(`/desk/stories/${storyId}/history`);
		await expect(page.getByRole('heading', { level: 1, name: /^Історія «/ })).toBeVisible();
		await expect(
			page.getByRole('heading', { level: 2, name: /^Редакція \d+ · версія \d+/ }).first()
		).toBeVisible();
		// The changed fields' names and values and the revision times too.
		await expect(page.locator('.history tbody th').first()).toBeVisible();
		const historyText = await interfaceText(page);
		expect({
			page: 'story history',
			words: wordsIn(historyText, [...ENGLISH, ...HISTORY_ENGLISH])
		}).toEqual({ page: 'story history', words: [] });

		// The same pages in English show the words, so the list can catch a regression.
		await db`update users set locale = 'en' where id = ${editor.id}`;
		try {
			await page.goto(`/desk/stories/${storyId}`);
			await expect(page.getByRole('heading', { name: /^Events \(\d+\)$/ })).toBeVisible();
			expect(wordsIn(await interfaceText(page)).length).toBeGreaterThan(10);
		} finally {
			await db`update users set locale = 'uk' where id = ${editor.id}`;
		}
	});
}

/** The inbox's, feeds' and paste page's own words, which were English for every editor. */
const FILING_ENGLISH = [
	'Inbox',
	'Articles not yet filed',
	'Nothing to file',
	'Feeds',
	'Subscribe',
	'Subscriptions',
	'No feeds yet',
	'Paste an article',
	'Headline',
	'Body',
	'Outlet',
	'Section',
	'optional',
	'Time zone',
	'Save article'
];

test('the inbox, the feeds and the paste form are in Ukrainian too', async ({ page }) => {
	await signIn(page, editor);
	for (const [path, heading] of [
		['/desk/inbox', 'Вхідні'],
		['/desk/feeds', 'Стрічки'],
		['/desk/articles/new', 'Вставити статтю']
	] as const) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		expect({
			path,
			words: wordsIn(await interfaceText(page), [...ENGLISH, ...FILING_ENGLISH])
		}).toEqual({ path, words: [] });
	}
});

test('an article’s proposals and a refused page are in Ukrainian too', async ({ page }) => {
	await signIn(page, editor);
	const [article] = await db<{ id: number }[]>`
		select id from articles where headline like 'Miami Talks Enter Third Day%'`;
	await page.goto(`/desk/articles/${article!.id}`);
	// The proposals' kinds, dates and the form's choices are words in Ukrainian, not stored values.
	await expect(page.locator('.proposal').first()).toBeVisible();
	await expect(page.locator('.proposal .meta').first()).toContainText(/грудня 2025/);
	expect({
		page: 'article',
		words: wordsIn(
			await interfaceText(page, ['details', 'blockquote', '.proposal .head', '.visually-hidden']),
			[...ENGLISH, 'minute', 'hour', 'month', 'other']
		)
	}).toEqual({ page: 'article', words: [] });
	// An editor may not manage users: the refusal is in the desk, in Ukrainian.
	const refused = await page.goto('/desk/users');
	expect(refused?.status()).toBe(403);
	await expect(page.getByText('Для цього потрібна роль адміністратора.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Назад до редакції' })).toBeVisible();
});

test('the sign-in page follows a Ukrainian browser, refusals included', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'uk-UA' });
	const page = await context.newPage();
	try {
		await page.goto('/desk/sign-in');
		await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
		await expect(page.getByRole('heading', { level: 1, name: 'Увійти до редакції' })).toBeVisible();
		await page.getByLabel('Електронна пошта').fill(editor.email);
		await page.getByLabel('Пароль').fill('не той пароль');
		await page.getByRole('button', { name: 'Увійти' }).click();
		await expect(
			page.getByText('Ця адреса й пароль не відповідають жодному обліковому запису.')
		).toBeVisible();
		expect(
			wordsIn(await interfaceText(page), [...ENGLISH, 'Sign in', 'Email', 'Password'])
		).toEqual([]);
	} finally {
		await context.close();
	}
});

test('the server’s answer to a refused form is in Ukrainian too', async ({ page }) => {
	await signIn(page, editor);
	await page.goto(`/desk/stories/${storyId}/events/new`);
	await page.locator('#title').fill('Зустріч у Женеві');
	await page.locator('#occurredStart').fill('2025-12-08T10:00');
	// A zone no IANA database has: the schema refuses it, in English, for the API.
	await page.locator('#timeZone').fill('Mars/Olympus_Mons');
	await page.getByRole('button', { name: 'Створити подію' }).click();
	const said = 'Використайте часовий пояс IANA, наприклад Europe/Kyiv або UTC.';
	// Beside the field, which it describes.
	await expect(page.locator('#timeZone-error')).toHaveText(said);
	await expect(page.locator('#timeZone')).toHaveAttribute('aria-describedby', 'timeZone-error');
	await expect(page.getByText('Use an IANA time zone')).toHaveCount(0);
	// Nothing was stored.
	const [stored] = await db<{ count: number }[]>`
		select count(*)::int as count from events where title = 'Зустріч у Женеві'`;
	expect(stored?.count).toBe(0);
});
