import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createApiToken, createUser } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';
import { requestProblems, responseProblems, type Doc } from '../support/openapi-check';

// The desk API over real HTTP, every request and answer checked against the document the app
// serves at /api/v1/openapi.json: what it says a client may send is accepted, and what comes
// back is what it describes.
test.describe.configure({ timeout: 120_000 });

const run = randomBytes(4).toString('hex');
let db: ReturnType<typeof e2eDatabase>;
let doc: Doc;
let editor: Record<string, string>;
let contributor: Record<string, string>;

test.beforeAll(async ({ request }) => {
	db = e2eDatabase();
	const e = await createUser(db, { role: 'editor' });
	const c = await createUser(db, { role: 'contributor' });
	editor = { Authorization: `Bearer ${await createApiToken(db, e.id)}` };
	contributor = { Authorization: `Bearer ${await createApiToken(db, c.id)}` };
	doc = (await (await request.get('/api/v1/openapi.json')).json()) as Doc;
});

test.afterAll(async () => {
	await db`delete from stories where slug like ${`spec-${run}%`}`;
	await db.end({ timeout: 5 });
});

/** Sends a documented request and checks both sides against the document. */
async function call(
	request: APIRequestContext,
	method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
	template: string,
	url: string,
	options: { headers?: Record<string, string>; data?: unknown } = {}
) {
	if (options.data !== undefined)
		expect(requestProblems(doc, method, template, options.data), 'request').toEqual([]);
	const response = await request.fetch(url, {
		method,
		headers: options.headers,
		data: options.data === undefined ? undefined : JSON.stringify(options.data)
	});
	expect(await responseProblems(doc, method, template, response), `${method} ${url}`).toEqual([]);
	return response;
}

const json = (headers: Record<string, string>) => ({
	...headers,
	'Content-Type': 'application/json'
});

test('a story and its event, made and changed through the API as the document says', async ({
	request
}) => {
	const created = await call(request, 'POST', '/api/v1/stories', '/api/v1/stories', {
		headers: json(editor),
		data: { title: `Spec ${run} talks`, summary: 'Opened over the API.' }
	});
	expect(created.status()).toBe(201);
	const story = (await created.json()) as { id: number; slug: string };
	await db`update stories set slug = ${`spec-${run}`} where id = ${story.id}`;

	// A draft: anonymous readers get 404; the editor and a contributor get it with its ETag.
	const url = `/api/v1/stories/${story.id}`;
	expect((await call(request, 'GET', '/api/v1/stories/{id}', url)).status()).toBe(404);
	for (const staff of [editor, contributor]) {
		const draft = await call(request, 'GET', '/api/v1/stories/{id}', url, { headers: staff });
		expect(draft.status()).toBe(200);
		expect(draft.headers()['cache-control']).toContain('private');
	}
	const read = await call(request, 'GET', '/api/v1/stories/{id}', `/api/v1/stories/spec-${run}`, {
		headers: editor
	});
	const etag = read.headers()['etag']!;
	expect(etag).toMatch(/^"\d+-r\d+"$/);

	const changed = await call(request, 'PATCH', '/api/v1/stories/{id}', url, {
		headers: { ...json(editor), 'If-Match': etag },
		data: { slug: `spec-${run}-renamed`, summary: 'Two\nlines.' }
	});
	expect(changed.status()).toBe(200);
	expect(await changed.json()).toMatchObject({
		slug: `spec-${run}-renamed`,
		summary: 'Two\nlines.'
	});

	const [row] = await db<{ id: number; version: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision)
		values (${story.id}, 'meeting', 'Spec meeting', '2025-12-06T15:00:00Z', 'day')
		returning id, version`;
	const eventUrl = `/api/v1/events/${row!.id}`;
	expect((await call(request, 'GET', '/api/v1/events/{id}', eventUrl)).status()).toBe(404);
	const event = await call(request, 'GET', '/api/v1/events/{id}', eventUrl, {
		headers: contributor
	});
	expect(event.headers()['etag']).toBe(`"${row!.version}"`);

	// The names the API returns go back in: occurredStart, coordinates.
	const moved = await call(request, 'PATCH', '/api/v1/events/{id}', eventUrl, {
		headers: { ...json(contributor), 'If-Match': event.headers()['etag']! },
		data: {
			occurredStart: '2025-12-06T14:30',
			timeZone: 'America/New_York',
			precision: 'minute',
			latitude: 25.76,
			longitude: -80.19
		}
	});
	expect(moved.status()).toBe(200);
	const after = (await moved.json()) as { version: number };
	const [stored] = await db<{ occurred_start: Date; latitude: number; longitude: number }[]>`
		select occurred_start, latitude, longitude from events where id = ${row!.id}`;
	expect(stored?.occurred_start.toISOString()).toBe('2025-12-06T19:30:00.000Z');
	expect([stored?.latitude, stored?.longitude]).toEqual([25.76, -80.19]);

	const replaced = await call(request, 'PUT', '/api/v1/events/{id}', eventUrl, {
		headers: { ...json(editor), 'If-Match': `"${after.version}"` },
		data: {
			kind: 'statement',
			title: 'Spec statement',
			occurredStart: '2025-12-07T10:00:00Z',
			precision: 'day'
		}
	});
	expect(replaced.status()).toBe(200);
	expect(await replaced.json()).toMatchObject({
		kind: 'statement',
		latitude: null,
		timeZone: 'UTC'
	});

	const retitled = await call(request, 'PATCH', '/api/v1/events/{id}', eventUrl, {
		headers: { ...json(editor), 'If-Match': `"${after.version + 1}"` },
		data: { title: 'Spec statement, retitled' }
	});
	expect(retitled.status()).toBe(200);
	// Errors are documented too: a field the document does not name, a stale version, no If-Match.
	const refused = await request.patch(eventUrl, {
		headers: { ...editor, 'If-Match': `"${after.version + 2}"` },
		data: { start: '2025-12-06T10:00:00Z' }
	});
	expect(refused.status()).toBe(400);
	expect(await refused.json()).toMatchObject({ fields: { start: 'Not an editable field.' } });
	expect(await responseProblems(doc, 'PATCH', '/api/v1/events/{id}', refused)).toEqual([]);
	const stale = await call(request, 'PATCH', '/api/v1/events/{id}', eventUrl, {
		headers: { ...json(editor), 'If-Match': '"1"' },
		data: { title: 'Stale' }
	});
	expect(stale.status()).toBe(412);
	expect(
		(await call(request, 'DELETE', '/api/v1/events/{id}', eventUrl, { headers: editor })).status()
	).toBe(428);
});

test('articles, filing, suggestions and the token owner answer as documented', async ({
	request
}) => {
	const sent = await call(request, 'POST', '/api/v1/articles', '/api/v1/articles', {
		headers: json(contributor),
		data: {
			headline: `Spec ${run}: envoys meet again`,
			body: 'The envoys met again on Monday.',
			source: 'Spec Wire',
			publishedAt: '2025-12-08T09:00:00+02:00',
			url: `https://spec.example/${run}`
		}
	});
	expect(sent.status()).toBe(201);
	const article = (await sent.json()) as { id: number };
	const again = await call(request, 'POST', '/api/v1/articles', '/api/v1/articles', {
		headers: json(contributor),
		data: {
			headline: `Spec ${run}: envoys meet again`,
			body: 'The envoys met again on Monday.',
			source: 'Spec Wire',
			publishedAt: '2025-12-08T09:00:00+02:00',
			url: `https://spec.example/${run}`
		}
	});
	expect(again.status()).toBe(200);
	// What the document refuses (a headline over its maxLength), the server refuses too.
	const long = {
		headline: 'x'.repeat(501),
		body: 'b',
		source: 's',
		publishedAt: '2025-12-08T09:00:00Z'
	};
	expect(requestProblems(doc, 'POST', '/api/v1/articles', long)).not.toEqual([]);
	const tooLong = await request.post('/api/v1/articles', { headers: contributor, data: long });
	expect(tooLong.status()).toBe(400);
	expect(await tooLong.json()).toMatchObject({ fields: { headline: expect.any(String) } });
	expect(await responseProblems(doc, 'POST', '/api/v1/articles', tooLong)).toEqual([]);

	const [story] = await db<{ id: number }[]>`
		insert into stories (slug, title) values (${`spec-${run}-filing`}, 'Spec filing') returning id`;
	const suggestions = await call(
		request,
		'GET',
		'/api/v1/articles/{id}/story-suggestions',
		`/api/v1/articles/${article.id}/story-suggestions`,
		{ headers: contributor }
	);
	expect(suggestions.status()).toBe(200);
	await call(
		request,
		'GET',
		'/api/v1/articles/{id}/event-suggestions',
		`/api/v1/articles/${article.id}/event-suggestions`,
		{ headers: contributor }
	);
	const filed = await call(
		request,
		'POST',
		'/api/v1/stories/{id}/articles',
		`/api/v1/stories/${story!.id}/articles`,
		{
			headers: json(editor),
			data: { articleId: article.id, role: 'analysis' }
		}
	);
	expect(filed.status()).toBe(201);
	const rejected = await call(
		request,
		'POST',
		'/api/v1/articles/{id}/story-suggestions/rejections',
		`/api/v1/articles/${article.id}/story-suggestions/rejections`,
		{ headers: json(editor), data: { storyId: story!.id } }
	);
	// Rejecting a story the article is filed in is a field error: take it out of the story instead.
	expect(rejected.status()).toBe(400);
	// Refusals for who is asking are documented too.
	const anonymous = await call(request, 'POST', '/api/v1/stories', '/api/v1/stories', {
		data: { title: 'Nobody' }
	});
	expect(anonymous.status()).toBe(401);
	// A contributor may open a story (a draft readers do not see), but not delete one.
	const drafted = await call(request, 'POST', '/api/v1/stories', '/api/v1/stories', {
		headers: json(contributor),
		data: { title: 'Contributor' }
	});
	expect(drafted.status()).toBe(201);
	const draft = (await drafted.json()) as { id: number; publication: string };
	expect(draft.publication).toBe('draft');
	const lowRole = await call(
		request,
		'DELETE',
		'/api/v1/stories/{id}',
		`/api/v1/stories/${draft.id}`,
		{ headers: { ...contributor, 'If-Match': '"1"' } }
	);
	expect(lowRole.status()).toBe(403);
	await db`delete from stories where id = ${draft.id}`;
	const me = await call(request, 'GET', '/api/v1/me', '/api/v1/me', { headers: editor });
	expect(((await me.json()) as { role: string }).role).toBe('editor');
	await db`delete from articles where id = ${article.id}`;
});
