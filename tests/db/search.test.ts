import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import * as articles from '../../src/lib/server/db/articles';
import * as sources from '../../src/lib/server/db/sources';
import * as stories from '../../src/lib/server/db/stories';
import {
	HIGHLIGHT_START as S,
	HIGHLIGHT_STOP as E,
	splitHighlights
} from '../../src/lib/format/search-text';
import { createArticle, createEvent, createStory, createStoryArticle } from '../factories';

let db: TestDatabase;
/** The story the article tests search in; each test adds its own articles with unique words. */
let talks: Awaited<ReturnType<typeof createStory>>;

beforeAll(async () => {
	db = await createTestDatabase();
	talks = await createStory(db.sql, {
		slug: 'peace-talks',
		title: 'Peace talks in Florida',
		summary: 'Envoys negotiate a ceasefire framework over several days.'
	});
	// The factory's outlet, opened: these tests are about body passages (rights: tests/db/rights).
	await sources.setFullTextPublic('Test Wire', true, null, db.sql);
});

afterAll(async () => {
	await db?.drop();
});

/** What a reader sees of a highlighted text: the words, with matches in [brackets]. */
const shown = (highlight: string) =>
	splitHighlights(highlight)
		.map((part) => (part.mark ? `[${part.text}]` : part.text))
		.join('');

describe('stories.search', () => {
	it('finds published stories by title or summary, title matches first, with marked words', async () => {
		const inSummary = await createStory(db.sql, {
			slug: 'summit-summary',
			title: 'Energy deal',
			summary: 'Leaders meet at a glacier summit to sign it.'
		});
		const inTitle = await createStory(db.sql, {
			slug: 'summit-title',
			title: 'Glacier summit',
			summary: 'Two days of meetings.'
		});
		await createStory(db.sql, { title: 'Glacier summit (draft)', publication: 'draft' });
		const removed = await createStory(db.sql, { title: 'Glacier summit (removed)' });
		await stories.remove(removed.id, db.sql);

		const found = await stories.search('glacier summits', db.sql);

		expect(found.map((story) => story.slug)).toEqual([inTitle.slug, inSummary.slug]);
		expect(shown(found[0]!.titleHighlight)).toBe('[Glacier] [summit]');
		expect(shown(found[1]!.summaryHighlight)).toBe(
			'Leaders meet at a [glacier] [summit] to sign it.'
		);
		expect(found[0]!.rank).toBeGreaterThan(found[1]!.rank);
	});

	it('searches nothing for an empty or blank query and finds nothing for stop words', async () => {
		expect(await stories.search('', db.sql)).toEqual([]);
		expect(await stories.search('   \n\t', db.sql)).toEqual([]);
		expect(await stories.search('the and of', db.sql)).toEqual([]);
	});
});

describe('articles.search', () => {
	it('finds articles of published stories only, ranked, with a headline and body passage', async () => {
		const inHeadline = await createStoryArticle(db.sql, talks.id, {
			headline: 'Negotiators reach Tallahassee',
			body: 'The delegations arrived on Sunday.'
		});
		const inBody = await createStoryArticle(db.sql, talks.id, {
			headline: 'Second day of talks',
			body: 'Early on Monday the envoys flew on to Tallahassee, where aides waited.'
		});
		const draftStory = await createStory(db.sql, { publication: 'draft' });
		await createStoryArticle(db.sql, draftStory.id, { headline: 'Tallahassee (draft story)' });
		await createStoryArticle(
			db.sql,
			talks.id,
			{ headline: 'Tallahassee (only suggested)' },
			{ state: 'suggested' }
		);
		await createArticle(db.sql, { headline: 'Tallahassee (in no story)' });

		const found = await articles.search('tallahassee', db.sql);

		expect(found.map((article) => article.id)).toEqual([inHeadline.id, inBody.id]);
		expect(found[0]).toMatchObject({ storySlug: 'peace-talks', storyTitle: talks.title });
		expect(shown(found[0]!.headlineHighlight)).toBe('Negotiators reach [Tallahassee]');
		expect(shown(found[1]!.snippet)).toContain('envoys flew on to [Tallahassee], where');
	});

	it('shows markup in a headline or body as text: only the matched words are marked', async () => {
		const payload = '<img src=x onerror=alert(1)>';
		await createStoryArticle(db.sql, talks.id, {
			headline: `${payload} Okeechobee meeting`,
			body: `Notes & quotes: "<b>Okeechobee</b>" it's called.`
		});

		const [found] = await articles.search('Okeechobee', db.sql);

		expect(found?.headlineHighlight).toBe(`${payload} ${S}Okeechobee${E} meeting`);
		expect(splitHighlights(found!.headlineHighlight)).toEqual([
			{ text: `${payload} `, mark: false },
			{ text: 'Okeechobee', mark: true },
			{ text: ' meeting', mark: false }
		]);
		// The body was stored escaped; the passage is the reader's text, decoded once (no "&amp;").
		// In passages ts_headline drops tag-like tokens, so what is left is words.
		expect(shown(found!.snippet)).toBe(`Notes & quotes: " [Okeechobee] " it's called`);
	});

	it('cuts a very long query to 200 characters instead of failing', async () => {
		await createStoryArticle(db.sql, talks.id, { headline: 'Kissimmee briefing' });
		const long = `Kissimmee ${'x'.repeat(400)}`;
		// The cut leaves a word that matches nothing; `websearch` ANDs words, so nothing matches.
		expect(await articles.search(long, db.sql)).toEqual([]);
		const padded = `Kissimmee${' '.repeat(400)}`;
		expect((await articles.search(padded, db.sql)).map((a) => a.headline)).toEqual([
			'Kissimmee briefing'
		]);
	});

	it('treats search syntax in the query as words, never as an error', async () => {
		await createStoryArticle(db.sql, talks.id, { headline: 'Pensacola statement' });
		for (const q of ["'); drop table articles; --", '!!! & | :* <->', '"unclosed', 'or -']) {
			await expect(articles.search(q, db.sql)).resolves.toEqual([]);
		}
		const found = await articles.search('"Pensacola statement" -Orlando', db.sql);
		expect(found.map((a) => a.headline)).toEqual(['Pensacola statement']);
		expect(await articles.search('the of and', db.sql)).toEqual([]);
	});
});

describe('stories.listDailyActivity', () => {
	it('counts published events per local day of the place, per story', async () => {
		const story = await createStory(db.sql);
		const other = await createStory(db.sql);
		// 22:30 UTC on 1 December is already 2 December in Moscow.
		await createEvent(db.sql, story.id, {
			occurredStart: new Date('2025-12-01T22:30:00Z'),
			timeZone: 'Europe/Moscow'
		});
		await createEvent(db.sql, story.id, { occurredStart: new Date('2025-12-02T00:00:00Z') });
		await createEvent(db.sql, story.id, { occurredStart: new Date('2025-12-04T00:00:00Z') });
		await createEvent(db.sql, story.id, {
			occurredStart: new Date('2025-12-05T00:00:00Z'),
			status: 'draft'
		});
		await createEvent(db.sql, other.id, { occurredStart: new Date('2025-12-09T00:00:00Z') });

		expect(await stories.listDailyActivity([story.id, other.id], db.sql)).toEqual([
			{ storyId: story.id, day: '2025-12-02', count: 2 },
			{ storyId: story.id, day: '2025-12-04', count: 1 },
			{ storyId: other.id, day: '2025-12-09', count: 1 }
		]);
		expect(await stories.listDailyActivity([], db.sql)).toEqual([]);
	});
});
