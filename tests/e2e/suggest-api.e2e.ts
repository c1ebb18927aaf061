import { test, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createApiToken, createUser } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

// The suggestion endpoints over real HTTP, as a newsroom's own tools would call them: ingest an
// article that continues the demo story, ask which story it continues and which events it
// reports, reject and file it, and open a new story.
test.describe.configure({ timeout: 120_000 });

const SLUG = 'russia-ukraine-peace-talks';
let db: ReturnType<typeof e2eDatabase>;
let contributor: { authorization: string };
let editor: { authorization: string };
const run = randomBytes(4).toString('hex');
const created: number[] = [];

test.beforeAll(async () => {
	db = e2eDatabase();
	const c = await createUser(db, { role: 'contributor' });
	const e = await createUser(db, { role: 'editor' });
	contributor = { authorization: `Bearer ${await createApiToken(db, c.id)}` };
	editor = { authorization: `Bearer ${await createApiToken(db, e.id)}` };
});

test.afterAll(async () => {
	if (created.length) await db`delete from articles where id = any(${created})`;
	await db`delete from stories where slug like ${`api-opened-${run}%`}`;
	await db?.end({ timeout: 5 });
});

/** Ingests a follow-up to the Miami talks through the public ingest endpoint. */
async function ingestFollowUp(request: import('@playwright/test').APIRequestContext) {
	const response = await request.post('/api/v1/articles', {
		headers: contributor,
		data: {
			headline: `Witkoff and Umerov hold fourth day of Miami talks (${run})`,
			body:
				'US envoy Steve Witkoff and Jared Kushner met Ukraine’s Rustem Umerov in Miami on ' +
				'Sunday for a fourth straight day of talks on the peace plan. Russia’s defence ministry ' +
				'said on Sunday its air defences had destroyed 83 Ukrainian drones overnight.',
			source: 'Test Wire',
			url: `https://wire.example/${run}/miami-day-4`,
			publishedAt: '2025-12-21T18:00:00+02:00'
		}
	});
	// 201 the first time; the same article again is 200 with the same id.
	expect([200, 201]).toContain(response.status());
	const { id } = (await response.json()) as { id: number };
	if (!created.includes(id)) created.push(id);
	return id;
}

test('story suggestions rank the story the article continues first, with reasons', async ({
	request
}) => {
	const id = await ingestFollowUp(request);
	const anonymous = await request.get(`/api/v1/articles/${id}/story-suggestions`);
	expect(anonymous.status()).toBe(401);

	const response = await request.get(`/api/v1/articles/${id}/story-suggestions`, {
		headers: contributor
	});
	expect(response.status()).toBe(200);
	const body = (await response.json()) as {
		suggestions: {
			storyId: number;
			slug: string;
			title: string;
			score: number;
			reasons: string[];
		}[];
		newStory: { recommended: boolean; reason: string };
	};
	expect(body.suggestions[0]?.slug).toBe(SLUG);
	expect(body.suggestions[0]?.score).toBeGreaterThan(0);
	expect(body.suggestions[0]?.score).toBeLessThanOrEqual(1);
	expect(body.suggestions[0]?.reasons.join(' ')).toMatch(/Witkoff|Umerov|Kushner|Miami/);
	expect(body.newStory.recommended).toBe(false);
	expect(typeof body.newStory.reason).toBe('string');
});

test('event suggestions resolve the day and mark a side’s figure as claimed', async ({
	request
}) => {
	const id = await ingestFollowUp(request);
	const response = await request.get(`/api/v1/articles/${id}/event-suggestions`, {
		headers: contributor
	});
	expect(response.status()).toBe(200);
	const { events } = (await response.json()) as {
		events: {
			kind: string;
			title: string;
			start: string;
			precision: string;
			attribution: string | null;
			verification: string;
			evidence: string;
		}[];
	};
	const drones = events.find((event) => event.evidence.includes('83 Ukrainian drones'));
	expect(drones?.verification).toBe('claimed');
	expect(drones?.attribution ?? '').toMatch(/defence ministry/i);
	const meeting = events.find((event) => event.kind === 'meeting');
	// "on Sunday" against a Sunday 21 December publication: that same day.
	expect(meeting?.start.slice(0, 10)).toBe('2025-12-21');
});

test('rejecting a story stops it being proposed; filing needs an editor and is idempotent', async ({
	request
}) => {
	const [article] = await db<{ id: number }[]>`
		insert into articles (source, headline, body_html, body_raw, content_hash, published_at)
		values ('Test Wire', ${`Umerov and Witkoff talk again in Miami (${run})`},
			'<p>Talks in Miami.</p>', 'Talks in Miami.', encode(sha256(${run}::bytea), 'hex'),
			'2025-12-22T10:00:00Z')
		returning id`;
	created.push(article!.id);
	const [story] = await db<{ id: number }[]>`select id from stories where slug = ${SLUG}`;

	const reject = await request.post(
		`/api/v1/articles/${article!.id}/story-suggestions/rejections`,
		{
			headers: editor,
			data: { storyId: story!.id }
		}
	);
	expect(reject.status()).toBe(201);
	const after = await request.get(`/api/v1/articles/${article!.id}/story-suggestions`, {
		headers: contributor
	});
	const { suggestions } = (await after.json()) as { suggestions: { slug: string }[] };
	expect(suggestions.map((s) => s.slug)).not.toContain(SLUG);

	const byContributor = await request.post(`/api/v1/stories/${story!.id}/articles`, {
		headers: contributor,
		data: { articleId: article!.id }
	});
	expect(byContributor.status()).toBe(403);
	const filed = await request.post(`/api/v1/stories/${story!.id}/articles`, {
		headers: editor,
		data: { articleId: article!.id, role: 'follow_up' }
	});
	expect(filed.status()).toBe(201);
	const again = await request.post(`/api/v1/stories/${story!.id}/articles`, {
		headers: editor,
		data: { articleId: article!.id, role: 'follow_up' }
	});
	expect(again.status()).toBe(200);
	const [link] = await db<{ state: string; decided_by: number | null }[]>`
		select state, decided_by from story_articles
		where story_id = ${story!.id} and article_id = ${article!.id}`;
	expect(link?.state).toBe('accepted');
	expect(link?.decided_by).not.toBeNull();
	await db`delete from story_articles where story_id = ${story!.id} and article_id = ${article!.id}`;
});

test('an editor opens a new story over the API; bad input gets a JSON error', async ({
	request
}) => {
	const title = `API opened ${run}`;
	const created = await request.post('/api/v1/stories', {
		headers: editor,
		data: { title, summary: 'Opened by a test.' }
	});
	expect(created.status()).toBe(201);
	const story = (await created.json()) as { id: number; slug: string; title: string };
	expect(story.slug).toBe(`api-opened-${run}`);
	expect(story.title).toBe(title);

	const bad = await request.post('/api/v1/stories', { headers: editor, data: { title: '' } });
	expect(bad.status()).toBe(400);
	expect(((await bad.json()) as { error: string }).error).toBeTruthy();
	// A contributor may open a story too: it is a draft, which readers do not see.
	const byContributor = await request.post('/api/v1/stories', {
		headers: contributor,
		data: { title: `${title} again` }
	});
	expect(byContributor.status()).toBe(201);
	const draft = (await byContributor.json()) as { slug: string; publication: string };
	expect(draft.publication).toBe('draft');
	expect((await request.get(`/stories/${draft.slug}`)).status()).toBe(404);
});
