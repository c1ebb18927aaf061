import { sql, type Db } from './client';
import type { Publication, Story, StoryStatus, StorySummary } from '../../types';
import { HEADLINE_WHOLE, normaliseQuery } from '../../format/search-text';
import * as events from './events';

/** What an editor supplies to open a story; the rest comes from column defaults. */
export interface NewStory {
	slug: string;
	title: string;
	summary?: string;
	status?: StoryStatus;
	publication?: Publication;
	/** Defaults to now when the story is created already published. */
	publishedAt?: Date | null;
	/** BCP 47; defaults to 'en'. */
	language?: string;
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
			s.id, s.slug, s.title, s.summary, s.status, s.publication, s.published_at, s.language, s.version,
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
		select id, slug, title, summary, status, publication, published_at, language, version, created_at,
			updated_at
		from stories
		where slug = ${slug.normalize('NFC')} and publication = 'published' and deleted_at is null
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
		insert into stories (slug, title, summary, status, publication, published_at, language)
		values (
			${input.slug}, ${input.title}, ${input.summary ?? ''}, ${input.status ?? 'developing'},
			${publication}, ${publishedAt}, ${input.language ?? 'en'}
		)
		returning id, slug, title, summary, status, publication, published_at, language, version, created_at,
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
 * event created (and its verification recorded) when it was first reported. Readers' "last updated" then means the news, not the
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
	await events.backdateToFirstReports(id, db);
}

/** A published story matching a reader's search, its title and summary marked up by ts_headline. */
export interface StorySearchResult {
	id: number;
	slug: string;
	title: string;
	summary: string;
	status: StoryStatus;
	/** Title and summary with matches between HIGHLIGHT_START/STOP (see format/search-text). */
	titleHighlight: string;
	summaryHighlight: string;
	rank: number;
}

/**
 * Published, not deleted stories whose title or summary match the reader's words
 * (`websearch_to_tsquery`: quotes, `or`, `-word` work as on a search engine), best first, the
 * title weighing more than the summary. The query is normalised (trimmed, at most 200
 * characters); an empty one, or one of stop words only, finds nothing.
 */
export async function search(
	q: string,
	db: Db = sql,
	{ limit = 20 }: { limit?: number } = {}
): Promise<StorySearchResult[]> {
	const query = normaliseQuery(q);
	if (!query) return [];
	return db<StorySearchResult[]>`
		select s.id, s.slug, s.title, s.summary, s.status,
			ts_headline(d.config, s.title, q.q, ${HEADLINE_WHOLE}) as title_highlight,
			ts_headline(d.config, s.summary, q.q, ${HEADLINE_WHOLE}) as summary_highlight,
			ts_rank(d.document, q.q) as rank
		from stories s
		-- Each story in its own language's configuration (migration 00006), as articles are.
		cross join lateral (select search_config_for(s.language) as config) c
		cross join lateral (select websearch_to_tsquery(c.config, ${query}) as q) q
		cross join lateral (
			select c.config, setweight(to_tsvector(c.config, s.title), 'A') ||
				setweight(to_tsvector(c.config, s.summary), 'B') as document
		) d
		where s.publication = 'published' and s.deleted_at is null and d.document @@ q.q
		order by rank desc, s.id desc
		limit ${limit}
	`;
}

/** How many reader-visible events a story has on one day (in the event place's own zone). */
export interface StoryDayCount {
	storyId: number;
	/** "YYYY-MM-DD" */
	day: string;
	count: number;
}

/**
 * Published, not deleted events per day for each given story, for the index's activity
 * sparklines. A day is the calendar day where the event happened, as the timeline labels it.
 */
export async function listDailyActivity(
	storyIds: readonly number[],
	db: Db = sql
): Promise<StoryDayCount[]> {
	if (storyIds.length === 0) return [];
	return db<StoryDayCount[]>`
		select story_id,
			to_char((occurred_start at time zone time_zone)::date, 'YYYY-MM-DD') as day,
			count(*)::int as count
		from events
		where story_id = any(${storyIds as number[]}::int[])
			and status = 'published' and deleted_at is null
		group by story_id, day
		order by story_id, day
	`;
}
