import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import * as deskStories from '../../src/lib/server/db/desk-stories';
import { createEvent, createStory, createStoryArticle } from '../factories';

// Migration 00008: what the app keeps of a story (fast path, page cache, embed and JSON caches,
// edge purge) is dropped on a story_changes notification naming the story. These are the
// changes readers see that used to announce nothing.
let db: TestDatabase;
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

/** Gives NOTIFY time to arrive, then lists the kind-`story` notifications about a story. */
async function staleNotices(storyId: number): Promise<number> {
	await new Promise((resolve) => setTimeout(resolve, 300));
	return heard.filter((payload) => payload.storyId === storyId && payload.kind === 'story').length;
}

const fields = {
	title: 'Ceasefire talks',
	slug: 'ceasefire',
	summary: 'Talks.',
	status: 'developing',
	language: 'en'
} as const;

describe('story-row changes notify', () => {
	it('an edit of the title, the summary, the status or the publication through the desk', async () => {
		const story = await createStory(db.sql);
		expect(await staleNotices(story.id)).toBe(0);

		const renamed = await deskStories.update(
			story.id,
			story.version,
			{ ...fields, slug: story.slug },
			db.sql
		);
		expect(renamed.ok).toBe(true);
		expect(await staleNotices(story.id)).toBe(1);

		const concluded = await deskStories.update(
			story.id,
			story.version + 1,
			{ ...fields, slug: story.slug, summary: 'Talks ended.', status: 'concluded' },
			db.sql
		);
		expect(concluded.ok).toBe(true);
		expect(await staleNotices(story.id)).toBe(2);

		// Unpublished: every kept answer about it must go at once.
		await deskStories.setPublication(story.id, story.version + 2, 'draft', db.sql);
		expect(await staleNotices(story.id)).toBe(3);
	});

	it('a stale version changes nothing and says nothing; a direct SQL edit is heard too', async () => {
		const story = await createStory(db.sql);
		const refused = await deskStories.update(
			story.id,
			story.version + 5,
			{ ...fields, slug: story.slug },
			db.sql
		);
		expect(refused.ok).toBe(false);
		await db.sql`update stories set title = title where id = ${story.id}`;
		expect(await staleNotices(story.id)).toBe(0);

		await db.sql`update stories set summary = 'Edited by hand.' where id = ${story.id}`;
		expect(await staleNotices(story.id)).toBe(1);
	});

	it('removals: an event unpublished or deleted, an article taken out; drafts stay silent', async () => {
		const story = await createStory(db.sql);
		const shown = await createEvent(db.sql, story.id, { status: 'published', title: 'Shown' });
		const gone = await createEvent(db.sql, story.id, { status: 'published', title: 'Gone' });
		const draft = await createEvent(db.sql, story.id, { status: 'draft', title: 'Draft' });
		const article = await createStoryArticle(db.sql, story.id, {}, { state: 'accepted' });
		const before = await staleNotices(story.id);

		await db.sql`update events set title = 'Still a draft' where id = ${draft.id}`;
		expect(await staleNotices(story.id)).toBe(before);

		// An edit of a shown event is announced as an event change already (00002), once.
		await db.sql`update events set title = 'Shown, edited' where id = ${shown.id}`;
		expect(await staleNotices(story.id)).toBe(before);

		await db.sql`update events set status = 'draft' where id = ${shown.id}`;
		expect(await staleNotices(story.id)).toBe(before + 1);
		await db.sql`update events set deleted_at = now() where id = ${gone.id}`;
		expect(await staleNotices(story.id)).toBe(before + 2);
		await db.sql`delete from story_articles where story_id = ${story.id} and article_id = ${article.id}`;
		expect(await staleNotices(story.id)).toBe(before + 3);
	});

	it('changes nothing in the story_changes log (live pages replay only events and articles)', async () => {
		const story = await createStory(db.sql);
		await db.sql`update stories set title = 'Renamed' where id = ${story.id}`;
		const rows = await db.sql`select 1 from story_changes where story_id = ${story.id}`;
		expect(rows).toHaveLength(0);
	});
});
