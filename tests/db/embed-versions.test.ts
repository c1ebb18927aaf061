import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import * as embeds from '../../src/lib/server/db/embeds';
import * as events from '../../src/lib/server/db/events';
import { createEvent, createStory, createStoryArticle } from '../factories';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db?.drop();
});

describe('the story as an embed shows it', () => {
	it('pins a version: later edits, new events and deletions do not show', async () => {
		const story = await createStory(db.sql, { title: 'Talks' });
		const kept = await createEvent(db.sql, story.id, { title: 'Talks open' });
		const dropped = await createEvent(db.sql, story.id, { title: 'Delegations arrive' });
		await createEvent(db.sql, story.id, { title: 'A draft', status: 'draft' });
		const article = await createStoryArticle(db.sql, story.id, { headline: 'Report' });
		await events.addSource({ eventId: kept.id, articleId: article.id, evidence: 'quote' }, db.sql);
		const pinned = await embeds.latestRevision(story.id, db.sql);

		await db.sql`update events set title = 'Talks open (corrected)', version = version + 1
			where id = ${kept.id}`;
		await db.sql`update events set deleted_at = now() where id = ${dropped.id}`;
		await createEvent(db.sql, story.id, { title: 'Talks collapse' });
		await db.sql`update stories set title = 'Talks (renamed)' where id = ${story.id}`;

		const then = await embeds.getForEmbed(story.slug, pinned, db.sql);
		expect(then?.story.title).toBe('Talks');
		expect(then?.events.map((event) => event.title).sort()).toEqual([
			'Delegations arrive',
			'Talks open'
		]);
		expect(then?.revision).toBe(pinned);
		expect(then?.unknownVersion).toBe(false);
		// Dates come back as dates from the JSON snapshot; sources are today's.
		const open = then?.events.find((event) => event.id === kept.id);
		expect(open?.occurredStart).toEqual(kept.occurredStart);
		expect(open?.sources.map((source) => source.headline)).toEqual(['Report']);

		const now = await embeds.getForEmbed(story.slug, null, db.sql);
		expect(now?.story.title).toBe('Talks (renamed)');
		expect(now?.events.map((event) => event.title)).toEqual(
			expect.arrayContaining(['Talks open (corrected)', 'Talks collapse'])
		);
		expect(now?.events).toHaveLength(2);
		expect(now?.revision).toBeGreaterThan(pinned);
	});

	it('an event published only after the pinned revision is not in it', async () => {
		const story = await createStory(db.sql);
		const later = await createEvent(db.sql, story.id, { title: 'Held back', status: 'draft' });
		const pinned = await embeds.latestRevision(story.id, db.sql);
		await db.sql`update events set status = 'published' where id = ${later.id}`;

		expect((await embeds.getForEmbed(story.slug, pinned, db.sql))?.events).toEqual([]);
		expect((await embeds.getForEmbed(story.slug, null, db.sql))?.events).toHaveLength(1);
	});

	it('falls back to the latest for an unknown version, and hides unpublished stories', async () => {
		const story = await createStory(db.sql);
		await createEvent(db.sql, story.id, { title: 'Only event' });
		const data = await embeds.getForEmbed(story.slug, 9999, db.sql);
		expect(data?.unknownVersion).toBe(true);
		expect(data?.events.map((event) => event.title)).toEqual(['Only event']);

		const draft = await createStory(db.sql, { publication: 'draft' });
		expect(await embeds.getForEmbed(draft.slug, null, db.sql)).toBeUndefined();
		expect(await embeds.getForEmbed('no-such-story', 1, db.sql)).toBeUndefined();
	});
});
