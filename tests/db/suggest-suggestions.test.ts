import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import * as articles from '../../src/lib/server/db/articles';
import * as events from '../../src/lib/server/db/events';
import * as suggestions from '../../src/lib/server/db/suggestions';
import { analyseArticle } from '../../src/lib/server/suggest/analyse';
import { suggestStories } from '../../src/lib/server/suggest/suggest';
import { suggestEvents } from '../../src/lib/server/suggest/event-suggestions';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db?.drop();
});

let seq = 0;
async function ingest(headline: string, body: string, publishedAt: string) {
	seq += 1;
	return db.sql.begin(async (tx) => {
		const article = await articles.create(
			{ source: `Wire ${seq}`, headline, body, publishedAt: new Date(publishedAt) },
			tx
		);
		await analyseArticle(article.id, tx);
		return article;
	});
}

async function storyWith(title: string, articleIds: number[]) {
	const story = await suggestions.createDraftStory({ title }, db.sql);
	for (const articleId of articleIds)
		await suggestions.fileArticle({ storyId: story.id, articleId, decidedBy: null }, db.sql);
	return story;
}

describe('story suggestions on a real database', () => {
	let talks: { id: number; slug: string };
	let port: { id: number };
	let followUp: { id: number };

	beforeAll(async () => {
		const a = await ingest(
			'Envoy Daniel Marsh Opens Ceasefire Talks in Geneva',
			'US envoy Daniel Marsh met Ukrainian negotiator Oksana Vereshchak in Geneva on Sunday to discuss a ceasefire plan.',
			'2026-01-04T10:00:00Z'
		);
		const b = await ingest(
			'Dockworkers Strike at the Port of Miami',
			'Union leader Carla Mendez said dockworkers at the Port of Miami walked out over automated cranes.',
			'2026-01-05T10:00:00Z'
		);
		talks = await storyWith('Geneva ceasefire talks', [a.id]);
		port = await storyWith('Miami port strike', [b.id]);
		followUp = await ingest(
			'Geneva Ceasefire Talks Enter Second Round',
			'Daniel Marsh and Oksana Vereshchak met again in Geneva on Tuesday; the ceasefire plan is still disputed.',
			'2026-01-06T10:00:00Z'
		);
	});

	it('stores the article’s entities when it is analysed', async () => {
		const rows = await db.sql<{ name: string; mentions: number }[]>`
			select e.name, ae.mentions from article_entities ae join entities e on e.id = ae.entity_id
			where ae.article_id = ${followUp.id} order by e.name
		`;
		expect(rows.map((r) => r.name)).toEqual(['Daniel Marsh', 'Geneva', 'Oksana Vereshchak']);
	});

	it('ranks the story the article continues first, with reasons, and advises no new story', async () => {
		const result = await suggestStories(followUp.id, {}, db.sql);
		expect(result?.suggestions[0]).toMatchObject({ storyId: talks.id, slug: talks.slug });
		expect(result?.suggestions[0]?.reasons[0]).toBe('shares Marsh, Vereshchak, Geneva');
		expect(result?.suggestions[0]?.reasons[1]).toBe(
			'continues ‘Geneva ceasefire talks’ two days after the last update'
		);
		expect(result?.newStory.recommended).toBe(false);
		expect(result?.suggestions.some((s) => s.storyId === port.id)).toBe(false);
	});

	it('recommends a new story for an article unlike any story', async () => {
		const art = await ingest(
			'Coral Recovers on the Reef',
			'Marine scientist Nadia Okafor said coral cover had grown after two cool summers.',
			'2026-01-07T10:00:00Z'
		);
		const result = await suggestStories(art.id, {}, db.sql);
		expect(result?.newStory.recommended).toBe(true);
	});

	it('never proposes a rejected story again, and keeps who rejected it', async () => {
		const [editor] = await db.sql<{ id: number }[]>`
			insert into users (email, display_name, role, password_hash)
			values ('rejecter@example.test', 'Rejecter', 'editor', 'x') returning id
		`;
		expect(
			await suggestions.rejectSuggestion(
				{ storyId: talks.id, articleId: followUp.id, decidedBy: editor!.id },
				db.sql
			)
		).toBe(true);
		const result = await suggestStories(followUp.id, {}, db.sql);
		expect(result?.suggestions.some((s) => s.storyId === talks.id)).toBe(false);
		const [link] = await db.sql<{ state: string; decidedBy: number }[]>`
			select state, decided_by from story_articles
			where story_id = ${talks.id} and article_id = ${followUp.id}
		`;
		expect(link).toEqual({ state: 'rejected', decidedBy: editor!.id });
	});

	it('files an article once: accepted, at the end of the thread, then "already filed"', async () => {
		const outcome = await suggestions.fileArticle(
			{
				storyId: talks.id,
				articleId: followUp.id,
				decidedBy: null,
				score: 0.8,
				reasons: ['shares Marsh']
			},
			db.sql
		);
		expect(outcome).toBe('filed');
		const [link] = await db.sql<
			{ state: string; position: number; score: number; reasons: string[] }[]
		>`
			select state, position, score, reasons from story_articles
			where story_id = ${talks.id} and article_id = ${followUp.id}
		`;
		expect(link).toMatchObject({ state: 'accepted', position: 2, reasons: ['shares Marsh'] });
		expect(link?.score).toBeCloseTo(0.8);
		expect(
			await suggestions.fileArticle(
				{ storyId: talks.id, articleId: followUp.id, decidedBy: null },
				db.sql
			)
		).toBe('already_filed');
		expect(
			await suggestions.fileArticle(
				{ storyId: 999_999, articleId: followUp.id, decidedBy: null },
				db.sql
			)
		).toBe('not_found');
		const unfiled = await suggestions.listUnfiled(50, db.sql);
		expect(unfiled.some((a) => a.id === followUp.id)).toBe(false);
	});
});

describe('draft stories', () => {
	it('makes a unique slug from the title', async () => {
		const first = await suggestions.createDraftStory({ title: 'Kharkiv Power Cuts!' }, db.sql);
		const second = await suggestions.createDraftStory({ title: 'Kharkiv power cuts' }, db.sql);
		expect(first).toMatchObject({ slug: 'kharkiv-power-cuts', publication: 'draft' });
		expect(second.slug).toBe('kharkiv-power-cuts-2');
	});
});

describe('event proposals', () => {
	it('match an existing event of the story and disappear once decided', async () => {
		const article = await ingest(
			'Talks Resume in Geneva',
			'Daniel Marsh met Oksana Vereshchak in Geneva on Monday for a third round of talks.',
			'2026-01-13T18:00:00Z'
		);
		const story = await storyWith('Geneva round three', [article.id]);
		const existing = await events.create(
			{
				storyId: story.id,
				kind: 'meeting',
				title: 'Third round of Geneva talks',
				occurredStart: new Date('2026-01-11T23:00:00Z'), // Mon 12 Jan, 00:00 Geneva
				precision: 'day',
				timeZone: 'Europe/Zurich'
			},
			db.sql
		);
		const [proposal] = (await suggestEvents(article.id, db.sql)) ?? [];
		expect(proposal).toMatchObject({
			kind: 'meeting',
			place: 'Geneva',
			matchesEventId: existing.id
		});
		await suggestions.recordProposalDecision(
			{
				articleId: article.id,
				fingerprint: proposal!.fingerprint,
				decision: 'rejected',
				eventId: null,
				decidedBy: null
			},
			db.sql
		);
		expect(await suggestEvents(article.id, db.sql)).toEqual([]);
	});
});
