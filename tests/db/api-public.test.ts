import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { createArticle, createEvent, createStory, createStoryArticle } from '../factories/index';
import * as publicApi from '../../src/lib/server/db/public-api';
import * as stories from '../../src/lib/server/db/stories';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db.drop();
});

describe('public-api stories', () => {
	it('lists published stories only, newest first, pages by cursor and offset', async () => {
		const a = await createStory(db.sql, { title: 'Ceasefire talks in Geneva' });
		const b = await createStory(db.sql, { status: 'concluded' });
		const c = await createStory(db.sql);
		const draft = await createStory(db.sql, { publication: 'draft' });
		const gone = await createStory(db.sql);
		await stories.remove(gone.id, db.sql);

		const all = await publicApi.listStories({}, { limit: 100 }, db.sql);
		const ids = all.map((s) => s.id);
		expect(ids).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
		expect(ids).not.toContain(draft.id);
		expect(ids).not.toContain(gone.id);
		expect(ids).toEqual([...ids].sort((x, y) => y - x));

		const first = await publicApi.listStories({}, { limit: 1 }, db.sql);
		const next = await publicApi.listStories({}, { limit: 1, after: first[0]?.id }, db.sql);
		const byOffset = await publicApi.listStories({}, { limit: 1, offset: 1 }, db.sql);
		expect(next[0]?.id).toBe(ids[1]);
		expect(byOffset[0]?.id).toBe(ids[1]);

		const concluded = await publicApi.listStories({ status: 'concluded' }, { limit: 100 }, db.sql);
		expect(concluded.map((s) => s.id)).toContain(b.id);
		expect(concluded.every((s) => s.status === 'concluded')).toBe(true);
		const found = await publicApi.listStories({ q: 'geneva' }, { limit: 100 }, db.sql);
		expect(found.map((s) => s.id)).toEqual([a.id]);
	});

	it('finds a story by id or slug, counting only what readers see', async () => {
		const story = await createStory(db.sql);
		await createEvent(db.sql, story.id);
		await createEvent(db.sql, story.id, { status: 'draft' });
		await createStoryArticle(db.sql, story.id);
		await createStoryArticle(db.sql, story.id, {}, { state: 'suggested' });

		const byId = await publicApi.getStory(story.id, db.sql);
		const bySlug = await publicApi.getStory(story.slug, db.sql);
		expect(byId).toEqual(bySlug);
		expect(byId).toMatchObject({ eventCount: 1, articleCount: 1, version: 1 });
		const draft = await createStory(db.sql, { publication: 'draft' });
		expect(await publicApi.getStory(draft.id, db.sql)).toBeUndefined();
	});
});

describe('public-api events', () => {
	it('filters by story, kind, verification and time, hiding drafts and deleted ones', async () => {
		const story = await createStory(db.sql);
		const talks = await createEvent(db.sql, story.id, {
			kind: 'meeting',
			verification: 'confirmed',
			occurredStart: new Date('2025-12-06T00:00:00Z')
		});
		const claim = await createEvent(db.sql, story.id, {
			kind: 'statement',
			verification: 'claimed',
			occurredStart: new Date('2025-12-10T00:00:00Z')
		});
		await createEvent(db.sql, story.id, { status: 'draft' });
		const deleted = await createEvent(db.sql, story.id);
		await db.sql`update events set deleted_at = now() where id = ${deleted.id}`;
		const draftStory = await createStory(db.sql, { publication: 'draft' });
		const hidden = await createEvent(db.sql, draftStory.id);

		const list = await publicApi.listEvents({ storyId: story.id }, { limit: 100 }, db.sql);
		expect(list.map((e) => e.id)).toEqual([talks.id, claim.id]);
		expect(
			(
				await publicApi.listEvents(
					{ storySlug: story.slug, kind: 'statement' },
					{ limit: 9 },
					db.sql
				)
			).map((e) => e.id)
		).toEqual([claim.id]);
		expect(
			(
				await publicApi.listEvents(
					{ storyId: story.id, verification: 'confirmed' },
					{ limit: 9 },
					db.sql
				)
			).map((e) => e.id)
		).toEqual([talks.id]);
		const from = await publicApi.listEvents(
			{ storyId: story.id, from: new Date('2025-12-07T00:00:00Z') },
			{ limit: 9 },
			db.sql
		);
		expect(from.map((e) => e.id)).toEqual([claim.id]);
		const page2 = await publicApi.listEvents(
			{ storyId: story.id },
			{ limit: 9, after: [talks.occurredStart, talks.id] },
			db.sql
		);
		expect(page2.map((e) => e.id)).toEqual([claim.id]);
		expect(await publicApi.getEvent(hidden.id, db.sql)).toBeUndefined();
		expect(await publicApi.getEvent(deleted.id, db.sql)).toBeUndefined();
		expect((await publicApi.getEvent(talks.id, db.sql))?.storySlug).toBe(story.slug);
	});
});

describe('public-api articles', () => {
	it('lists only articles accepted into published stories, with their story ids', async () => {
		const story = await createStory(db.sql);
		const accepted = await createStoryArticle(db.sql, story.id);
		const suggested = await createStoryArticle(db.sql, story.id, {}, { state: 'suggested' });
		const loose = await createArticle(db.sql);
		const list = await publicApi.listArticles({ storyId: story.id }, { limit: 100 }, db.sql);
		expect(list.map((a) => a.id)).toEqual([accepted.id]);
		expect(list[0]?.storyIds).toEqual([story.id]);
		expect(list[0]).not.toHaveProperty('bodyRaw');
		expect(list[0]).not.toHaveProperty('bodyHtml');
		const all = await publicApi.listArticles({}, { limit: 100 }, db.sql);
		expect(all.map((a) => a.id)).not.toContain(suggested.id);
		expect(all.map((a) => a.id)).not.toContain(loose.id);
	});
});
