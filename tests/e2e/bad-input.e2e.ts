import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { createApiToken, createUser, signIn, type TestUser } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';
import { LIMITS } from '../../src/lib/schemas/limits';

// The bad inputs users reported, through every door: each answers 4xx with a field error
// (never 500) and stores nothing.
test.describe.configure({ timeout: 180_000 });

const run = randomBytes(4).toString('hex');
const NUL = 'with\u0000nul';
let db: ReturnType<typeof e2eDatabase>;
let editor: TestUser;
let admin: TestUser;
let token: string;
let story: { id: number; version: number };
let event: { id: number; version: number };
let article: number;

test.beforeAll(async () => {
	db = e2eDatabase();
	editor = await createUser(db, { role: 'editor' });
	admin = await createUser(db, { role: 'admin' });
	token = await createApiToken(db, editor.id);
	const [storyRow] = await db<{ id: number; version: number }[]>`
		insert into stories (slug, title) values (${`bad-${run}`}, 'Bad input target')
		returning id, version`;
	story = storyRow!;
	const [eventRow] = await db<{ id: number; version: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision)
		values (${story.id}, 'meeting', 'Bad input meeting', '2025-12-06T15:00:00Z', 'day')
		returning id, version`;
	event = eventRow!;
	const [row] = await db<{ id: number }[]>`
		insert into articles (source, headline, body_html, body_raw, content_hash, published_at)
		values ('Bad Wire', 'Bad input article', '<p>x</p>', 'x',
			${createHash('sha256').update(run).digest('hex')}, '2025-12-06T10:00:00Z') returning id`;
	article = row!.id;
	await db`insert into story_articles (story_id, article_id, state, decided_by, decided_at)
		values (${story.id}, ${article}, 'accepted', ${editor.id}, now())`;
});

test.afterAll(async () => {
	await db`delete from stories where id = ${story.id}`;
	await db`delete from articles where id = ${article}`;
	await db.end({ timeout: 5 });
});

const versions = async () => {
	const [s] = await db<{ version: number }[]>`select version from stories where id = ${story.id}`;
	const [e] = await db<{ version: number }[]>`select version from events where id = ${event.id}`;
	return [s?.version, e?.version];
};

async function expectFieldError(
	response: Awaited<ReturnType<APIRequestContext['fetch']>>,
	field: string
) {
	expect(response.status(), await response.text()).toBe(400);
	expect(((await response.json()) as { fields: Record<string, string> }).fields).toHaveProperty(
		field
	);
}

test('the API refuses NUL, years 0 and 10000 and 2,000,000 characters with field errors', async ({
	request
}) => {
	const before = await versions();
	const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
	const patch = (url: string, version: number, data: unknown) =>
		request.patch(url, {
			headers: { ...headers, 'If-Match': `"${version}"` },
			data: JSON.stringify(data)
		});
	for (const field of ['title', 'summary', 'slug'])
		await expectFieldError(
			await patch(`/api/v1/stories/${story.id}`, story.version, { [field]: NUL }),
			field
		);
	for (const field of ['title', 'description', 'placeName', 'attribution', 'timeZone'])
		await expectFieldError(
			await patch(`/api/v1/events/${event.id}`, event.version, { [field]: NUL }),
			field
		);
	for (const start of ['0000-06-01T00:00:00Z', '10000-01-01T00:00:00Z', '+010000-01-01T00:00:00Z'])
		await expectFieldError(
			await patch(`/api/v1/events/${event.id}`, event.version, { occurredStart: start }),
			'occurredStart'
		);
	for (const field of ['description', 'attribution'])
		await expectFieldError(
			await patch(`/api/v1/events/${event.id}`, event.version, { [field]: 'x'.repeat(2_000_000) }),
			field
		);
	await expectFieldError(
		await patch(`/api/v1/stories/${story.id}`, story.version, {
			summary: 'x'.repeat(LIMITS.summary + 1)
		}),
		'summary'
	);
	await expectFieldError(
		await request.post('/api/v1/stories', {
			headers,
			data: { title: 'Fine', summary: 'x'.repeat(LIMITS.summary + 1) }
		}),
		'summary'
	);
	await expectFieldError(
		await request.post('/api/v1/stories', { headers, data: { title: NUL } }),
		'title'
	);
	await expectFieldError(
		await request.post('/api/v1/articles', {
			headers,
			data: { headline: NUL, body: 'Body', source: 'Wire', publishedAt: '2025-12-06T10:00:00Z' }
		}),
		'headline'
	);
	await expectFieldError(
		await request.post('/api/v1/articles', {
			headers,
			data: {
				headline: 'Fine',
				body: 'Body',
				source: 'Wire',
				publishedAt: '+010000-01-01T00:00:00Z'
			}
		}),
		'publishedAt'
	);
	await expectFieldError(
		await request.post(`/api/v1/stories/${story.id}/articles`, {
			headers,
			data: { articleId: 99_999_999_999_999 }
		}),
		'articleId'
	);
	expect(await versions()).toEqual(before);
	const [count] = await db<
		{ n: number }[]
	>`select count(*)::int as n from stories where title = ${'Fine'}`;
	expect(count?.n).toBe(0);
});

test('public query parameters that name nothing are 400, huge pages are clamped', async ({
	request
}) => {
	for (const url of [
		'/api/v1/events?story=99999999999999',
		'/api/v1/articles?story=99999999999999',
		'/api/v1/events?from=0000-01-01',
		'/api/v1/events?to=10000-01-01',
		'/api/v1/stories?q=a%00b',
		`/api/v1/stories?cursor=${Buffer.from('99999999999999').toString('base64url')}`,
		`/api/v1/events?cursor=${Buffer.from('["+010000-01-01T00:00:00Z",1]').toString('base64url')}`,
		'/api/v1/events/99999999999999',
		'/api/v1/articles/99999999999999'
	]) {
		const response = await request.get(url);
		expect(response.status(), url).toBe(400);
		expect(((await response.json()) as { error: string }).error, url).toEqual(expect.any(String));
	}
	for (const url of ['/api/v1/stories/%00', '/api/v1/stories/99999999999999'])
		expect((await request.get(url)).status(), url).toBe(404);
	const huge = await request.get('/api/v1/events?limit=99999999999999999999&offset=99999999999999');
	expect(huge.status()).toBe(200);
	expect(await huge.json()).toMatchObject({ items: [], limit: 100 });
});

/** Posts a desk form as the enhanced form does; answers the action's result. */
async function post(page: Page, path: string, form: Record<string, string>) {
	const response = await page.request.post(path, {
		form,
		headers: { origin: new URL(page.url()).origin, 'x-sveltekit-action': 'true' }
	});
	expect(response.status(), path).toBeLessThan(500);
	return (await response.json()) as { type: string; status?: number; data?: string };
}

test('desk forms refuse NUL with a field error and store nothing', async ({ page, browser }) => {
	await page.goto('/desk/sign-in');
	await signIn(page, editor);
	const before = await versions();
	const failure = async (path: string, form: Record<string, string>, field: string) => {
		const result = await post(page, path, form);
		expect(result, path).toMatchObject({ type: 'failure', status: 400 });
		expect(result.data, path).toContain(field);
	};
	await failure('/desk/stories/new', { title: NUL, summary: '' }, 'title');
	await failure(
		`/desk/stories/${story.id}?/save`,
		{
			title: 'Bad input target',
			slug: `bad-${run}`,
			summary: NUL,
			status: 'developing',
			version: String(story.version)
		},
		'summary'
	);
	const eventForm = {
		kind: 'meeting',
		title: 'T',
		occurredStart: '2025-12-06T10:00',
		timeZone: 'UTC',
		precision: 'day'
	};
	await failure(
		`/desk/stories/${story.id}/events/new`,
		{ ...eventForm, description: NUL },
		'description'
	);
	await failure(
		`/desk/stories/${story.id}/events/new`,
		{ ...eventForm, occurredStart: '10000-01-01T00:00' },
		'occurredStart'
	);
	await failure(
		`/desk/events/${event.id}?/save`,
		{ ...eventForm, attribution: NUL, version: String(event.version) },
		'attribution'
	);
	await failure(`/desk/events/${event.id}?/addActor`, { name: NUL, entityKind: 'person' }, 'name');
	await failure(
		`/desk/events/${event.id}?/addSource`,
		{ articleId: String(article), evidence: NUL },
		'evidence'
	);
	await failure(
		`/desk/events/${event.id}?/addSource`,
		{ articleId: '99999999999999', evidence: 'Quote' },
		'articleId'
	);
	await failure('/desk/tokens?/create', { name: NUL }, 'name');
	expect(await versions()).toEqual(before);
	const [count] = await db<{ n: number }[]>`
		select (select count(*) from event_sources where event_id = ${event.id})
			+ (select count(*) from event_entities where event_id = ${event.id})
			+ (select count(*) from api_tokens where user_id = ${editor.id}) - 1 as n`;
	expect(Number(count?.n)).toBe(0);

	const adminPage = await (await browser.newContext()).newPage();
	await adminPage.goto('/desk/sign-in');
	await signIn(adminPage, admin);
	const email = `nul-${run}@example.test`;
	const added = await post(adminPage, '/desk/users?/add', {
		email,
		displayName: NUL,
		role: 'editor',
		password: 'long enough password'
	});
	expect(added).toMatchObject({ type: 'failure', status: 400 });
	expect(added.data).toContain('displayName');
	expect(await db`select 1 from users where email = ${email}`).toHaveLength(0);

	const anonymous = await (await browser.newContext()).newPage();
	await anonymous.goto('/desk/sign-in');
	const signInAnswer = await post(anonymous, '/desk/sign-in', {
		email: `a${NUL}@x.test`,
		password: 'x'
	});
	expect(signInAnswer).toMatchObject({ type: 'failure', status: 400 });
	expect(signInAnswer.data).toContain('email');
});
