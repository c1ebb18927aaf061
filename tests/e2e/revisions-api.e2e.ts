import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { e2eDatabase } from '../support/e2e-database';
import { createApiToken, createUser } from '../support/desk-auth';
import { checkDocumentSchemas, validate } from '../support/json-schema';

/**
 * GET /api/v1/{stories|events}/{id}/revisions and POST …/revisions/{version}/restore over real
 * HTTP: staff only, If-Match with the current ETag, the same refusal for unknown ids as for
 * targets the role may not touch, and answers as the OpenAPI document describes them.
 */

type Doc = Record<string, unknown> & {
	paths: Record<string, Record<string, { responses: Record<string, Record<string, unknown>> }>>;
};

const db = e2eDatabase();
let doc: Doc;
let editor: string;
let contributor: string;

test.beforeAll(async ({ request }) => {
	doc = (await (await request.get('/api/v1/openapi.json')).json()) as Doc;
	const e = await createUser(db, { role: 'editor' });
	const c = await createUser(db, { role: 'contributor' });
	editor = await createApiToken(db, e.id);
	contributor = await createApiToken(db, c.id);
});

test.afterAll(async () => {
	await db.end({ timeout: 5 });
});

const bearer = (token: string, extra: Record<string, string> = {}) => ({
	authorization: `Bearer ${token}`,
	...extra
});

/** A published story with a published event in Moscow, then moved to Miami through the API. */
async function editedEvent(request: APIRequestContext) {
	const tag = randomBytes(4).toString('hex');
	const [story] = await db<{ id: number }[]>`
		insert into stories (slug, title, publication, published_at)
		values (${`api-restore-${tag}`}, ${`API restore ${tag}`}, 'published', now()) returning id`;
	const [event] = await db<{ id: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision, time_zone, place_name,
			status)
		values (${story!.id}, 'meeting', ${`Talks ${tag}`}, '2025-12-06T21:00:00Z', 'day',
			'Europe/Moscow', 'Moscow', 'published')
		returning id`;
	const patched = await request.patch(`/api/v1/events/${event!.id}`, {
		headers: bearer(editor, { 'if-match': '"1"' }),
		data: { placeName: 'Miami', timeZone: 'America/New_York' }
	});
	expect(patched.status()).toBe(200);
	return { storyId: story!.id, eventId: event!.id };
}

const schemaOf = (path: string, method: string, status: string) =>
	(doc.paths[path]?.[method]?.responses[status]?.content as Record<string, { schema: object }>)?.[
		'application/json'
	]?.schema as Record<string, unknown>;

test('the document describes both endpoints for stories and events', () => {
	for (const plural of ['stories', 'events']) {
		expect(doc.paths[`/api/v1/${plural}/{id}/revisions`]?.get).toBeTruthy();
		expect(doc.paths[`/api/v1/${plural}/{id}/revisions/{version}/restore`]?.post).toBeTruthy();
	}
	expect(checkDocumentSchemas(doc)).toEqual([]);
});

test('staff read an event’s revisions with the changed fields in words', async ({ request }) => {
	const { eventId } = await editedEvent(request);
	expect((await request.get(`/api/v1/events/${eventId}/revisions`)).status()).toBe(401);

	const response = await request.get(`/api/v1/events/${eventId}/revisions`, {
		headers: bearer(contributor)
	});
	expect(response.status()).toBe(200);
	expect(response.headers().etag).toBe('"2"');
	const body = (await response.json()) as {
		revisions: { version: number; author: string | null; changes: { label: string }[] }[];
	};
	expect(validate(doc, schemaOf('/api/v1/events/{id}/revisions', 'get', '200'), body)).toEqual([]);
	expect(body.revisions.map((r) => r.version)).toEqual([2, 1]);
	expect(body.revisions[0]?.author).toMatch(/^Editor /);
	expect(body.revisions[0]?.changes).toEqual([
		{
			field: 'date',
			label: 'Date',
			before: '7 December 2025 (Europe/Moscow)',
			after: '6 December 2025 (America/New_York)'
		},
		{ field: 'timeZone', label: 'Time zone', before: 'Europe/Moscow', after: 'America/New_York' },
		{ field: 'place', label: 'Place', before: 'Moscow', after: 'Miami' }
	]);

	const unknown = await request.get('/api/v1/events/987654321/revisions', {
		headers: bearer(contributor)
	});
	expect(unknown.status()).toBe(404);
});

test('restore needs the current ETag and answers the restored event with its new one', async ({
	request
}) => {
	const { eventId } = await editedEvent(request);
	const url = `/api/v1/events/${eventId}/revisions/1/restore`;
	expect((await request.post(url, { headers: { 'if-match': '"2"' } })).status()).toBe(401);
	expect((await request.post(url, { headers: bearer(editor) })).status()).toBe(428);

	const stale = await request.post(url, { headers: bearer(editor, { 'if-match': '"1"' }) });
	expect(stale.status()).toBe(412);
	expect(stale.headers().etag).toBe('"2"');

	const restored = await request.post(url, { headers: bearer(editor, { 'if-match': '"2"' }) });
	expect(restored.status()).toBe(200);
	expect(restored.headers().etag).toBe('"3"');
	const event = (await restored.json()) as Record<string, unknown>;
	expect(
		validate(doc, schemaOf('/api/v1/events/{id}/revisions/{version}/restore', 'post', '200'), event)
	).toEqual([]);
	expect(event).toMatchObject({
		id: eventId,
		version: 3,
		placeName: 'Moscow',
		timeZone: 'Europe/Moscow',
		occurredStart: '2025-12-06T21:00:00.000Z'
	});
	// What readers get now.
	const read = (await (await request.get(`/api/v1/events/${eventId}`)).json()) as {
		place: { name: string };
	};
	expect(read.place.name).toBe('Moscow');

	const noRevision = await request.post(`/api/v1/events/${eventId}/revisions/99/restore`, {
		headers: bearer(editor, { 'if-match': '"3"' })
	});
	expect(noRevision.status()).toBe(404);
});

test('a contributor is refused alike for a published event and an unknown id', async ({
	request
}) => {
	const { eventId } = await editedEvent(request);
	const known = await request.post(`/api/v1/events/${eventId}/revisions/1/restore`, {
		headers: bearer(contributor, { 'if-match': '"2"' })
	});
	const unknown = await request.post('/api/v1/events/987654321/revisions/1/restore', {
		headers: bearer(contributor, { 'if-match': '"2"' })
	});
	expect(known.status()).toBe(403);
	expect(unknown.status()).toBe(403);
	expect(await unknown.json()).toEqual(await known.json());
	const [row] = await db<{ place_name: string }[]>`
		select place_name from events where id = ${eventId}`;
	expect(row?.place_name).toBe('Miami');

	const forEditor = await request.post('/api/v1/events/987654321/revisions/1/restore', {
		headers: bearer(editor, { 'if-match': '"2"' })
	});
	expect(forEditor.status()).toBe(404);
});

test('a story’s revisions list and restore the same way', async ({ request }) => {
	const { storyId } = await editedEvent(request);
	const renamed = await request.patch(`/api/v1/stories/${storyId}`, {
		headers: bearer(editor, { 'if-match': '"1"' }),
		data: { title: 'A title we regret' }
	});
	expect(renamed.status()).toBe(200);
	const list = await request.get(`/api/v1/stories/${storyId}/revisions`, {
		headers: bearer(editor)
	});
	const body = (await list.json()) as { revisions: { version: number; changes: unknown[] }[] };
	expect(validate(doc, schemaOf('/api/v1/stories/{id}/revisions', 'get', '200'), body)).toEqual([]);
	expect(body.revisions[0]?.changes).toEqual([
		expect.objectContaining({ label: 'Title', after: 'A title we regret' })
	]);
	const restored = await request.post(`/api/v1/stories/${storyId}/revisions/1/restore`, {
		headers: bearer(editor, { 'if-match': '"2"' })
	});
	expect(restored.status()).toBe(200);
	expect(restored.headers().etag).toBe('"3"');
	expect(((await restored.json()) as { title: string }).title).toMatch(/^API restore /);
});
