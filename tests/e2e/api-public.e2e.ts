import { expect, test, type APIRequestContext } from '@playwright/test';
import { checkDocumentSchemas, validate } from '../support/json-schema';
import { e2eDatabase } from '../support/e2e-database';

type Doc = Record<string, unknown> & { paths: Record<string, Record<string, Operation>> };
interface Operation {
	responses: Record<
		string,
		{ content?: { 'application/json'?: { schema: Record<string, unknown> } } }
	>;
}

let doc: Doc;

test.beforeAll(async ({ request }) => {
	const response = await request.get('/api/v1/openapi.json');
	expect(response.status()).toBe(200);
	doc = (await response.json()) as Doc;
});

/** GETs the path and checks the body against the document's schema for that operation. */
async function getValid(request: APIRequestContext, template: string, url: string, status = 200) {
	const response = await request.get(url);
	expect(response.status(), url).toBe(status);
	const schema =
		doc.paths[template]?.get?.responses[String(status)]?.content?.['application/json']?.schema;
	expect(schema, `${template} ${status} has a schema`).toBeTruthy();
	const body: unknown = await response.json();
	expect(validate(doc, schema ?? {}, body)).toEqual([]);
	return { response, body: body as Record<string, unknown> & { items: Record<string, unknown>[] } };
}

test('the document is OpenAPI 3.1, describes every endpoint and uses only checked keywords', () => {
	expect(doc.openapi).toBe('3.1.0');
	const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
		Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)
	);
	expect(operations).toEqual(
		expect.arrayContaining([
			'GET /api/v1/stories',
			'POST /api/v1/stories',
			'GET /api/v1/stories/{id}',
			'PATCH /api/v1/stories/{id}',
			'PUT /api/v1/stories/{id}',
			'DELETE /api/v1/stories/{id}',
			'GET /api/v1/events',
			'GET /api/v1/events/{id}',
			'PATCH /api/v1/events/{id}',
			'PUT /api/v1/events/{id}',
			'DELETE /api/v1/events/{id}',
			'GET /api/v1/articles',
			'POST /api/v1/articles',
			'GET /api/v1/articles/{id}',
			'GET /api/v1/articles/{id}/story-suggestions',
			'GET /api/v1/articles/{id}/event-suggestions',
			'POST /api/v1/stories/{id}/articles',
			'POST /api/v1/import/timelinejs',
			'GET /api/v1/me'
		])
	);
	expect(checkDocumentSchemas(doc)).toEqual([]);
});

test('the read endpoints answer as the document says', async ({ request }) => {
	const stories = await getValid(request, '/api/v1/stories', '/api/v1/stories?limit=5&unknown=1');
	const demo = stories.body.items.find((s) => s.slug === 'russia-ukraine-peace-talks');
	expect(demo).toBeTruthy();

	const bySlug = await getValid(
		request,
		'/api/v1/stories/{id}',
		'/api/v1/stories/russia-ukraine-peace-talks'
	);
	const byId = await getValid(
		request,
		'/api/v1/stories/{id}',
		`/api/v1/stories/${String(demo?.id)}`
	);
	expect(byId.body).toEqual(bySlug.body);
	// The row's version, then the story's revision: an event change changes the ETag too.
	expect(bySlug.response.headers()['etag']).toMatch(
		new RegExp(`^"${String(bySlug.body.version)}-r\\d+"$`)
	);
	const events = bySlug.body.events as {
		title: string;
		start: { at: string; precision: string; timeZone: string };
	}[];
	expect(events.map((e) => e.title)).toContain('Miami talks, third day');
	expect(events[0]?.start.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);

	const list = await getValid(
		request,
		'/api/v1/events',
		`/api/v1/events?story=${String(demo?.id)}&limit=2`
	);
	expect(list.body.items).toHaveLength(2);
	expect(list.body.nextCursor).toEqual(expect.any(String));
	const next = await getValid(
		request,
		'/api/v1/events',
		`/api/v1/events?story=${String(demo?.id)}&limit=2&cursor=${String(list.body.nextCursor)}`
	);
	expect(next.body.items[0]?.id).not.toBe(list.body.items[0]?.id);
	const meetings = await getValid(
		request,
		'/api/v1/events',
		'/api/v1/events?kind=meeting&from=2025-12-01&to=2025-12-31T23:59:59Z'
	);
	expect(meetings.body.items.every((e) => e.kind === 'meeting')).toBe(true);
	expect(meetings.body.items.length).toBeGreaterThan(0);

	const one = await getValid(
		request,
		'/api/v1/events/{id}',
		`/api/v1/events/${String(list.body.items[0]?.id)}`
	);
	expect(one.response.headers()['etag']).toBe(`"${String(one.body.version)}"`);

	const articles = await getValid(request, '/api/v1/articles', '/api/v1/articles?limit=100');
	expect(articles.body.items.length).toBeGreaterThan(0);
	// The house's own copy (the demo desk) has its body; another outlet's is null (rights).
	const items = articles.body.items as { id: number; source: string }[];
	const own = items.find((item) => item.source === 'Throughline demo desk');
	const article = await getValid(request, '/api/v1/articles/{id}', `/api/v1/articles/${own?.id}`);
	expect(article.body).not.toHaveProperty('bodyRaw');
	expect(String(article.body.bodyHtml)).toContain('<p>');
	const other = items.find((item) => item.source === 'CRBC News');
	const closed = await getValid(request, '/api/v1/articles/{id}', `/api/v1/articles/${other?.id}`);
	expect(closed.body).toMatchObject({ fullTextPublic: false, bodyHtml: null });
});

test('bad values get 400 {error}; missing rows 404 {error}; limits are clamped', async ({
	request
}) => {
	for (const url of [
		'/api/v1/stories?limit=abc',
		'/api/v1/stories?status=open',
		'/api/v1/events?from=notadate',
		'/api/v1/events?kind=foo',
		'/api/v1/events?cursor=garbage',
		'/api/v1/articles?to=2025-13-45'
	]) {
		const response = await request.get(url);
		expect(response.status(), url).toBe(400);
		expect(validate(doc, { $ref: '#/components/schemas/Error' }, await response.json())).toEqual(
			[]
		);
	}
	const missing = await getValid(
		request,
		'/api/v1/stories/{id}',
		'/api/v1/stories/no-such-story',
		404
	);
	expect(missing.body.error).toMatch(/No published story/);
	const clamped = await getValid(request, '/api/v1/events', '/api/v1/events?limit=100000');
	expect(clamped.body.limit).toBe(100);
	expect((await getValid(request, '/api/v1/events', '/api/v1/events?limit=0')).body.limit).toBe(1);
});

test('reading is open to any origin; writes are not granted; ETags revalidate', async ({
	request
}) => {
	const get = await request.get('/api/v1/stories', {
		headers: { Origin: 'https://elsewhere.example' }
	});
	expect(get.headers()['access-control-allow-origin']).toBe('*');
	expect(get.headers()['access-control-allow-credentials']).toBeUndefined();

	const preflight = await request.fetch('/api/v1/events', {
		method: 'OPTIONS',
		headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' }
	});
	expect(preflight.status()).toBe(204);
	expect(preflight.headers()['access-control-allow-origin']).toBe('*');
	expect(preflight.headers()['access-control-allow-methods']).toContain('GET');

	const writePreflight = await request.fetch('/api/v1/stories', {
		method: 'OPTIONS',
		headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'POST' }
	});
	expect(writePreflight.headers()['access-control-allow-origin']).toBeUndefined();

	const story = await request.get('/api/v1/stories/russia-ukraine-peace-talks');
	const etag = story.headers()['etag'] ?? '';
	const again = await request.get('/api/v1/stories/russia-ukraine-peace-talks', {
		headers: { 'If-None-Match': etag }
	});
	expect(again.status()).toBe(304);

	// An edit to one of its events is a new answer: the old ETag no longer revalidates.
	const db = e2eDatabase();
	try {
		const [event] = await db<{ id: number; description: string }[]>`
			select e.id, e.description from events e join stories s on s.id = e.story_id
			where s.slug = 'russia-ukraine-peace-talks' and e.status = 'published'
			order by e.id limit 1`;
		await db`update events set description = ${`${event!.description} (edited)`}
			where id = ${event!.id}`;
		// Answers are kept for up to 2 s, then rebuilt: the new one arrives within seconds.
		await expect
			.poll(
				async () =>
					(
						await request.get('/api/v1/stories/russia-ukraine-peace-talks', {
							headers: { 'If-None-Match': etag }
						})
					).status(),
				{ timeout: 10_000 }
			)
			.toBe(200);
		await db`update events set description = ${event!.description} where id = ${event!.id}`;
	} finally {
		await db.end({ timeout: 5 });
	}
});
