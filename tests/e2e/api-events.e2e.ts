import { test, expect, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createApiToken, createUser } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

/** The desk API's event doors: creating in a story, and PATCHes that merge rather than revert. */
const db = e2eDatabase();
let auth: Record<string, string>;
const tag = () => randomBytes(4).toString('hex');
// Removed at the end: the other browser tests share the database (and its suggestions).
const made = { stories: [] as number[], articles: [] as number[] };

async function publishedStory(): Promise<number> {
	const [story] = await db<{ id: number }[]>`
		insert into stories (slug, title, publication, published_at)
		values (${`api-events-${tag()}`}, 'API events', 'published', now()) returning id`;
	made.stories.push(story!.id);
	return story!.id;
}

test.beforeAll(async () => {
	const editor = await createUser(db, { role: 'editor' });
	auth = { Authorization: `Bearer ${await createApiToken(db, editor.id)}` };
});

test.afterAll(async () => {
	await db`delete from stories where id = any(${made.stories}::int[])`;
	await db`delete from articles where id = any(${made.articles}::int[])`;
	await db.end({ timeout: 5 });
});

const EVERY_FIELD = {
	kind: 'statement',
	title: 'Envoy says talks will resume',
	description: 'Said at a press conference.\nNo date was given.',
	occurredStart: '2025-12-06T14:30:00.000Z',
	occurredEnd: '2025-12-06T15:00:00.000Z',
	precision: 'minute',
	timeZone: 'America/New_York',
	placeName: 'Miami',
	latitude: 25.7617,
	longitude: -80.1918,
	attribution: 'US State Department',
	verification: 'claimed',
	status: 'published'
};

async function create(request: APIRequestContext, storyId: number, body: object) {
	return request.post(`/api/v1/stories/${storyId}/events`, { headers: auth, data: body });
}

test('POST /api/v1/stories/{id}/events stores every field the desk form has', async ({
	request
}) => {
	const storyId = await publishedStory();
	const response = await create(request, storyId, EVERY_FIELD);
	expect(response.status()).toBe(201);
	expect(response.headers().etag).toBe('"1"');
	const body = (await response.json()) as Record<string, unknown> & { id: number };
	expect(response.headers().location).toBe(`/api/v1/events/${body.id}`);
	expect(body).toMatchObject({ ...EVERY_FIELD, storyId, version: 1 });

	const [row] = await db<Record<string, unknown>[]>`
		select kind, title, description, occurred_start, occurred_end, precision, time_zone,
			place_name, latitude, longitude, attribution, verification, status
		from events where id = ${body.id}`;
	expect(row).toEqual({
		kind: EVERY_FIELD.kind,
		title: EVERY_FIELD.title,
		description: EVERY_FIELD.description,
		occurred_start: new Date(EVERY_FIELD.occurredStart),
		occurred_end: new Date(EVERY_FIELD.occurredEnd),
		precision: EVERY_FIELD.precision,
		time_zone: EVERY_FIELD.timeZone,
		place_name: EVERY_FIELD.placeName,
		latitude: EVERY_FIELD.latitude,
		longitude: EVERY_FIELD.longitude,
		attribution: EVERY_FIELD.attribution,
		verification: EVERY_FIELD.verification,
		status: EVERY_FIELD.status
	});
	// Readers see it at once: it was created published.
	const read = await request.get(`/api/v1/events/${body.id}`);
	expect(read.status()).toBe(200);
	expect(await read.json()).toMatchObject({ title: EVERY_FIELD.title, verification: 'claimed' });
});

test('bad input is refused field by field and stores nothing', async ({ request }) => {
	const storyId = await publishedStory();
	const bad = await create(request, storyId, {
		...EVERY_FIELD,
		title: '',
		latitude: 200,
		occurredEnd: '2025-12-01T00:00:00Z'
	});
	expect(bad.status()).toBe(400);
	const { fields } = (await bad.json()) as { fields: Record<string, string> };
	expect(Object.keys(fields).sort()).toEqual(['latitude', 'occurredEnd', 'title']);
	const unknown = await create(request, storyId, { ...EVERY_FIELD, version: 7, id: 1 });
	expect(unknown.status()).toBe(400);
	expect(Object.keys(((await unknown.json()) as { fields: object }).fields).sort()).toEqual([
		'id',
		'version'
	]);
	const missing = await create(request, storyId, { title: 'Only a title' });
	expect(missing.status()).toBe(400);
	expect((await create(request, 999_999, EVERY_FIELD)).status()).toBe(404);
	const [count] = await db<{ n: number }[]>`
		select count(*)::int as n from events where story_id = ${storyId}`;
	expect(count!.n).toBe(0);
});

test('two PATCHes from the same version merge; the same field changed twice is 412', async ({
	request
}) => {
	const storyId = await publishedStory();
	const created = await create(request, storyId, { ...EVERY_FIELD, status: 'draft' });
	const { id } = (await created.json()) as { id: number };
	const patch = (data: object) =>
		request.patch(`/api/v1/events/${id}`, { headers: { ...auth, 'If-Match': '"1"' }, data });

	expect((await patch({ title: 'Retitled by one client' })).status()).toBe(200);
	const other = await patch({ attribution: 'Kremlin' });
	expect(other.status()).toBe(200);
	expect(other.headers().etag).toBe('"3"');
	expect(await other.json()).toMatchObject({
		title: 'Retitled by one client',
		attribution: 'Kremlin'
	});

	const clash = await patch({ title: 'Retitled by a third', placeName: 'Geneva' });
	expect(clash.status()).toBe(412);
	expect(clash.headers().etag).toBe('"3"');
	expect(await clash.json()).toMatchObject({ conflicts: ['title'] });
	const [row] = await db<{ title: string; place_name: string }[]>`
		select title, place_name from events where id = ${id}`;
	expect(row).toEqual({ title: 'Retitled by one client', place_name: 'Miami' });
});

test('event proposals over the API: a contributor accepts a draft; merging into a published event needs an editor', async ({
	request
}) => {
	const run = tag();
	const contributor = await createUser(db, { role: 'contributor' });
	const asContributor = { Authorization: `Bearer ${await createApiToken(db, contributor.id)}` };
	const storyId = await publishedStory();
	async function filedArticle(headline: string, body: string, publishedAt: string) {
		const posted = await request.post('/api/v1/articles', {
			headers: auth,
			data: {
				headline,
				body,
				source: 'Test Wire',
				url: `https://wire.example/${run}/${tag()}`,
				publishedAt,
				// Said, not guessed: a random tag in a two-line item can sway the guess.
				language: 'en'
			}
		});
		expect(posted.status()).toBe(201);
		const { id } = (await posted.json()) as { id: number };
		made.articles.push(id);
		const filed = await request.post(`/api/v1/stories/${storyId}/articles`, {
			headers: auth,
			data: { articleId: id, role: 'update' }
		});
		expect(filed.status()).toBe(201);
		return id;
	}
	const proposals = async (articleId: number) => {
		const response = await request.get(`/api/v1/articles/${articleId}/event-suggestions`, {
			headers: auth
		});
		return (
			(await response.json()) as { events: { fingerprint: string; matchesEventId?: number }[] }
		).events;
	};
	const decide = (articleId: number, headers: Record<string, string>, data: object) =>
		request.post(`/api/v1/articles/${articleId}/event-suggestions`, { headers, data });

	const first = await filedArticle(
		`Talks resume in Warsaw (${run})`,
		'Ines Calder met Tomasz Wrona in Warsaw on Monday for a third round of talks.',
		'2026-01-13T18:00:00Z'
	);
	const [proposal] = await proposals(first);
	const accepted = await decide(first, asContributor, {
		fingerprint: proposal!.fingerprint,
		decision: 'accept',
		title: `Third round in Warsaw (${run})`,
		kind: 'meeting',
		verification: 'reported',
		date: '2026-01-12'
	});
	expect(accepted.status()).toBe(201);
	const { id: eventId } = (await accepted.json()) as { id: number };
	const [draft] = await db<{ status: string; title: string }[]>`
		select status, title from events where id = ${eventId}`;
	expect(draft).toEqual({ status: 'draft', title: `Third round in Warsaw (${run})` });
	expect(
		(await decide(first, auth, { fingerprint: proposal!.fingerprint, decision: 'reject' })).status()
	).toBe(404);
	expect((await decide(first, auth, { decision: 'maybe' })).status()).toBe(400);

	const published = await request.patch(`/api/v1/events/${eventId}`, {
		headers: { ...auth, 'If-Match': '"1"' },
		data: { status: 'published' }
	});
	expect(published.status()).toBe(200);
	const second = await filedArticle(
		`Warsaw talks go on (${run})`,
		'Ines Calder met Tomasz Wrona in Warsaw on Monday, officials confirmed.',
		'2026-01-13T20:00:00Z'
	);
	const [match] = await proposals(second);
	expect(match?.matchesEventId).toBe(eventId);
	const merge = { fingerprint: match!.fingerprint, decision: 'merge' };
	expect((await decide(second, asContributor, merge)).status()).toBe(403);
	const merged = await decide(second, auth, merge);
	expect(merged.status()).toBe(200);
	expect(await merged.json()).toEqual({ id: eventId });
	const sources = await db<{ article_id: number }[]>`
		select article_id from event_sources where event_id = ${eventId} order by article_id`;
	expect(sources.map((row) => row.article_id)).toEqual([first, second].sort((a, b) => a - b));
	const audit = await db<{ action: string }[]>`
		select action from audit_log where entity_type = 'event' and entity_id = ${String(eventId)}`;
	expect(audit.map((row) => row.action)).toEqual(['event.published', 'event.source_added']);
});
