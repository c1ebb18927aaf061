import { sql, type Db } from './client';
import type { EventMediaFields, StoryStatus, TimelineEvent } from '../../types';
import { field, storyFieldsOf, type Snapshot } from '../revisions/snapshot';
import {
	readerVersionAt,
	readerVersions,
	type ReaderVersion,
	type RevisionVisibility
} from '../../embed/reader-version';

/** What an embed shows of a story. */
export interface EmbedStory {
	id: number;
	slug: string;
	title: string;
	summary: string;
	status: StoryStatus;
	/** The story's language (BCP 47) where the schema has one, else null. */
	language: string | null;
}

export interface EmbedSource {
	headline: string;
	source: string;
	url: string | null;
	publishedAt: Date;
}

/** An event as an embed shows it: no drafts, no desk fields. */
export type EmbedEvent = Pick<
	TimelineEvent,
	| 'id'
	| 'kind'
	| 'title'
	| 'description'
	| 'occurredStart'
	| 'occurredEnd'
	| 'precision'
	| 'timeZone'
	| 'placeName'
	| 'attribution'
	| 'verification'
	| 'pinned'
> &
	EventMediaFields & { sources: EmbedSource[] };

export interface EmbedData {
	story: EmbedStory;
	events: EmbedEvent[];
	/** The revision shown: the pinned one, or the story's latest. */
	revision: number;
	latestRevision: number;
	/** A pinned revision was asked for but the story has no such revision: showing the latest. */
	unknownVersion: boolean;
	/** For a pinned embed: the version readers saw at that revision, and when it was published. */
	pinned: ReaderVersion | null;
}

type EventRow = Omit<EmbedEvent, 'sources'>;

/** Whether a story snapshot is one readers could see: published and not deleted. */
const publishedIn = (snapshot: Snapshot) =>
	field(snapshot, 'publication') === 'published' && field(snapshot, 'deleted_at') == null;

/**
 * A story for an embed, live or as it was at story revision `version` (revisions, 00003): for the
 * story and each event, the latest snapshot numbered `version` or lower. A pinned embed shows only
 * what readers could see then: the story only if it was published (and not deleted) at that
 * revision, else nothing (a draft's embargoed title must not leak through an old number); an
 * event only if it was published then and has not been deleted since. The story must also be
 * published now, so unpublishing a story takes down its pinned embeds. Sources are not
 * revisioned: a pinned event lists the articles citing it today. A `version` past the latest
 * shows the latest (what readers see now).
 */
export async function getForEmbed(
	slug: string,
	version: number | null,
	db: Db = sql
): Promise<EmbedData | undefined> {
	// language through to_jsonb: the column arrives with a later migration, and an embed must
	// keep working on a schema without it.
	const [live] = await db<(EmbedStory & { latestRevision: number })[]>`
		select s.id, s.slug, s.title, s.summary, s.status, to_jsonb(s)->>'language' as language,
			coalesce((select max(r.story_revision) from revisions r where r.story_id = s.id), 0)
				as latest_revision
		from stories s
		where s.slug = ${slug} and s.publication = 'published' and s.deleted_at is null
	`;
	if (!live) return undefined;
	const { latestRevision, ...story } = live;
	const pinned = version !== null && version <= latestRevision ? version : null;
	const base = {
		latestRevision,
		revision: pinned ?? latestRevision,
		unknownVersion: version !== null && pinned === null,
		pinned: null
	};
	if (pinned === null) {
		const events = await db<EventRow[]>`
			select id, kind, title, description, occurred_start, occurred_end, precision, time_zone,
				place_name, attribution, verification, pinned, media_kind, media_url, media_caption,
				media_credit, media_alt, media_width, media_height
			from events
			where story_id = ${story.id} and status = 'published' and deleted_at is null
			order by occurred_start, id
		`;
		return { ...base, story, events: await withSources(events, db) };
	}

	// Read through field(): postgres.js camelCases the keys inside the jsonb it returns.
	const [row] = await db<{ snapshot: Snapshot }[]>`
		select snapshot from revisions
		where story_id = ${story.id} and entity_type = 'story' and story_revision <= ${pinned}
		order by story_revision desc
		limit 1
	`;
	if (!row || !publishedIn(row.snapshot)) return undefined;
	const { title, summary, status } = storyFieldsOf(row.snapshot);
	// In SQL the stored keys are the columns' own snake_case names.
	const events = await db<EventRow[]>`
		select entity_id as id, snapshot->>'kind' as kind, snapshot->>'title' as title,
			snapshot->>'description' as description,
			(snapshot->>'occurred_start')::timestamptz as occurred_start,
			(snapshot->>'occurred_end')::timestamptz as occurred_end,
			snapshot->>'precision' as precision, snapshot->>'time_zone' as time_zone,
			snapshot->>'place_name' as place_name, snapshot->>'attribution' as attribution,
			snapshot->>'verification' as verification,
			-- Key-event and media keys exist in snapshots written since migrations/00007 only.
			coalesce((snapshot->>'pinned')::boolean, false) as pinned,
			snapshot->>'media_kind' as media_kind, snapshot->>'media_url' as media_url,
			snapshot->>'media_caption' as media_caption, snapshot->>'media_credit' as media_credit,
			snapshot->>'media_alt' as media_alt, (snapshot->>'media_width')::int as media_width,
			(snapshot->>'media_height')::int as media_height
		from (
			select distinct on (entity_id) entity_id, snapshot
			from revisions
			where story_id = ${story.id} and entity_type = 'event' and story_revision <= ${pinned}
			order by entity_id, story_revision desc
		) latest
		join events e on e.id = latest.entity_id and e.deleted_at is null
		where snapshot->>'status' = 'published' and snapshot->>'deleted_at' is null
		order by (snapshot->>'occurred_start')::timestamptz, entity_id
	`;
	return {
		...base,
		pinned: readerVersionAt(await listReaderVersions(story.id, db), pinned) ?? null,
		story: { ...story, title, summary, status },
		events: await withSources(events, db)
	};
}

/** The story's latest revision number (0 for a story without any), for the desk's builder. */
export async function latestRevision(storyId: number, db: Db = sql): Promise<number> {
	const [row] = await db<{ latest: number }[]>`
		select coalesce(max(story_revision), 0) as latest from revisions where story_id = ${storyId}
	`;
	return row?.latest ?? 0;
}

/**
 * The story's reader versions (see embed/reader-version): every revision with whether the entity
 * it saved was public then, numbered by what readers could see change.
 */
export async function listReaderVersions(storyId: number, db: Db = sql): Promise<ReaderVersion[]> {
	const rows = await db<RevisionVisibility[]>`
		select story_revision, entity_type, entity_id, created_at,
			(extract(epoch from created_at) * 1000000)::bigint::text as saved_at,
			snapshot->>'deleted_at' is null and (
				case when entity_type = 'story' then snapshot->>'publication' = 'published'
				else snapshot->>'status' = 'published' end
			) is true as visible
		from revisions
		where story_id = ${storyId}
		order by story_revision
	`;
	return readerVersions(rows);
}

/** Any story by id, whatever its publication (the desk's builder previews drafts' settings). */
export async function getStoryById(
	id: number,
	db: Db = sql
): Promise<(EmbedStory & { publication: 'draft' | 'published' }) | undefined> {
	const [story] = await db<(EmbedStory & { publication: 'draft' | 'published' })[]>`
		select id, slug, title, summary, status, publication, to_jsonb(s)->>'language' as language
		from stories s
		where id = ${id} and deleted_at is null
	`;
	return story;
}

/** Citing articles, oldest report first, in one query for any number of events. */
async function withSources(events: EventRow[], db: Db): Promise<EmbedEvent[]> {
	if (events.length === 0) return [];
	const rows = await db<(EmbedSource & { eventId: number })[]>`
		select es.event_id, a.headline, a.source, a.url, a.published_at
		from event_sources es
		join articles a on a.id = es.article_id
		where es.event_id in ${db(events.map((event) => event.id))} and a.deleted_at is null
		order by a.published_at, a.id
	`;
	const byEvent = new Map<number, EmbedSource[]>();
	for (const { eventId, ...source } of rows) {
		const list = byEvent.get(eventId) ?? [];
		list.push(source);
		byEvent.set(eventId, list);
	}
	return events.map((event) => ({ ...event, sources: byEvent.get(event.id) ?? [] }));
}
