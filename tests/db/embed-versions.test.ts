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
	it('pins a version: later edits and new events do not show; events deleted since do not either', async () => {
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
		// "Delegations arrive" was published at the pinned revision but has been deleted since.
		expect(then?.events.map((event) => event.title)).toEqual(['Talks open']);
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

	it('names a pin by the version readers saw, not the revision count', async () => {
		const story = await createStory(db.sql, { title: 'Summit' });
		await createEvent(db.sql, story.id, { title: 'Leaders arrive' });
		const draft = await createEvent(db.sql, story.id, { title: 'Draft', status: 'draft' });
		await db.sql`update events set title = 'Draft, edited' where id = ${draft.id}`;
		await createEvent(db.sql, story.id, { title: 'Communiqué' });
		const pinned = await embeds.latestRevision(story.id, db.sql);
		// Story, event, draft, draft edit, event: five revisions, three that readers saw.
		const data = await embeds.getForEmbed(story.slug, pinned, db.sql);
		expect(data?.pinned?.version).toBe(3);
		expect(data?.pinned?.revision).toBe(pinned);
		expect(data?.pinned?.publishedAt).toBeInstanceOf(Date);
		expect((await embeds.getForEmbed(story.slug, null, db.sql))?.pinned).toBeNull();
	});

	it('an event published only after the pinned revision is not in it', async () => {
		const story = await createStory(db.sql);
		const later = await createEvent(db.sql, story.id, { title: 'Held back', status: 'draft' });
		const pinned = await embeds.latestRevision(story.id, db.sql);
		await db.sql`update events set status = 'published' where id = ${later.id}`;

		expect((await embeds.getForEmbed(story.slug, pinned, db.sql))?.events).toEqual([]);
		expect((await embeds.getForEmbed(story.slug, null, db.sql))?.events).toHaveLength(1);
	});

	it('a revision at which the story was a draft is not shown: the embargoed title stays hidden', async () => {
		const story = await createStory(db.sql, {
			title: 'Embargoed: minister resigns',
			publication: 'draft'
		});
		await createEvent(db.sql, story.id, { title: 'Resignation letter sent' });
		const embargoed = await embeds.latestRevision(story.id, db.sql);
		await db.sql`update stories set title = 'Minister resigns', publication = 'published',
			published_at = now(), version = version + 1 where id = ${story.id}`;
		const published = await embeds.latestRevision(story.id, db.sql);

		for (let version = 1; version <= embargoed; version += 1)
			expect(await embeds.getForEmbed(story.slug, version, db.sql)).toBeUndefined();
		const now = await embeds.getForEmbed(story.slug, published, db.sql);
		expect(now?.story.title).toBe('Minister resigns');
		expect(now?.events.map((event) => event.title)).toEqual(['Resignation letter sent']);
	});

	it('a story deleted at a revision is not shown at it, nor are events that were drafts then', async () => {
		const story = await createStory(db.sql, { title: 'Flood' });
		const event = await createEvent(db.sql, story.id, { title: 'River rises', status: 'draft' });
		const draftThen = await embeds.latestRevision(story.id, db.sql);
		await db.sql`update events set status = 'published', version = version + 1 where id = ${event.id}`;
		await db.sql`update stories set deleted_at = now() where id = ${story.id}`;
		const deletedThen = await embeds.latestRevision(story.id, db.sql);
		await db.sql`update stories set deleted_at = null where id = ${story.id}`;

		expect((await embeds.getForEmbed(story.slug, draftThen, db.sql))?.events).toEqual([]);
		expect(await embeds.getForEmbed(story.slug, deletedThen, db.sql)).toBeUndefined();
		const live = await embeds.getForEmbed(story.slug, null, db.sql);
		expect(live?.events.map((e) => e.title)).toEqual(['River rises']);
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

describe('the embed’s language', () => {
	// Last in the file: it adds the column when the schema does not have it yet.
	it('is the story’s where the schema has a language column, and nothing breaks without one', async () => {
		const story = await createStory(db.sql);
		const [column] = await db.sql`select 1 from information_schema.columns
			where table_name = 'stories' and column_name = 'language'`;
		if (!column) {
			expect((await embeds.getForEmbed(story.slug, null, db.sql))?.story.language).toBeNull();
			await db.sql`alter table stories add column language text`;
		}
		await db.sql`update stories set language = 'uk' where id = ${story.id}`;
		expect((await embeds.getForEmbed(story.slug, null, db.sql))?.story.language).toBe('uk');
	});
});
