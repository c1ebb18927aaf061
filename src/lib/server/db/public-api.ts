/**
 * Reads for the public JSON API (/api/v1): only what readers may see. Stories published and not
 * deleted; events published, not deleted, in such a story; articles not deleted and accepted into
 * such a story. Lists page by keyset (a cursor) or by offset.
 */
import { sql, type Db } from './client';
import type {
	Article,
	EventKind,
	EventSource,
	StoryStatus,
	StorySummary,
	TimelineEvent,
	Verification
} from '../../types';
import { normaliseQuery } from '../../format/search-text';

/** Where a page starts: after the row a cursor names, or after skipping `offset` rows. */
export interface Page<K> {
	limit: number;
	after?: K;
	offset?: number;
}

export interface StoryFilter {
	status?: StoryStatus;
	q?: string;
}

export type PublicStory = Omit<StorySummary, 'latestEventTitle' | 'lastActivityAt'>;

const storyColumns = (db: Db) => db`
	s.id, s.slug, s.title, s.summary, s.status, s.publication, s.published_at, s.language, s.version,
	s.created_at, s.updated_at,
	(select count(*)::int from events ev
		where ev.story_id = s.id and ev.status = 'published' and ev.deleted_at is null) as event_count,
	(select count(*)::int from story_articles sa join articles ar on ar.id = sa.article_id
		where sa.story_id = s.id and sa.state = 'accepted' and ar.deleted_at is null) as article_count
`;

/** Published stories, newest first (by id: stable under concurrent edits, so cursors hold). */
export async function listStories(
	filter: StoryFilter,
	page: Page<number>,
	db: Db = sql
): Promise<PublicStory[]> {
	const q = normaliseQuery(filter.q);
	return db<PublicStory[]>`
		select ${storyColumns(db)}
		from stories s
		where s.publication = 'published' and s.deleted_at is null
			${filter.status ? db`and s.status = ${filter.status}` : db``}
			${
				q
					? db`and (setweight(to_tsvector('english', s.title), 'A') ||
						to_tsvector('english', s.summary)) @@ websearch_to_tsquery('english', ${q})`
					: db``
			}
			${page.after !== undefined ? db`and s.id < ${page.after}` : db``}
		order by s.id desc
		limit ${page.limit} offset ${page.after === undefined ? (page.offset ?? 0) : 0}
	`;
}

/** A published story by numeric id or by slug. */
export async function getStory(idOrSlug: number | string, db: Db = sql) {
	const [story] = await db<PublicStory[]>`
		select ${storyColumns(db)}
		from stories s
		where s.publication = 'published' and s.deleted_at is null
			and ${typeof idOrSlug === 'number' ? db`s.id = ${idOrSlug}` : db`s.slug = ${idOrSlug}`}
	`;
	return story;
}

export interface EventFilter {
	storyId?: number;
	storySlug?: string;
	kind?: EventKind;
	verification?: Verification;
	from?: Date;
	to?: Date;
}

export type PublicEvent = TimelineEvent & { storySlug: string };
type EventRow = Omit<PublicEvent, 'sources'>;

/** Published events of published stories, in time order. The cursor is [start, id] of the last. */
export async function listEvents(
	filter: EventFilter,
	page: Page<[Date, number]>,
	db: Db = sql
): Promise<PublicEvent[]> {
	const rows = await db<EventRow[]>`
		select e.id, e.story_id, e.kind, e.title, e.description, e.occurred_start, e.occurred_end,
			e.precision, e.time_zone, e.place_name, e.latitude, e.longitude, e.first_reported_at,
			e.attribution, e.verification, e.status, e.version, e.pinned, e.media_kind, e.media_url,
			e.media_caption, e.media_credit, e.media_alt, e.media_width, e.media_height, s.slug as story_slug
		from events e
		join stories s on s.id = e.story_id
		where e.status = 'published' and e.deleted_at is null
			and s.publication = 'published' and s.deleted_at is null
			${filter.storyId !== undefined ? db`and s.id = ${filter.storyId}` : db``}
			${filter.storySlug !== undefined ? db`and s.slug = ${filter.storySlug}` : db``}
			${filter.kind ? db`and e.kind = ${filter.kind}` : db``}
			${filter.verification ? db`and e.verification = ${filter.verification}` : db``}
			${filter.from ? db`and coalesce(e.occurred_end, e.occurred_start) >= ${filter.from}` : db``}
			${filter.to ? db`and e.occurred_start <= ${filter.to}` : db``}
			${
				page.after
					? db`and (e.occurred_start, e.id) > (${page.after[0]}::timestamptz, ${page.after[1]})`
					: db``
			}
		order by e.occurred_start, e.id
		limit ${page.limit} offset ${page.after === undefined ? (page.offset ?? 0) : 0}
	`;
	return withSources(rows, db);
}

/** One published event of a published story. */
export async function getEvent(id: number, db: Db = sql): Promise<PublicEvent | undefined> {
	const rows = await db<EventRow[]>`
		select e.id, e.story_id, e.kind, e.title, e.description, e.occurred_start, e.occurred_end,
			e.precision, e.time_zone, e.place_name, e.latitude, e.longitude, e.first_reported_at,
			e.attribution, e.verification, e.status, e.version, e.pinned, e.media_kind, e.media_url,
			e.media_caption, e.media_credit, e.media_alt, e.media_width, e.media_height, s.slug as story_slug
		from events e
		join stories s on s.id = e.story_id
		where e.id = ${id} and e.status = 'published' and e.deleted_at is null
			and s.publication = 'published' and s.deleted_at is null
	`;
	const [event] = await withSources(rows, db);
	return event;
}

export interface ArticleFilter {
	storyId?: number;
	from?: Date;
	to?: Date;
}

export type PublicArticle = Omit<Article, 'bodyHtml' | 'ingestedAt'> & { storyIds: number[] };

/** Articles accepted into a published story, newest first; the cursor is [publishedAt, id]. */
export async function listArticles(
	filter: ArticleFilter,
	page: Page<[Date, number]>,
	db: Db = sql
): Promise<PublicArticle[]> {
	return db<PublicArticle[]>`
		select a.id, a.source, a.section, a.headline,
			case when source_full_text_public(a.source) then a.dek end as dek, a.url, a.language,
			a.published_at, a.demo,
			v.story_ids
		from articles a
		cross join lateral (
			select array_agg(s.id order by s.id) as story_ids
			from story_articles sa
			join stories s on s.id = sa.story_id
			where sa.article_id = a.id and sa.state = 'accepted'
				and s.publication = 'published' and s.deleted_at is null
		) v
		where a.deleted_at is null and v.story_ids is not null
			${filter.storyId !== undefined ? db`and ${filter.storyId} = any(v.story_ids)` : db``}
			${filter.from ? db`and a.published_at >= ${filter.from}` : db``}
			${filter.to ? db`and a.published_at <= ${filter.to}` : db``}
			${
				page.after
					? db`and (a.published_at, a.id) < (${page.after[0]}::timestamptz, ${page.after[1]})`
					: db``
			}
		order by a.published_at desc, a.id desc
		limit ${page.limit} offset ${page.after === undefined ? (page.offset ?? 0) : 0}
	`;
}

/** The stories (published) an article is accepted into. */
export async function storyIdsForArticle(articleId: number, db: Db = sql): Promise<number[]> {
	const rows = await db<{ id: number }[]>`
		select s.id from story_articles sa join stories s on s.id = sa.story_id
		where sa.article_id = ${articleId} and sa.state = 'accepted'
			and s.publication = 'published' and s.deleted_at is null
		order by s.id
	`;
	return rows.map((row) => row.id);
}

async function withSources<T extends { id: number }>(
	rows: T[],
	db: Db
): Promise<(T & { sources: EventSource[] })[]> {
	if (rows.length === 0) return [];
	const sources = await db<(EventSource & { eventId: number })[]>`
		select es.event_id, a.id as article_id, a.headline, a.source, a.url, a.published_at,
			es.evidence
		from event_sources es
		join articles a on a.id = es.article_id
		where es.event_id in ${db(rows.map((row) => row.id))} and a.deleted_at is null
		order by a.published_at, a.id
	`;
	const byEvent = new Map<number, EventSource[]>();
	for (const { eventId, ...source } of sources) {
		byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), source]);
	}
	return rows.map((row) => ({ ...row, sources: byEvent.get(row.id) ?? [] }));
}

/** The story's latest revision number (story and event changes share one sequence per story). */
export async function storyRevision(storyId: number, db: Db = sql): Promise<number> {
	const [row] = await db<{ revision: number }[]>`
		select coalesce(max(story_revision), 0)::int as revision from revisions where story_id = ${storyId}
	`;
	return row?.revision ?? 0;
}

/*
 * Staff reads through the same API shapes: a draft story or event, for a staff member whose
 * role may edit it (the API handler asks the policy first), so an API client can fetch the
 * ETag it needs for If-Match. Deleted rows stay hidden.
 */

/** A story by numeric id or slug, draft or published. */
export async function getStoryAnyState(idOrSlug: number | string, db: Db = sql) {
	const [story] = await db<PublicStory[]>`
		select ${storyColumns(db)}
		from stories s
		where s.deleted_at is null
			and ${typeof idOrSlug === 'number' ? db`s.id = ${idOrSlug}` : db`s.slug = ${idOrSlug}`}
	`;
	return story;
}

/** All live events of a story (drafts too), in time order, with their sources. */
export async function listStoryEventsAnyState(
	storyId: number,
	db: Db = sql
): Promise<PublicEvent[]> {
	const rows = await db<EventRow[]>`
		select e.id, e.story_id, e.kind, e.title, e.description, e.occurred_start, e.occurred_end,
			e.precision, e.time_zone, e.place_name, e.latitude, e.longitude, e.first_reported_at,
			e.attribution, e.verification, e.status, e.version, e.pinned, e.media_kind, e.media_url,
			e.media_caption, e.media_credit, e.media_alt, e.media_width, e.media_height, s.slug as story_slug
		from events e
		join stories s on s.id = e.story_id
		where s.id = ${storyId} and e.deleted_at is null and s.deleted_at is null
		order by e.occurred_start, e.id
	`;
	return withSources(rows, db);
}

/** One live event, draft or published, of a live story; with the story's publication. */
export async function getEventAnyState(
	id: number,
	db: Db = sql
): Promise<(PublicEvent & { storyPublication: 'draft' | 'published' }) | undefined> {
	const rows = await db<(EventRow & { storyPublication: 'draft' | 'published' })[]>`
		select e.id, e.story_id, e.kind, e.title, e.description, e.occurred_start, e.occurred_end,
			e.precision, e.time_zone, e.place_name, e.latitude, e.longitude, e.first_reported_at,
			e.attribution, e.verification, e.status, e.version, e.pinned, e.media_kind, e.media_url,
			e.media_caption, e.media_credit, e.media_alt, e.media_width, e.media_height, s.slug as story_slug,
			s.publication as story_publication
		from events e
		join stories s on s.id = e.story_id
		where e.id = ${id} and e.deleted_at is null and s.deleted_at is null
	`;
	const [event] = await withSources(rows, db);
	return event;
}
