import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { createArticle, createEvent, createStory, createStoryArticle } from '../factories/index';
import * as articles from '../../src/lib/server/db/articles';
import * as events from '../../src/lib/server/db/events';
import * as sources from '../../src/lib/server/db/sources';
import * as stories from '../../src/lib/server/db/stories';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db.drop();
});

describe('articles.getPublic', () => {
	it('returns an article accepted into a published story, with its body', async () => {
		const story = await createStory(db.sql);
		const article = await createStoryArticle(db.sql, story.id, {
			source: 'House desk',
			body: 'Only <b>text</b>.'
		});
		await sources.setFullTextPublic('House desk', true, null, db.sql);

		const found = await articles.getPublic(article.id, db.sql);
		expect(found?.headline).toBe(article.headline);
		expect(found?.bodyHtml).toBe('<p>Only &lt;b&gt;text&lt;/b&gt;.</p>');
	});

	it('keeps private an article in a draft story, a suggestion, a deleted story or no story', async () => {
		const draft = await createStory(db.sql, { publication: 'draft' });
		const inDraft = await createStoryArticle(db.sql, draft.id);

		const published = await createStory(db.sql);
		const suggested = await createStoryArticle(db.sql, published.id, {}, { state: 'suggested' });
		const rejected = await createStoryArticle(db.sql, published.id, {}, { state: 'rejected' });

		const deleted = await createStory(db.sql);
		const inDeleted = await createStoryArticle(db.sql, deleted.id);
		await stories.remove(deleted.id, db.sql);

		const loose = await createArticle(db.sql);

		for (const article of [inDraft, suggested, rejected, inDeleted, loose]) {
			expect(await articles.getPublic(article.id, db.sql)).toBeUndefined();
		}
		expect(await articles.getPublic(2_000_000_000, db.sql)).toBeUndefined();
	});
});

describe('articles.neighbours', () => {
	it('gives the previous and next accepted article in the story order', async () => {
		const story = await createStory(db.sql);
		// Positions decide the order, not the order of insertion.
		const third = await createStoryArticle(db.sql, story.id, {}, { position: 3 });
		const first = await createStoryArticle(db.sql, story.id, {}, { position: 1 });
		const second = await createStoryArticle(db.sql, story.id, {}, { position: 2 });
		await createStoryArticle(db.sql, story.id, {}, { position: 2, state: 'suggested' });

		const [place] = await articles.neighbours(second.id, db.sql);
		expect(place).toMatchObject({ storySlug: story.slug, index: 2, total: 3 });
		expect(place?.previous?.headline).toBe(first.headline);
		expect(place?.next?.headline).toBe(third.headline);

		const [start] = await articles.neighbours(first.id, db.sql);
		expect(start?.previous).toBeNull();
		expect(start?.next?.id).toBe(second.id);
		const [end] = await articles.neighbours(third.id, db.sql);
		expect(end?.next).toBeNull();
	});

	it('lists each published story the article belongs to, and no draft story', async () => {
		const article = await createArticle(db.sql);
		const one = await createStory(db.sql, { title: 'One' });
		const two = await createStory(db.sql, { title: 'Two' });
		const draft = await createStory(db.sql, { publication: 'draft' });
		for (const story of [one, two, draft]) {
			await articles.attachToStory(
				{ storyId: story.id, articleId: article.id, state: 'accepted' },
				db.sql
			);
		}

		const places = await articles.neighbours(article.id, db.sql);
		expect(places.map((place) => place.storyTitle).sort()).toEqual(['One', 'Two']);
		expect(places.every((place) => place.total === 1 && place.previous === null)).toBe(true);
	});
});

describe('events.listForArticle', () => {
	it('lists the published events the article reports, with all their sources', async () => {
		const story = await createStory(db.sql);
		const article = await createStoryArticle(db.sql, story.id);
		const other = await createStoryArticle(db.sql, story.id);
		const later = await createEvent(db.sql, story.id, {
			title: 'Later',
			occurredStart: new Date('2025-12-05T00:00:00Z')
		});
		const earlier = await createEvent(db.sql, story.id, {
			title: 'Earlier',
			occurredStart: new Date('2025-12-02T00:00:00Z')
		});
		const draft = await createEvent(db.sql, story.id, { status: 'draft' });
		const unrelated = await createEvent(db.sql, story.id);
		for (const event of [later, earlier, draft]) {
			await events.addSource(
				{ eventId: event.id, articleId: article.id, evidence: 'Quoted.' },
				db.sql
			);
		}
		await events.addSource({ eventId: later.id, articleId: other.id, evidence: 'Also.' }, db.sql);
		await events.addSource(
			{ eventId: unrelated.id, articleId: other.id, evidence: 'Not ours.' },
			db.sql
		);

		const list = await events.listForArticle(article.id, db.sql);
		expect(list.map((event) => event.title)).toEqual(['Earlier', 'Later']);
		expect(list[0]?.storySlug).toBe(story.slug);
		expect(list[1]?.sources.map((source) => source.evidence).sort()).toEqual(['Also.', 'Quoted.']);
	});

	it('shows nothing from a draft story', async () => {
		const draft = await createStory(db.sql, { publication: 'draft' });
		const article = await createStoryArticle(db.sql, draft.id);
		const event = await createEvent(db.sql, draft.id);
		await events.addSource(
			{ eventId: event.id, articleId: article.id, evidence: 'Quoted.' },
			db.sql
		);

		expect(await events.listForArticle(article.id, db.sql)).toEqual([]);
	});
});
