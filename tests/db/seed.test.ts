import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import * as articles from '../../src/lib/server/db/articles';
import * as events from '../../src/lib/server/db/events';
import * as stories from '../../src/lib/server/db/stories';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { crbcArticle, demoEvents } from '../../src/lib/server/seed/demo-story';
import { createStory } from '../factories';
import type { Sql } from '../../src/lib/server/db/client';
import type { TimelineEvent } from '../../src/lib/types';

const TABLES = [
	'stories',
	'articles',
	'story_articles',
	'events',
	'event_verifications',
	'event_sources',
	'event_relations',
	'entities',
	'event_entities',
	'article_entities'
] as const;

async function rowCounts(sql: Sql): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of TABLES) {
		const [row] = await sql<{ count: number }[]>`select count(*)::int as count from ${sql(table)}`;
		counts[table] = row?.count ?? 0;
	}
	return counts;
}

/** What a reader sees of the stored HTML: tags dropped, the five escapes undone. */
function readerText(html: string): string {
	return html
		.replace(/<br>/g, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}

/** The wall-clock time of an instant in a zone, as YYYY-MM-DDTHH:MM:SS. */
function localTime(instant: Date, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(instant);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

describe('the demo story, seeded into an empty database', () => {
	let db: TestDatabase;
	let timeline: TimelineEvent[];
	let storyId: number;

	beforeAll(async () => {
		db = await createTestDatabase();
		expect(await seedDemo(db.sql)).toEqual({ seeded: true });
		const story = await stories.getPublishedBySlug('russia-ukraine-peace-talks', db.sql);
		if (!story) throw new Error('the demo story is not published');
		storyId = story.id;
		timeline = await events.listForStory(storyId, { publishedOnly: true }, db.sql);
	});

	afterAll(async () => {
		await db?.drop();
	});

	it('is on the index as a developing story with its twelve events and four articles', async () => {
		const [story, ...others] = await stories.listPublished(db.sql);
		expect(others).toEqual([]);
		expect(story).toMatchObject({
			slug: 'russia-ukraine-peace-talks',
			title: 'Russia–Ukraine peace talks',
			status: 'developing',
			eventCount: 12,
			articleCount: 4,
			latestEventTitle: timeline.at(-1)?.title
		});
		expect(story?.summary.length).toBeGreaterThan(40);
	});

	it('threads the four articles in publication order, the three written ones marked demo', async () => {
		const thread = await articles.listForStory(storyId, db.sql);
		expect(thread.map((article) => [article.source, article.role, article.demo])).toEqual([
			['Throughline demo desk', 'first_report', true],
			['Throughline demo desk', 'follow_up', true],
			['Throughline demo desk', 'update', true],
			['CRBC News', 'update', false]
		]);
		const published = thread.map((article) => article.publishedAt.getTime());
		expect(published).toEqual([...published].sort((a, b) => a - b));
	});

	it('stores the CRBC document unchanged and shows its body without headline or page crumbs', async () => {
		const [row] = await db.sql<{ id: number; bodyRaw: string; dek: string }[]>`
			select id, body_raw, dek from articles where source = 'CRBC News'
		`;
		expect(row?.bodyRaw).toBe(
			readFileSync(
				new URL('../../src/lib/server/seed/crbc-miami-talks-day3.txt', import.meta.url),
				'utf8'
			)
		);
		const article = await articles.get(row?.id ?? 0, db.sql);
		expect(article).toMatchObject({
			headline: crbcArticle.headline,
			section: 'Conflict',
			publishedAt: crbcArticle.publishedAt
		});
		expect(article?.dek).toMatch(/^Ukrainian and US negotiators met for a third straight day/);
		const text = readerText(article?.bodyHtml ?? '');
		expect(text).not.toContain('Similar Articles');
		expect(text).not.toContain('Miami Talks Enter Third Day');
		expect(text).not.toContain(article?.dek ?? '');
		expect(text).toMatch(/^US and Ukraine Meet for Third Day in Miami/);
		expect(text).toMatch(/depend on Moscow’s response\.$/);
	});

	it('gives every event at least one source whose body quotes the evidence verbatim', async () => {
		expect(timeline).toHaveLength(demoEvents.length);
		const sources = await db.sql<
			{ title: string; evidence: string; bodyHtml: string; bodyRaw: string }[]
		>`
			select e.title, es.evidence, a.body_html, a.body_raw
			from event_sources es
			join events e on e.id = es.event_id
			join articles a on a.id = es.article_id
		`;
		expect(sources.length).toBeGreaterThanOrEqual(timeline.length);
		for (const event of timeline) expect(event.sources.length, event.title).toBeGreaterThan(0);
		for (const source of sources) {
			expect(readerText(source.bodyHtml), source.title).toContain(source.evidence);
			expect(source.bodyRaw, source.title).toContain(source.evidence);
		}
	});

	it('dates each event as first reported by its earliest source', () => {
		for (const event of timeline) {
			const earliest = Math.min(...event.sources.map((source) => source.publishedAt.getTime()));
			expect(event.firstReportedAt?.getTime(), event.title).toBe(earliest);
		}
		const moscow = timeline.find((event) => event.title.includes('meet Putin in Moscow'));
		expect(moscow?.firstReportedAt).toEqual(new Date('2025-12-03T08:00:00Z'));
	});

	it('starts day-precision events at midnight where they happened, on the reported day', () => {
		const days = timeline
			.filter((event) => event.precision === 'day')
			.map((event) => [event.title, localTime(event.occurredStart, event.timeZone)]);
		for (const [title, local] of days) expect(local, title).toMatch(/T00:00:00$/);
		expect(Object.fromEntries(days)).toMatchObject({
			'Witkoff and Kushner meet Putin in Moscow': '2025-12-02T00:00:00',
			'Miami talks open': '2025-12-04T00:00:00',
			'Miami talks, second day': '2025-12-05T00:00:00',
			'Miami talks, third day': '2025-12-06T00:00:00',
			'Drone and missile attacks on the Kyiv region wound three': '2025-12-06T00:00:00',
			'Russia says it destroyed 116 Ukrainian drones overnight': '2025-12-06T00:00:00'
		});
	});

	it('gives every approximate event a window, and says in its description why', () => {
		const approximate = timeline.filter((event) => event.precision === 'approximate');
		expect(approximate.map((event) => event.title)).toEqual(
			expect.arrayContaining([
				'A US plan to end the war emerges',
				'US sanctions on Russian oil companies'
			])
		);
		for (const event of approximate) {
			expect(event.occurredEnd!.getTime(), event.title).toBeGreaterThan(
				event.occurredStart.getTime()
			);
			expect(event.description, event.title).toMatch(/approximate|does not date/);
		}
	});

	it('keeps the claims attributed: Kyiv’s governor reports, Russia’s ministry claims', () => {
		const byTitle = new Map(timeline.map((event) => [event.title, event]));
		expect(byTitle.get('Drone and missile attacks on the Kyiv region wound three')).toMatchObject({
			kind: 'battlefield',
			attribution: 'Kyiv regional governor Mykola Kalashnyk',
			verification: 'reported',
			timeZone: 'Europe/Kyiv'
		});
		expect(byTitle.get('Russia says it destroyed 116 Ukrainian drones overnight')).toMatchObject({
			kind: 'battlefield',
			attribution: "Russia's defence ministry",
			verification: 'claimed'
		});
		expect(byTitle.get('Miami talks, third day')).toMatchObject({
			placeName: 'Miami',
			latitude: 25.7617,
			longitude: -80.1918,
			timeZone: 'America/New_York'
		});
	});

	it('links the Miami days in sequence and the statements to what they belong to', async () => {
		const relations = await db.sql<{ from: string; relation: string; to: string }[]>`
			select f.title as from, r.relation, t.title as to
			from event_relations r
			join events f on f.id = r.from_event_id
			join events t on t.id = r.to_event_id
		`;
		expect(relations).toEqual(
			expect.arrayContaining([
				{ from: 'Miami talks, second day', relation: 'follows', to: 'Miami talks open' },
				{ from: 'Miami talks, third day', relation: 'follows', to: 'Miami talks, second day' },
				{
					from: 'Trump calls the Moscow meeting “reasonably good”',
					relation: 'responds_to',
					to: 'Witkoff and Kushner meet Putin in Moscow'
				},
				{
					from: 'Witkoff: real progress depends on Russia',
					relation: 'part_of',
					to: 'Miami talks, third day'
				}
			])
		);
	});

	it('names the people and places of each event', async () => {
		const rows = await db.sql<{ name: string; role: string }[]>`
			select en.name, ee.role
			from event_entities ee
			join entities en on en.id = ee.entity_id
			join events e on e.id = ee.event_id
			where e.title = 'Witkoff and Kushner meet Putin in Moscow'
		`;
		expect(rows).toEqual(
			expect.arrayContaining([
				{ name: 'Steve Witkoff', role: 'actor' },
				{ name: 'Jared Kushner', role: 'actor' },
				{ name: 'Vladimir Putin', role: 'actor' },
				{ name: 'Moscow', role: 'place' }
			])
		);
		const [mentions] = await db.sql<{ mentions: number }[]>`
			select ae.mentions
			from article_entities ae
			join entities en on en.id = ae.entity_id
			join articles a on a.id = ae.article_id
			where en.name = 'Jared Kushner' and a.source = 'CRBC News'
		`;
		expect(mentions?.mentions).toBe(5);
	});

	it('changes nothing when run a second time', async () => {
		const before = await rowCounts(db.sql);
		expect(await seedDemo(db.sql)).toEqual({
			seeded: false,
			reason: 'the database already has stories'
		});
		expect(await rowCounts(db.sql)).toEqual(before);
	});
});

describe('seeding a database that is not empty', () => {
	let db: TestDatabase;

	beforeAll(async () => {
		db = await createTestDatabase();
	});

	afterAll(async () => {
		await db?.drop();
	});

	it('leaves a newsroom’s own story, even a draft, and writes nothing', async () => {
		const own = await createStory(db.sql, { slug: 'our-own-story', publication: 'draft' });
		const before = await rowCounts(db.sql);

		expect(await seedDemo(db.sql)).toEqual({
			seeded: false,
			reason: 'the database already has stories'
		});

		expect(await rowCounts(db.sql)).toEqual(before);
		const [row] = await db.sql`select slug, title from stories`;
		expect(row).toEqual({ slug: own.slug, title: own.title });
	});
});

describe('two processes seeding at once', () => {
	it('write the demo story once', async () => {
		const db = await createTestDatabase();
		try {
			const results = await Promise.all([seedDemo(db.sql), seedDemo(db.sql)]);
			expect(results.map((result) => result.seeded).sort()).toEqual([false, true]);
			expect(await stories.count(db.sql)).toBe(1);
		} finally {
			await db.drop();
		}
	});
});
