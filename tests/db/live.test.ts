import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import * as articles from '../../src/lib/server/db/articles';
import * as changes from '../../src/lib/server/db/changes';
import * as events from '../../src/lib/server/db/events';
import { createArticle, createEvent, createStory } from '../factories';

let db: TestDatabase;
/** Every story_changes notification this test file has received, parsed. */
const heard: Record<string, unknown>[] = [];
let unlisten: (() => Promise<void>) | undefined;

beforeAll(async () => {
	db = await createTestDatabase();
	({ unlisten } = await db.sql.listen('story_changes', (payload) => {
		heard.push(JSON.parse(payload) as Record<string, unknown>);
	}));
});

afterAll(async () => {
	await unlisten?.();
	await db?.drop();
});

/** Waits for the notification about change `id` (NOTIFY arrives after commit, asynchronously). */
async function notified(id: number): Promise<Record<string, unknown>> {
	for (let waited = 0; waited < 5000; waited += 20) {
		const found = heard.find((payload) => payload.id === id);
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error(`no notification for change ${id}`);
}

/** Gives NOTIFY time to arrive, then lists what was heard about a story. */
async function heardAbout(storyId: number): Promise<Record<string, unknown>[]> {
	await new Promise((resolve) => setTimeout(resolve, 300));
	return heard.filter((payload) => payload.storyId === storyId);
}

describe('story changes', () => {
	it('are silent for a draft event, and recorded and notified when it is published', async () => {
		const story = await createStory(db.sql);
		const draft = await createEvent(db.sql, story.id, { status: 'draft', title: 'Unchecked' });

		expect(await changes.since(story.id, 0, db.sql)).toEqual([]);
		expect(await heardAbout(story.id)).toEqual([]);

		await db.sql`update events set status = 'published' where id = ${draft.id}`;

		const [change, ...rest] = await changes.since(story.id, 0, db.sql);
		expect(rest).toEqual([]);
		expect(change).toMatchObject({
			storyId: story.id,
			kind: 'event',
			entityId: draft.id,
			change: 'published'
		});
		expect(await notified(change!.id)).toEqual({
			storyId: story.id,
			id: change!.id,
			kind: 'event',
			entityId: draft.id,
			change: 'published'
		});
		expect(await changes.latestId(story.id, db.sql)).toBe(change!.id);
	});

	it('record an event inserted as published', async () => {
		const story = await createStory(db.sql);
		const event = await createEvent(db.sql, story.id, { status: 'published' });

		const recorded = await changes.since(story.id, 0, db.sql);
		expect(recorded.map((c) => [c.kind, c.entityId, c.change])).toEqual([
			['event', event.id, 'published']
		]);
		await notified(recorded[0]!.id);
	});

	it('record a verification change on a published event as a correction', async () => {
		const story = await createStory(db.sql);
		const event = await createEvent(db.sql, story.id, { verification: 'claimed' });
		const before = await changes.latestId(story.id, db.sql);

		await events.setVerification(
			event.id,
			{ verification: 'disputed', attribution: 'Ukraine’s foreign ministry' },
			db.sql
		);

		const recorded = await changes.since(story.id, before, db.sql);
		expect(recorded.map((c) => [c.kind, c.entityId, c.change])).toEqual([
			['event', event.id, 'corrected']
		]);
		expect(await notified(recorded[0]!.id)).toMatchObject({ change: 'corrected' });
	});

	it('record an edit of a published event as an update, and ignore edits of drafts', async () => {
		const story = await createStory(db.sql);
		const published = await createEvent(db.sql, story.id);
		const draft = await createEvent(db.sql, story.id, { status: 'draft' });
		const before = await changes.latestId(story.id, db.sql);

		await db.sql`update events set title = 'Talks resume in Geneva' where id = ${published.id}`;
		await db.sql`update events set title = 'Still a draft' where id = ${draft.id}`;
		// Bookkeeping a reader cannot see is not news.
		await db.sql`update events set version = version + 1 where id = ${published.id}`;

		const recorded = await changes.since(story.id, before, db.sql);
		expect(recorded.map((c) => [c.entityId, c.change])).toEqual([[published.id, 'updated']]);
	});

	it('record an article when it is accepted into the story, not when it is suggested', async () => {
		const story = await createStory(db.sql);
		const article = await createArticle(db.sql);
		await articles.attachToStory(
			{ storyId: story.id, articleId: article.id, state: 'suggested' },
			db.sql
		);
		expect(await changes.since(story.id, 0, db.sql)).toEqual([]);

		await db.sql`
			update story_articles set state = 'accepted', decided_at = now()
			where story_id = ${story.id} and article_id = ${article.id}`;

		const recorded = await changes.since(story.id, 0, db.sql);
		expect(recorded.map((c) => [c.kind, c.entityId, c.change])).toEqual([
			['article', article.id, 'published']
		]);
		expect(await notified(recorded[0]!.id)).toMatchObject({ kind: 'article' });
	});

	it('notify only when the transaction commits', async () => {
		const story = await createStory(db.sql);

		await expect(
			db.sql.begin(async (tx) => {
				await events.create(
					{
						storyId: story.id,
						kind: 'policy',
						title: 'Sanctions eased',
						occurredStart: new Date('2025-12-08T00:00:00Z'),
						precision: 'day',
						status: 'published'
					},
					tx
				);
				throw new Error('editor cancelled');
			})
		).rejects.toThrow('editor cancelled');

		expect(await changes.since(story.id, 0, db.sql)).toEqual([]);
		expect(await heardAbout(story.id)).toEqual([]);
	});

	it('replay a story’s own changes in order after a given id', async () => {
		const story = await createStory(db.sql);
		const other = await createStory(db.sql);
		const first = await createEvent(db.sql, story.id);
		await createEvent(db.sql, other.id);
		const second = await createEvent(db.sql, story.id);
		const [firstChange] = await changes.since(story.id, 0, db.sql);

		const after = await changes.since(story.id, firstChange!.id, db.sql);

		expect(after.map((c) => c.entityId)).toEqual([second.id]);
		expect(first.id).toBe(firstChange!.entityId);
		expect(await changes.latestId(other.id + 1000, db.sql)).toBe(0);
	});
});
