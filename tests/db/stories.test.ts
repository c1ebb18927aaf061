import { PLAIN_EVENT } from '../../src/lib/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './harness';
import * as articles from '../../src/lib/server/db/articles';
import * as entities from '../../src/lib/server/db/entities';
import * as events from '../../src/lib/server/db/events';
import * as stories from '../../src/lib/server/db/stories';
import { createArticle, createEvent, createStory, createStoryArticle } from '../factories';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db?.drop();
});

describe('a story with its events and sources', () => {
	it('comes back from listForStory exactly as written, in time order, with sources', async () => {
		const story = await createStory(db.sql, { slug: 'round-trip' });
		const early = await createStoryArticle(db.sql, story.id, {
			source: 'Wire A',
			headline: 'Envoys meet in Moscow',
			url: 'https://example.com/moscow',
			body: 'Envoys met the president in Moscow on Tuesday.',
			publishedAt: new Date('2025-12-03T08:00:00Z')
		});
		const late = await createStoryArticle(db.sql, story.id, {
			source: 'Wire B',
			headline: 'Talks move to Miami',
			body: 'The Moscow meeting lasted five hours.',
			publishedAt: new Date('2025-12-06T18:30:00Z')
		});
		// Written out of order on purpose: the timeline must sort by when things happened.
		const miami = await events.create(
			{
				storyId: story.id,
				kind: 'meeting',
				title: 'Talks in Miami',
				description: 'Third day.',
				occurredStart: new Date('2025-12-06T05:00:00Z'),
				precision: 'day',
				timeZone: 'America/New_York',
				placeName: 'Miami',
				latitude: 25.7617,
				longitude: -80.1918,
				status: 'published'
			},
			db.sql
		);
		const moscow = await events.create(
			{
				storyId: story.id,
				kind: 'meeting',
				title: 'Meeting in Moscow',
				occurredStart: new Date('2025-12-01T21:00:00Z'),
				precision: 'day',
				timeZone: 'Europe/Moscow',
				attribution: 'Kremlin',
				verification: 'claimed',
				status: 'published'
			},
			db.sql
		);
		const draft = await createEvent(db.sql, story.id, {
			title: 'Not checked yet',
			status: 'draft',
			occurredStart: new Date('2025-12-02T00:00:00Z')
		});
		// Sources added latest-first: they must still come back in publication order.
		await events.addSource(
			{ eventId: moscow.id, articleId: late.id, evidence: 'lasted five hours' },
			db.sql
		);
		await events.addSource(
			{ eventId: moscow.id, articleId: early.id, evidence: 'met the president in Moscow' },
			db.sql
		);

		const timeline = await events.listForStory(story.id, { publishedOnly: true }, db.sql);

		expect(timeline).toEqual([
			{
				id: moscow.id,
				storyId: story.id,
				...PLAIN_EVENT,
				kind: 'meeting',
				title: 'Meeting in Moscow',
				description: '',
				occurredStart: new Date('2025-12-01T21:00:00Z'),
				occurredEnd: null,
				precision: 'day',
				timeZone: 'Europe/Moscow',
				placeName: null,
				latitude: null,
				longitude: null,
				// Moved back to the earliest source by addSource.
				firstReportedAt: new Date('2025-12-03T08:00:00Z'),
				attribution: 'Kremlin',
				verification: 'claimed',
				status: 'published',
				version: 1,
				sources: [
					{
						articleId: early.id,
						headline: 'Envoys meet in Moscow',
						source: 'Wire A',
						url: 'https://example.com/moscow',
						publishedAt: new Date('2025-12-03T08:00:00Z'),
						evidence: 'met the president in Moscow'
					},
					{
						articleId: late.id,
						headline: 'Talks move to Miami',
						source: 'Wire B',
						url: null,
						publishedAt: new Date('2025-12-06T18:30:00Z'),
						evidence: 'lasted five hours'
					}
				]
			},
			{ ...miami, sources: [] }
		]);
		expect(timeline[0]?.occurredStart).toBeInstanceOf(Date);
		expect(timeline[1]?.latitude).toBe(25.7617);

		const desk = await events.listForStory(story.id, { publishedOnly: false }, db.sql);
		expect(desk.map((event) => event.id)).toEqual([moscow.id, draft.id, miami.id]);
	});

	it('returns an empty timeline for a story without events', async () => {
		const story = await createStory(db.sql);
		expect(await events.listForStory(story.id, { publishedOnly: false }, db.sql)).toEqual([]);
	});

	it('keeps another story’s events off this story’s timeline', async () => {
		const mine = await createStory(db.sql);
		const other = await createStory(db.sql);
		await createEvent(db.sql, other.id, { title: 'Elsewhere' });
		const kept = await createEvent(db.sql, mine.id, { title: 'Here' });
		const timeline = await events.listForStory(mine.id, { publishedOnly: true }, db.sql);
		expect(timeline.map((event) => event.title)).toEqual([kept.title]);
	});

	it('relates two events once, however often the editor links them', async () => {
		const story = await createStory(db.sql);
		const first = await createEvent(db.sql, story.id);
		const second = await createEvent(db.sql, story.id);
		const relation = { fromEventId: second.id, toEventId: first.id, relation: 'follows' } as const;
		await events.relate(relation, db.sql);
		await events.relate(relation, db.sql);
		const rows =
			await db.sql`select relation from event_relations where from_event_id = ${second.id}`;
		expect(rows.map((row) => row.relation)).toEqual(['follows']);
	});
});

describe('stories.listPublished', () => {
	it('shows only published, not deleted stories, developing first, with reader-visible counts', async () => {
		const fresh = await createTestDatabase();
		try {
			const sql = fresh.sql;
			const concluded = await createStory(sql, { slug: 'concluded-one', status: 'concluded' });
			const developing = await createStory(sql, { slug: 'developing-one' });
			await createStory(sql, { slug: 'a-draft', publication: 'draft' });
			const deleted = await createStory(sql, { slug: 'deleted-one' });
			await stories.remove(deleted.id, sql);

			await createEvent(sql, developing.id, {
				title: 'Earlier',
				occurredStart: new Date('2025-12-01T00:00:00Z')
			});
			await createEvent(sql, developing.id, {
				title: 'Latest published',
				occurredStart: new Date('2025-12-05T00:00:00Z')
			});
			await createEvent(sql, developing.id, {
				title: 'Later but still a draft',
				occurredStart: new Date('2025-12-09T00:00:00Z'),
				status: 'draft'
			});
			await createStoryArticle(sql, developing.id);
			await createStoryArticle(sql, developing.id, {}, { state: 'suggested' });
			await createStoryArticle(sql, developing.id, {}, { state: 'rejected' });

			const listed = await stories.listPublished(sql);

			expect(listed.map((story) => story.slug)).toEqual(['developing-one', 'concluded-one']);
			const [first, second] = listed;
			expect(first).toMatchObject({
				id: developing.id,
				eventCount: 2,
				articleCount: 1,
				latestEventTitle: 'Latest published'
			});
			expect(first?.lastActivityAt).toBeInstanceOf(Date);
			expect(second).toMatchObject({
				id: concluded.id,
				eventCount: 0,
				articleCount: 0,
				latestEventTitle: null
			});
		} finally {
			await fresh.drop();
		}
	});

	it('orders stories of the same status by their latest activity', async () => {
		const fresh = await createTestDatabase();
		try {
			// The busy story is the older one: only its newer article can put it first.
			const busy = await createStory(fresh.sql, { slug: 'busy' });
			const quiet = await createStory(fresh.sql, { slug: 'quiet' });
			await createStoryArticle(fresh.sql, quiet.id, {
				publishedAt: new Date('2020-01-01T00:00:00Z')
			});
			await createStoryArticle(fresh.sql, busy.id, {
				publishedAt: new Date('2099-01-01T00:00:00Z')
			});
			const listed = await stories.listPublished(fresh.sql);
			expect(listed.map((story) => story.slug)).toEqual(['busy', 'quiet']);
		} finally {
			await fresh.drop();
		}
	});
});

describe('stories.getPublishedBySlug', () => {
	it('finds a published story and hides drafts and deleted ones', async () => {
		const published = await createStory(db.sql, { slug: 'readable' });
		await createStory(db.sql, { slug: 'unpublished', publication: 'draft' });
		const deleted = await createStory(db.sql, { slug: 'taken-down' });
		await stories.remove(deleted.id, db.sql);

		expect(await stories.getPublishedBySlug('readable', db.sql)).toEqual(published);
		expect(await stories.getPublishedBySlug('unpublished', db.sql)).toBeUndefined();
		expect(await stories.getPublishedBySlug('taken-down', db.sql)).toBeUndefined();
		expect(await stories.getPublishedBySlug('no-such-story', db.sql)).toBeUndefined();
	});

	it('stamps a story created as published with its publication time', async () => {
		const story = await createStory(db.sql, { publication: 'published' });
		expect(story.publishedAt).toBeInstanceOf(Date);
		const draft = await createStory(db.sql, { publication: 'draft' });
		expect(draft.publishedAt).toBeNull();
	});
});

describe('articles', () => {
	it('lists only accepted articles of the story, by position then publication', async () => {
		const story = await createStory(db.sql);
		const third = await createStoryArticle(
			db.sql,
			story.id,
			{ headline: 'Third', publishedAt: new Date('2025-12-01T00:00:00Z') },
			{ position: 2, role: 'follow_up' }
		);
		const second = await createStoryArticle(
			db.sql,
			story.id,
			{ headline: 'Second', publishedAt: new Date('2025-12-02T00:00:00Z') },
			{ position: 1 }
		);
		const first = await createStoryArticle(
			db.sql,
			story.id,
			{ headline: 'First', publishedAt: new Date('2025-12-01T00:00:00Z') },
			{ position: 1, role: 'first_report' }
		);
		await createStoryArticle(db.sql, story.id, { headline: 'Suggested' }, { state: 'suggested' });
		await createStoryArticle(db.sql, story.id, { headline: 'Rejected' }, { state: 'rejected' });

		const listed = await articles.listForStory(story.id, db.sql);

		expect(listed.map((article) => [article.id, article.role, article.position])).toEqual([
			[first.id, 'first_report', 1],
			[second.id, 'update', 1],
			[third.id, 'follow_up', 2]
		]);
		expect(listed[0]).not.toHaveProperty('bodyHtml');
	});

	it('stores the body as escaped paragraphs and keeps the original text', async () => {
		const article = await createArticle(db.sql, {
			headline: 'Markup in copy',
			body: 'Tom & Jerry <script>alert(1)</script>\n\n"Quoted" it\'s'
		});
		expect(article.bodyHtml).toBe(
			'<p>Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>&quot;Quoted&quot; it&#39;s</p>'
		);
		const [row] = await db.sql<{ bodyRaw: string; contentHash: string }[]>`
			select body_raw, content_hash from articles where id = ${article.id}
		`;
		expect(row?.bodyRaw).toBe('Tom & Jerry <script>alert(1)</script>\n\n"Quoted" it\'s');
		expect(row?.contentHash).toBe(
			createHash('sha256')
				.update('Markup in copy\nTom & Jerry <script>alert(1)</script>\n\n"Quoted" it\'s')
				.digest('hex')
		);
	});

	it('refuses the same article pasted again, even in another Unicode form', async () => {
		const composed = 'Caf\u00e9 talks resume';
		const decomposed = 'Cafe\u0301 talks resume';
		await createArticle(db.sql, { headline: composed, body: 'Same body.' });
		await expect(
			createArticle(db.sql, { headline: decomposed, body: 'Same body.' })
		).rejects.toMatchObject({ code: '23505', constraint_name: 'articles_content_hash_key' });
	});
});

describe('entities.upsert', () => {
	it('finds the same person whatever the case of the name, and merges aliases', async () => {
		const first = await entities.upsert(
			{ kind: 'person', name: 'Steve Witkoff', aliases: ['Witkoff'] },
			db.sql
		);
		const again = await entities.upsert(
			{ kind: 'person', name: 'steve witkoff', aliases: ['Steven Witkoff', 'Witkoff'] },
			db.sql
		);
		expect(again.id).toBe(first.id);
		expect(again.name).toBe('Steve Witkoff');
		expect(again.aliases).toEqual(['Witkoff', 'Steven Witkoff']);

		const place = await entities.upsert({ kind: 'place', name: 'Steve Witkoff' }, db.sql);
		expect(place.id).not.toBe(first.id);
		expect(place.aliases).toEqual([]);
	});

	it('links an entity to an event it takes part in', async () => {
		const story = await createStory(db.sql);
		const event = await createEvent(db.sql, story.id);
		const miami = await entities.upsert({ kind: 'place', name: 'Miami' }, db.sql);
		await entities.linkToEvent({ eventId: event.id, entityId: miami.id, role: 'place' }, db.sql);
		const linked = await entities.listForEvent(event.id, db.sql);
		expect(linked.map((entity) => [entity.name, entity.role])).toEqual([['Miami', 'place']]);
	});
});
