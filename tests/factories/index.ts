/**
 * Factories: real rows through the db modules, with defaults that satisfy every constraint and
 * unique values (slug, text, hence content hash) per call. Pass only what the test is about.
 */
import type { Sql } from '../../src/lib/server/db/client';
import * as articles from '../../src/lib/server/db/articles';
import * as events from '../../src/lib/server/db/events';
import * as stories from '../../src/lib/server/db/stories';
import type { Article, Role, Story, TimelineEvent } from '../../src/lib/types';

let counter = 0;
function next(): number {
	counter += 1;
	return counter;
}

export async function createStory(
	db: Sql,
	overrides: Partial<stories.NewStory> = {}
): Promise<Story> {
	const n = next();
	return stories.create(
		{
			slug: `story-${n}`,
			title: `Story ${n}`,
			summary: `What story ${n} is about.`,
			status: 'developing',
			publication: 'published',
			...overrides
		},
		db
	);
}

export async function createArticle(
	db: Sql,
	overrides: Partial<articles.NewArticle> = {}
): Promise<Article> {
	const n = next();
	return articles.create(
		{
			source: 'Test Wire',
			headline: `Headline ${n}`,
			body: `First paragraph of article ${n}.\n\nSecond paragraph.`,
			publishedAt: new Date(Date.UTC(2025, 11, 1, 12, n % 60)),
			...overrides
		},
		db
	);
}

/** An article already accepted into the story (the usual state of a story's articles). */
export async function createStoryArticle(
	db: Sql,
	storyId: number,
	overrides: Partial<articles.NewArticle> = {},
	link: Partial<articles.StoryArticleLink> = {}
): Promise<Article> {
	const article = await createArticle(db, overrides);
	await articles.attachToStory({ storyId, articleId: article.id, state: 'accepted', ...link }, db);
	return article;
}

export async function createEvent(
	db: Sql,
	storyId: number,
	overrides: Partial<events.NewEvent> = {}
): Promise<TimelineEvent> {
	const n = next();
	return events.create(
		{
			storyId,
			kind: 'other',
			title: `Event ${n}`,
			occurredStart: new Date('2025-12-01T00:00:00Z'),
			precision: 'day',
			status: 'published',
			...overrides
		},
		db
	);
}

/**
 * A staff member. Raw SQL until a users module exists (the auth work owns it).
 * The password hash is a placeholder: these users never log in.
 */
export async function createUser(
	db: Sql,
	overrides: { email?: string; displayName?: string; role?: Role } = {}
): Promise<{ id: number; email: string; role: Role }> {
	const n = next();
	const [user] = await db<{ id: number; email: string; role: Role }[]>`
		insert into users (email, display_name, role, password_hash)
		values (
			${overrides.email ?? `editor${n}@example.com`}, ${overrides.displayName ?? `Editor ${n}`},
			${overrides.role ?? 'editor'}, 'not-a-real-hash'
		)
		returning id, email, role
	`;
	if (!user) throw new Error('insert into users returned no row');
	return user;
}
