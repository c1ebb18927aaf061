import { sql, type Db } from './client';
import type { Publication, Story, StoryStatus, StorySummary } from '../../types';

/** What an editor supplies to open a story; the rest comes from column defaults. */
export interface NewStory {
	slug: string;
	title: string;
	summary?: string;
	status?: StoryStatus;
	publication?: Publication;
	/** Defaults to now when the story is created already published. */
	publishedAt?: Date | null;
}

/**
 * Published, not deleted stories for the index: developing ones first, then by last activity
 * (the latest of the story's own edit, an accepted article's publication, a published event's
 * edit). Counts and the latest event only see what readers can see: published, not deleted
 * events and accepted, not deleted articles.
 */
export async function listPublished(db: Db = sql): Promise<StorySummary[]> {
	return db<StorySummary[]>`
		select
			s.id, s.slug, s.title, s.summary, s.status, s.publication, s.published_at, s.version,
			s.created_at, s.updated_at,
			e.event_count, a.article_count,
			greatest(s.updated_at, e.last_event_change, a.last_article_at) as last_activity_at,
			latest.title as latest_event_title
		from stories s
		cross join lateral (
			select count(*)::int as event_count, max(ev.updated_at) as last_event_change
			from events ev
			where ev.story_id = s.id and ev.status = 'published' and ev.deleted_at is null
		) e
		cross join lateral (
			select count(*)::int as article_count, max(ar.published_at) as last_article_at
			from story_articles sa
			join articles ar on ar.id = sa.article_id
			where sa.story_id = s.id and sa.state = 'accepted' and ar.deleted_at is null
		) a
		left join lateral (
			select ev.title
			from events ev
			where ev.story_id = s.id and ev.status = 'published' and ev.deleted_at is null
			order by ev.occurred_start desc, ev.id desc
			limit 1
		) latest on true
		where s.publication = 'published' and s.deleted_at is null
		order by (s.status = 'developing') desc, last_activity_at desc, s.id desc
	`;
}

/** A story readers may see (published, not deleted), by its URL slug. */
export async function getPublishedBySlug(slug: string, db: Db = sql): Promise<Story | undefined> {
	const [story] = await db<Story[]>`
		select id, slug, title, summary, status, publication, published_at, version, created_at,
			updated_at
		from stories
		where slug = ${slug} and publication = 'published' and deleted_at is null
	`;
	return story;
}

/**
 * Opens a story. A duplicate slug surfaces as the database's unique violation
 * (`stories_slug_key`), so a form can report it against the slug field.
 */
export async function create(input: NewStory, db: Db = sql): Promise<Story> {
	const publication = input.publication ?? 'draft';
	const publishedAt = input.publishedAt ?? (publication === 'published' ? new Date() : null);
	const [story] = await db<Story[]>`
		insert into stories (slug, title, summary, status, publication, published_at)
		values (
			${input.slug}, ${input.title}, ${input.summary ?? ''}, ${input.status ?? 'developing'},
			${publication}, ${publishedAt}
		)
		returning id, slug, title, summary, status, publication, published_at, version, created_at,
			updated_at
	`;
	if (!story) throw new Error('insert into stories returned no row');
	return story;
}

/** Soft-deletes a story: readers stop seeing it, its rows stay for the record. */
export async function remove(id: number, db: Db = sql): Promise<boolean> {
	const rows = await db`
		update stories set deleted_at = now(), updated_at = now()
		where id = ${id} and deleted_at is null
		returning id
	`;
	return rows.length > 0;
}

/** Every story row, drafts and soft-deleted ones included (the seed uses it to stay off real data). */
export async function count(db: Db = sql): Promise<number> {
	const [row] = await db<{ count: number }[]>`select count(*)::int as count from stories`;
	return row?.count ?? 0;
}

/**
 * Dates a story and its events as they happened when it is loaded after the fact (the demo
 * seed, imports): created and published with its first article, updated with its last, and each
 * event created when it was first reported. Readers' "last updated" then means the news, not the
 * moment of loading.
 */
export async function recordHistory(
	id: number,
	{ startedAt, lastReportedAt }: { startedAt: Date; lastReportedAt: Date },
	db: Db = sql
): Promise<void> {
	await db`
		update stories
		set created_at = ${startedAt}, updated_at = ${lastReportedAt},
			published_at = case when publication = 'published' then ${startedAt}::timestamptz end
		where id = ${id}`;
	await db`
		update events
		set created_at = coalesce(first_reported_at, created_at),
			updated_at = coalesce(first_reported_at, created_at)
		where story_id = ${id}`;
}
