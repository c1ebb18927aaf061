import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import * as articles from '../../src/lib/server/db/articles';
import * as deskStories from '../../src/lib/server/db/desk-stories';
import * as suggestions from '../../src/lib/server/db/suggestions';
import * as commands from '../../src/lib/server/newsroom/articles';
import type { Actor } from '../../src/lib/server/newsroom/actor';
import { importTimelineJson } from '../../src/lib/timelinejs/import';
import type { Role } from '../../src/lib/types';
import { createArticle, createStory, createStoryArticle, createUser } from '../factories';

let db: TestDatabase;
const staff = {} as Record<Role, Actor>;

beforeAll(async () => {
	db = await createTestDatabase();
	for (const role of ['contributor', 'editor', 'admin'] as const) {
		const user = await createUser(db.sql, { role });
		staff[role] = { id: user.id, role, clientAddress: '192.0.2.1' };
	}
});

afterAll(async () => {
	await db?.drop();
});

describe('filing an article in a story as suggested', () => {
	it('needs an editor for a published story and keeps the article unseen when refused', async () => {
		const story = await createStory(db.sql, { publication: 'published', title: 'Dam talks' });
		await createStoryArticle(db.sql, story.id, { headline: 'Dam talks open in Vienna' });
		const article = await createArticle(db.sql, { headline: 'Dam talks resume in Vienna' });
		const input = { articleId: article.id, storyId: story.id };

		const refused = await commands.fileInStory(staff.contributor, input, db.sql);
		expect(refused.kind).toBe('forbidden');
		expect(await articles.getPublic(article.id, db.sql)).toBeUndefined();

		const filed = await commands.fileInStory(staff.editor, input, db.sql);
		expect(filed).toMatchObject({ kind: 'ok', value: { filed: true, storyTitle: 'Dam talks' } });
		expect((await articles.getPublic(article.id, db.sql))?.id).toBe(article.id);
		const again = await commands.fileInStory(staff.editor, input, db.sql);
		expect(again).toMatchObject({ kind: 'ok', value: { filed: false } });
	});

	it('lets a contributor file in a draft and reject a suggestion, never to be offered again', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		const other = await createStory(db.sql, { publication: 'published' });
		const article = await createArticle(db.sql);
		const c = staff.contributor;
		expect(
			(await commands.fileInStory(c, { articleId: article.id, storyId: story.id }, db.sql)).kind
		).toBe('ok');
		const rejected = await commands.rejectSuggestion(
			c,
			{ articleId: article.id, storyId: other.id },
			db.sql
		);
		expect(rejected.kind).toBe('ok');
		const [row] = await db.sql<{ state: string; decidedBy: number }[]>`
			select state, decided_by from story_articles
			where story_id = ${other.id} and article_id = ${article.id}`;
		expect(row).toEqual({ state: 'rejected', decidedBy: c.id });
		// Rejecting where it is filed is refused: take it out of the story instead.
		const filedThere = await commands.rejectSuggestion(
			c,
			{ articleId: article.id, storyId: story.id },
			db.sql
		);
		expect(filedThere.kind).toBe('invalid');
		expect((await suggestions.storiesOfArticle(article.id, db.sql)).map((s) => s.id)).toEqual([
			story.id
		]);
	});

	it('starts a draft story with the article as its first report, or stores nothing', async () => {
		const article = await createArticle(db.sql);
		const started = await commands.startStoryWith(
			staff.contributor,
			{ articleId: article.id, title: 'Grain corridor' },
			db.sql
		);
		expect(started.kind).toBe('ok');
		if (started.kind !== 'ok') return;
		const story = await deskStories.get(started.value.storyId, db.sql);
		expect(story).toMatchObject({ title: 'Grain corridor', publication: 'draft' });
		const [link] = await articles.listForStory(started.value.storyId, db.sql);
		expect(link).toMatchObject({ id: article.id, role: 'first_report' });

		const [before] = await db.sql<{ n: number }[]>`select count(*)::int as n from stories`;
		const gone = await commands.startStoryWith(
			staff.editor,
			{ articleId: 999_999, title: 'Nothing' },
			db.sql
		);
		expect(gone.kind).toBe('notFound');
		const untitled = await commands.startStoryWith(
			staff.editor,
			{ articleId: article.id, title: ' ' },
			db.sql
		);
		expect(untitled.kind).toBe('invalid');
		const [after] = await db.sql<{ n: number }[]>`select count(*)::int as n from stories`;
		expect(after?.n).toBe(before?.n);
	});
});

describe('importing a TimelineJS file', () => {
	it('makes a draft story for a contributor, with an audit entry naming them', async () => {
		const parsed = importTimelineJson({
			title: { text: { headline: 'Imported talks' } },
			events: [{ start_date: { year: 2025, month: 3 }, text: { headline: 'Round one' } }]
		});
		if (!parsed.ok) throw new Error(parsed.errors.join('; '));
		const result = await commands.importTimeline(staff.contributor, parsed, db.sql);
		expect(result).toMatchObject({ kind: 'ok', value: { slug: 'imported-talks', events: 1 } });
		if (result.kind !== 'ok') return;
		expect((await deskStories.get(result.value.storyId, db.sql))?.publication).toBe('draft');
		const [entry] = await db.sql<{ actorId: number; action: string }[]>`
			select actor_id, action from audit_log where entity_id = ${String(result.value.storyId)}`;
		expect(entry).toEqual({ actorId: staff.contributor.id, action: 'story.imported' });
	});
});
