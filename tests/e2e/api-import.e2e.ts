import { expect, test } from '@playwright/test';
import { createApiToken, createUser, signIn, type TestUser } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';
import { validate } from '../support/json-schema';
import { FIXTURES_DIR, HAVE_FIXTURES, readFixtures } from '../support/timelinejs-fixtures';

const URL = '/api/v1/import/timelinejs';
const TIMELINE = {
	title: { text: { headline: 'Imported talks', text: '<p>From a TimelineJS file</p>' } },
	events: [
		{
			start_date: { year: '2025', month: '12', day: '6' },
			text: { headline: 'Miami talks, third day', text: 'Met <script>alert(1)</script>again.' },
			group: 'Meetings'
		}
	]
};

let db: ReturnType<typeof e2eDatabase>;
let editorToken: string;
let contributorToken: string;
let editor: TestUser;
let doc: Record<string, unknown>;

test.beforeAll(async ({ request }) => {
	db = e2eDatabase();
	editor = await createUser(db, { role: 'editor' });
	editorToken = await createApiToken(db, editor.id);
	const contributor = await createUser(db, { role: 'contributor' });
	contributorToken = await createApiToken(db, contributor.id);
	doc = (await (await request.get('/api/v1/openapi.json')).json()) as Record<string, unknown>;
});

test.afterAll(async () => {
	await db.end();
});

const asEditor = (type = 'application/json') => ({
	Authorization: `Bearer ${editorToken}`,
	'Content-Type': type
});
const schema = (name: string) => ({ $ref: `#/components/schemas/${name}` });

test('importing needs a token; a contributor’s import is a draft readers do not see', async ({
	request
}) => {
	const anonymous = await request.post(URL, { data: TIMELINE });
	expect(anonymous.status()).toBe(401);
	const contributor = await request.post(URL, {
		data: TIMELINE,
		headers: { Authorization: `Bearer ${contributorToken}` }
	});
	expect(contributor.status()).toBe(201);
	const { slug } = (await contributor.json()) as { slug: string };
	expect((await request.get(`/stories/${slug}`)).status()).toBe(404);
});

test('an editor imports a timeline as a new draft story: 201 as documented', async ({
	request
}) => {
	const response = await request.post(URL, { data: JSON.stringify(TIMELINE), headers: asEditor() });
	expect(response.status()).toBe(201);
	const body = (await response.json()) as { storyId: number; slug: string; events: number };
	expect(validate(doc, schema('ImportResult'), body)).toEqual([]);
	expect(body).toMatchObject({ slug: expect.stringMatching(/^imported-talks/), events: 1 });
	const [story] = await db<{ publication: string }[]>`
		select publication from stories where id = ${body.storyId}`;
	expect(story?.publication).toBe('draft');
	// A draft: readers (and the public API) do not see it yet.
	expect((await request.get(`/api/v1/stories/${body.storyId}`)).status()).toBe(404);
});

test('a file that cannot be imported gets 422 with the reason, and nothing is stored', async ({
	request,
	baseURL
}) => {
	const count = async () =>
		(await db<{ count: number }[]>`select count(*)::int from stories`)[0]?.count;
	const before = await count();
	const cosmic = {
		...TIMELINE,
		events: [{ start_date: { year: -13800000000 }, text: { headline: 'Big Bang' } }]
	};
	for (const [data, type, message] of [
		[JSON.stringify(cosmic), 'application/json', /year -13800000000 is outside 1–9999/],
		[JSON.stringify({ timeline: { headline: 'Old' } }), 'application/json', /TimelineJS2/],
		[Buffer.from('{oops'), 'application/json', /not JSON/],
		['Year,Headline\n2025,Talks\n,No date', 'text/csv', /Row 3 \("No date"\): the date has no year/]
	] as const) {
		const response = await request.post(URL, { data, headers: asEditor(type) });
		expect(response.status(), String(data)).toBe(422);
		const body: unknown = await response.json();
		expect(validate(doc, schema('Error'), body)).toEqual([]);
		expect((body as { error: string }).error).toMatch(message);
	}
	expect(await count()).toBe(before);

	// text/plain is a form type: without a same-site Origin SvelteKit's CSRF check refuses it
	// first (403); from the site itself it reaches the endpoint, which wants JSON or CSV.
	const plain = await request.post(URL, {
		data: 'x',
		headers: { ...asEditor('text/plain'), origin: new globalThis.URL(baseURL!).origin }
	});
	expect(plain.status()).toBe(415);

	// An oversized file is refused before it is read whole, and nothing is stored.
	const huge = await request.post(URL, {
		data: JSON.stringify({ ...TIMELINE, padding: 'x'.repeat(6 * 1024 * 1024) }),
		headers: asEditor()
	});
	expect(huge.status()).toBe(413);
	expect(await count()).toBe(before);
});

test.describe('the TimelineJS example files', () => {
	test.skip(!HAVE_FIXTURES, `no TimelineJS fixtures at ${FIXTURES_DIR}`);
	for (const fixture of readFixtures()) {
		test(`${fixture.name} imports through the API`, async ({ request }) => {
			const type = fixture.format === 'csv' ? 'text/csv' : 'application/json';
			const response = await request.post(URL, { data: fixture.text, headers: asEditor(type) });
			expect(response.status(), await response.text()).toBe(201);
			expect(((await response.json()) as { events: number }).events).toBeGreaterThan(5);
		});
	}
});

// Without JavaScript: the form must work so, and no hydration can race the typing.
test.describe('the desk import page', () => {
	test.use({ javaScriptEnabled: false });

	test('shows what is wrong, then links to the new story', async ({ page }) => {
		// The dev server compiles the desk on first visit; signing in hashes a password.
		test.setTimeout(120_000);
		await signIn(page, editor);
		await page.goto('/desk/import');
		const pasted = page.getByLabel('Or paste it here');
		await pasted.fill('{"timeline": {"headline": "Old"}}');
		await page.getByRole('button', { name: 'Import' }).click();
		await expect(page.getByRole('alert')).toContainText('TimelineJS2');
		await expect(pasted).toHaveValue('{"timeline": {"headline": "Old"}}');

		await pasted.fill(
			JSON.stringify({ ...TIMELINE, title: { text: { headline: 'Desk import' } } })
		);
		await page.getByRole('button', { name: 'Import' }).click();
		await expect(page.getByRole('status')).toContainText('Imported “Desk import” with 1 event');
		const link = page.getByRole('link', { name: 'Open the story on the desk' });
		await expect(link).toHaveAttribute('href', /\/desk\/stories\/\d+$/);
	});
});
