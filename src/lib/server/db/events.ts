import { sql, type Db } from './client';
import type {
	EventKind,
	EventSource,
	MediaKind,
	Precision,
	TimelineEvent,
	Verification
} from '../../types';

/** An event as an editor records it. Times are instants; see `precision` for how exact. */
export interface NewEvent {
	storyId: number;
	kind: EventKind;
	title: string;
	description?: string;
	/** For day/month precision: that day's/month's midnight in `timeZone`. */
	occurredStart: Date;
	/** Required for 'approximate' (the end of the window we believe it falls in). */
	occurredEnd?: Date | null;
	precision: Precision;
	/** IANA zone of the place, used to show the date as it was there. */
	timeZone?: string;
	placeName?: string | null;
	latitude?: number | null;
	longitude?: number | null;
	firstReportedAt?: Date | null;
	/** Who asserts it ("Russia's defence ministry"); null when the newsroom reports it itself. */
	attribution?: string | null;
	verification?: Verification;
	status?: 'draft' | 'published';
	pinned?: boolean;
	mediaKind?: MediaKind | null;
	mediaUrl?: string | null;
	mediaCaption?: string | null;
	mediaCredit?: string | null;
	mediaAlt?: string | null;
	mediaWidth?: number | null;
	mediaHeight?: number | null;
}

export interface NewEventSource {
	eventId: number;
	articleId: number;
	/** The article's words that report the event, quoted exactly. */
	evidence: string;
	addedBy?: number | null;
}

export type EventRelationKind = 'follows' | 'part_of' | 'responds_to' | 'contradicts' | 'same_as';

/** Read as a sentence: `from` follows / is part of / responds to / contradicts / is the same as `to`. */
export interface NewEventRelation {
	fromEventId: number;
	toEventId: number;
	relation: EventRelationKind;
	createdBy?: number | null;
}

/** One entry of an event's verification history, written by the `events_verification_history` trigger. */
export interface VerificationChange {
	id: number;
	eventId: number;
	verification: Verification;
	attribution: string | null;
	changedBy: number | null;
	changedAt: Date;
	note: string | null;
}

type EventRow = Omit<TimelineEvent, 'sources'>;
type SourceRow = EventSource & { eventId: number };

/**
 * Records an event. Check constraints surface as database errors: end before start, an
 * approximate time without an end, a latitude without a longitude, an unknown verification.
 * The trigger writes the first verification-history row in the same statement.
 */
export async function create(input: NewEvent, db: Db = sql): Promise<TimelineEvent> {
	const [event] = await db<EventRow[]>`
		insert into events (
			story_id, kind, title, description, occurred_start, occurred_end, precision, time_zone,
			place_name, latitude, longitude, first_reported_at, attribution, verification, status,
			pinned, media_kind, media_url, media_caption, media_credit, media_alt, media_width,
			media_height
		)
		values (
			${input.storyId}, ${input.kind}, ${input.title}, ${input.description ?? ''},
			${input.occurredStart}, ${input.occurredEnd ?? null}, ${input.precision},
			${input.timeZone ?? 'UTC'}, ${input.placeName ?? null}, ${input.latitude ?? null},
			${input.longitude ?? null}, ${input.firstReportedAt ?? null}, ${input.attribution ?? null},
			${input.verification ?? 'reported'}, ${input.status ?? 'draft'}, ${input.pinned ?? false},
			${input.mediaKind ?? null}, ${input.mediaUrl ?? null}, ${input.mediaCaption ?? null},
			${input.mediaCredit ?? null}, ${input.mediaAlt ?? null}, ${input.mediaWidth ?? null},
			${input.mediaHeight ?? null}
		)
		returning id, story_id, kind, title, description, occurred_start, occurred_end, precision,
			time_zone, place_name, latitude, longitude, first_reported_at, attribution, verification,
			status, pinned, media_kind, media_url, media_caption, media_credit, media_alt, media_width,
			media_height, version
	`;
	if (!event) throw new Error('insert into events returned no row');
	return { ...event, sources: [] };
}

/** An event as an import stores it: every column given, the same keys in every row. */
export type ImportedEventRow = Pick<
	TimelineEvent,
	| 'storyId'
	| 'kind'
	| 'title'
	| 'description'
	| 'occurredStart'
	| 'occurredEnd'
	| 'precision'
	| 'timeZone'
	| 'status'
	| 'mediaKind'
	| 'mediaUrl'
	| 'mediaCaption'
	| 'mediaCredit'
	| 'mediaAlt'
> & {
	/** The source file's group when it is not one of our kinds (TimelineJS). */
	groupLabel: string | null;
};

/** Records many events at once (an import), one statement per 500: well under 65,535 parameters. */
export async function createMany(rows: ImportedEventRow[], db: Db): Promise<void> {
	for (let i = 0; i < rows.length; i += 500) {
		await db`insert into events ${db(rows.slice(i, i + 500))}`;
	}
}

/**
 * Dates a story's events as they happened when it is loaded after the fact (the demo seed,
 * imports): each created and updated when first reported, its verification history with it.
 */
export async function backdateToFirstReports(storyId: number, db: Db = sql): Promise<void> {
	await db`
		update events
		set created_at = coalesce(first_reported_at, created_at),
			updated_at = coalesce(first_reported_at, created_at)
		where story_id = ${storyId}`;
	await db`
		update event_verifications v
		set changed_at = coalesce(e.first_reported_at, v.changed_at)
		from events e
		where e.id = v.event_id and e.story_id = ${storyId}`;
}

/**
 * A story's events in time order, each with its sources (ordered by the article's publication).
 * Two queries in all, however many events. Deleted events and deleted articles never appear;
 * `publishedOnly` is what readers see, the desk passes false to see drafts too.
 */
export async function listForStory(
	storyId: number,
	{ publishedOnly }: { publishedOnly: boolean },
	db: Db = sql
): Promise<TimelineEvent[]> {
	const events = await db<EventRow[]>`
		select id, story_id, kind, title, description, occurred_start, occurred_end, precision,
			time_zone, place_name, latitude, longitude, first_reported_at, attribution, verification,
			status, pinned, media_kind, media_url, media_caption, media_credit, media_alt, media_width,
			media_height, version
		from events
		where story_id = ${storyId} and deleted_at is null
			${publishedOnly ? db`and status = 'published'` : db``}
		order by occurred_start, id
	`;
	if (events.length === 0) return [];

	const byEvent = await sourcesByEvent(
		events.map((event) => event.id),
		db
	);
	return events.map((event) => ({ ...event, sources: byEvent.get(event.id) ?? [] }));
}

/**
 * Cites an article as a source of an event, and moves the event's `first_reported_at` back to
 * the article's publication if it is earlier, so "first reported" always matches the sources.
 */
export async function addSource(input: NewEventSource, db: Db = sql): Promise<void> {
	await db`
		with added as (
			insert into event_sources (event_id, article_id, evidence, added_by)
			values (${input.eventId}, ${input.articleId}, ${input.evidence}, ${input.addedBy ?? null})
			returning event_id, article_id
		)
		update events e
		set first_reported_at = least(e.first_reported_at, a.published_at)
		from added
		join articles a on a.id = added.article_id
		where e.id = added.event_id
	`;
}

/** Relates two events (`from` <relation> `to`); relating the same pair the same way twice is a no-op. */
export async function relate(input: NewEventRelation, db: Db = sql): Promise<void> {
	await db`
		insert into event_relations (from_event_id, to_event_id, relation, created_by)
		values (${input.fromEventId}, ${input.toEventId}, ${input.relation}, ${input.createdBy ?? null})
		on conflict do nothing
	`;
}

/**
 * Changes who asserts an event and how far it is verified; the trigger records the change.
 * To record the acting editor, call inside a transaction after
 * `select set_config('throughline.actor_id', <user id>, true)`.
 */
export async function setVerification(
	eventId: number,
	change: { verification: Verification; attribution: string | null },
	db: Db = sql
): Promise<boolean> {
	const rows = await db`
		update events
		set verification = ${change.verification}, attribution = ${change.attribution},
			version = version + 1, updated_at = now()
		where id = ${eventId} and deleted_at is null
		returning id
	`;
	return rows.length > 0;
}

/** An event's verification and attribution over time, oldest first. */
export async function verificationHistory(
	eventId: number,
	db: Db = sql
): Promise<VerificationChange[]> {
	return db<VerificationChange[]>`
		select id, event_id, verification, attribution, changed_by, changed_at, note
		from event_verifications
		where event_id = ${eventId}
		order by changed_at, id
	`;
}

/**
 * Every verification change of a story's events (deleted events left out), by event, oldest
 * first: one query for a whole story page or feed.
 */
export async function verificationHistoryForStory(
	storyId: number,
	db: Db = sql
): Promise<VerificationChange[]> {
	return db<VerificationChange[]>`
		select ev.id, ev.event_id, ev.verification, ev.attribution, ev.changed_by, ev.changed_at,
			ev.note
		from event_verifications ev
		join events e on e.id = ev.event_id
		where e.story_id = ${storyId} and e.deleted_at is null
		order by ev.event_id, ev.changed_at, ev.id
	`;
}

/** A relation between two events of a story: `from` <relation> `to`. */
export interface EventRelation {
	fromEventId: number;
	toEventId: number;
	relation: EventRelationKind;
}

/** The relations among a story's events; both ends must be live events of that story. */
export async function relationsForStory(storyId: number, db: Db = sql): Promise<EventRelation[]> {
	return db<EventRelation[]>`
		select r.from_event_id, r.to_event_id, r.relation
		from event_relations r
		join events f on f.id = r.from_event_id
		join events t on t.id = r.to_event_id
		where f.story_id = ${storyId} and t.story_id = ${storyId}
			and f.deleted_at is null and t.deleted_at is null
		order by r.from_event_id, r.to_event_id, r.relation
	`;
}

/** An event as an article page lists it: with the published story it belongs to. */
export interface ArticleEvent extends TimelineEvent {
	storySlug: string;
	storyTitle: string;
}

/**
 * The published events an article reports (it is one of their sources), in published, not
 * deleted stories, in time order, each with all its sources (deleted articles left out).
 */
export async function listForArticle(articleId: number, db: Db = sql): Promise<ArticleEvent[]> {
	const rows = await db<(EventRow & { storySlug: string; storyTitle: string })[]>`
		select e.id, e.story_id, e.kind, e.title, e.description, e.occurred_start, e.occurred_end,
			e.precision, e.time_zone, e.place_name, e.latitude, e.longitude, e.first_reported_at,
			e.attribution, e.verification, e.status, e.version, e.pinned, e.media_kind, e.media_url,
			e.media_caption, e.media_credit, e.media_alt, e.media_width, e.media_height,
			s.slug as story_slug, s.title as story_title
		from event_sources es
		join events e on e.id = es.event_id
		join stories s on s.id = e.story_id
		where es.article_id = ${articleId} and e.status = 'published' and e.deleted_at is null
			and s.publication = 'published' and s.deleted_at is null
		order by e.occurred_start, e.id
	`;
	if (rows.length === 0) return [];

	const byEvent = await sourcesByEvent(
		rows.map((row) => row.id),
		db
	);
	return rows.map((row) => ({ ...row, sources: byEvent.get(row.id) ?? [] }));
}

/** The articles citing each event, oldest report first (one query for any number of events). */
async function sourcesByEvent(eventIds: number[], db: Db): Promise<Map<number, EventSource[]>> {
	const sources = await db<SourceRow[]>`
		select es.event_id, a.id as article_id, a.headline, a.source, a.url, a.published_at,
			es.evidence
		from event_sources es
		join articles a on a.id = es.article_id
		where es.event_id in ${db(eventIds)} and a.deleted_at is null
		order by a.published_at, a.id
	`;
	const byEvent = new Map<number, EventSource[]>();
	for (const { eventId, ...source } of sources) {
		const list = byEvent.get(eventId);
		if (list) list.push(source);
		else byEvent.set(eventId, [source]);
	}
	return byEvent;
}
