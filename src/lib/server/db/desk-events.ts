import { sql, type Db } from './client';
import type { EventInput } from '../../desk/event-input';
import * as events from './events';
import type { TimelineEvent } from '../../types';
import type { Versioned } from './desk-stories';
import { restoreRow, softDeleteRow } from './soft-delete';

/** Every field of an event an editor can change through the form or the API (as parsed there). */
export type EventFields = EventInput;

export type DeskEvent = Omit<TimelineEvent, 'sources'>;

export const EVENT_FIELD_NAMES = [
	'kind',
	'title',
	'description',
	'occurredStart',
	'occurredEnd',
	'precision',
	'timeZone',
	'placeName',
	'latitude',
	'longitude',
	'attribution',
	'verification',
	'status',
	'pinned',
	'mediaKind',
	'mediaUrl',
	'mediaCaption',
	'mediaCredit',
	'mediaAlt',
	'mediaWidth',
	'mediaHeight'
] as const satisfies readonly (keyof EventFields)[];

const columns = (db: Db) => db`id, story_id, kind, title, description, occurred_start,
	occurred_end, precision, time_zone, place_name, latitude, longitude, first_reported_at,
	attribution, verification, status, pinned, media_kind, media_url, media_caption, media_credit,
	media_alt, media_width, media_height, version`;

/** An event that is not deleted (drafts too). */
export async function get(id: number, db: Db = sql): Promise<DeskEvent | undefined> {
	const [event] = await db<DeskEvent[]>`
		select ${columns(db)} from events where id = ${id} and deleted_at is null`;
	return event;
}

/** The event, locked until the transaction ends: a command reads it, decides, then writes. */
export async function getForUpdate(id: number, db: Db): Promise<DeskEvent | undefined> {
	const [event] = await db<DeskEvent[]>`
		select ${columns(db)} from events where id = ${id} and deleted_at is null for update`;
	return event;
}

/** A story's events for the desk (drafts too), with their sources. */
export function listForStory(storyId: number, db: Db = sql): Promise<TimelineEvent[]> {
	return events.listForStory(storyId, { publishedOnly: false }, db);
}

/** Records an event from the desk's fields. */
export async function create(storyId: number, fields: EventFields, db: Db = sql) {
	return events.create({ storyId, ...fields }, db);
}

/** Saves the fields only if the event is still at `expected`; else returns the current row. */
export async function update(
	id: number,
	expected: number,
	f: EventFields,
	db: Db = sql
): Promise<Versioned<DeskEvent>> {
	const [event] = await db<DeskEvent[]>`
		update events
		set kind = ${f.kind}, title = ${f.title}, description = ${f.description},
			occurred_start = ${f.occurredStart}, occurred_end = ${f.occurredEnd},
			precision = ${f.precision}, time_zone = ${f.timeZone}, place_name = ${f.placeName},
			latitude = ${f.latitude}, longitude = ${f.longitude}, attribution = ${f.attribution},
			verification = ${f.verification}, status = ${f.status}, pinned = ${f.pinned},
			media_kind = ${f.mediaKind}, media_url = ${f.mediaUrl}, media_caption = ${f.mediaCaption},
			media_credit = ${f.mediaCredit}, media_alt = ${f.mediaAlt}, media_width = ${f.mediaWidth},
			media_height = ${f.mediaHeight},
			version = version + 1, updated_at = now()
		where id = ${id} and version = ${expected} and deleted_at is null
		returning ${columns(db)}`;
	return event ? { ok: true, value: event } : { ok: false, current: await get(id, db) };
}

/** Moves an event in time (dragged on the timeline), version-checked. */
export async function setDates(
	id: number,
	expected: number,
	start: Date,
	end: Date | null,
	db: Db = sql
): Promise<Versioned<DeskEvent>> {
	const [event] = await db<DeskEvent[]>`
		update events
		set occurred_start = ${start}, occurred_end = ${end}, version = version + 1, updated_at = now()
		where id = ${id} and version = ${expected} and deleted_at is null
		returning ${columns(db)}`;
	return event ? { ok: true, value: event } : { ok: false, current: await get(id, db) };
}

/** Soft-deletes an event at `expected` (null: whatever its version). */
export const softDelete = (id: number, expected: number | null, db: Db = sql) =>
	softDeleteRow('events', id, expected, db);

/** Brings back an event deleted in the last 30 days. */
export const restore = (id: number, db: Db = sql) => restoreRow('events', id, db);

export interface DeskSource {
	articleId: number;
	headline: string;
	evidence: string;
}

/** The articles cited for an event, with their quoted evidence. */
export async function sources(eventId: number, db: Db = sql): Promise<DeskSource[]> {
	return db<DeskSource[]>`
		select es.article_id, a.headline, es.evidence
		from event_sources es join articles a on a.id = es.article_id
		where es.event_id = ${eventId} order by a.published_at, a.id`;
}

/** Replaces an event's sources with these (article and evidence). */
export async function setSources(
	eventId: number,
	list: { articleId: number; evidence: string }[],
	addedBy: number,
	db: Db = sql
): Promise<void> {
	const keep = list.map((source) => source.articleId);
	await db`delete from event_sources
		where event_id = ${eventId} and not (article_id = any(${keep}::int[]))`;
	for (const source of list) {
		await db`
			insert into event_sources (event_id, article_id, evidence, added_by)
			values (${eventId}, ${source.articleId}, ${source.evidence}, ${addedBy})
			on conflict (event_id, article_id) do update set evidence = excluded.evidence`;
	}
}

export interface DeskRelation {
	toEventId: number;
	relation: events.EventRelationKind;
	toTitle: string;
}

/** Whether the article is accepted into the story (only its articles may source its events). */
export async function isFiledIn(storyId: number, articleId: number, db: Db = sql) {
	const rows = await db`
		select 1 from story_articles
		where story_id = ${storyId} and article_id = ${articleId} and state = 'accepted'`;
	return rows.length > 0;
}

/** Stops citing the article as a source of the event; false when it was not cited. */
export async function removeSource(eventId: number, articleId: number, db: Db = sql) {
	const rows = await db`delete from event_sources
		where event_id = ${eventId} and article_id = ${articleId} returning article_id`;
	return rows.length > 0;
}

/** The relations from this event to others (not deleted). */
export async function relations(eventId: number, db: Db = sql): Promise<DeskRelation[]> {
	return db<DeskRelation[]>`
		select r.to_event_id, r.relation, e.title as to_title
		from event_relations r join events e on e.id = r.to_event_id
		where r.from_event_id = ${eventId} and e.deleted_at is null
		order by r.relation, e.occurred_start`;
}

/** Removes one relation; false when there was none. */
export async function unrelate(from: number, to: number, relation: string, db: Db = sql) {
	const rows = await db`delete from event_relations
		where from_event_id = ${from} and to_event_id = ${to} and relation = ${relation}
		returning from_event_id`;
	return rows.length > 0;
}

/** Unlinks an entity from the event; false when it was not linked. */
export async function unlinkEntity(eventId: number, entityId: number, db: Db = sql) {
	const rows = await db`delete from event_entities
		where event_id = ${eventId} and entity_id = ${entityId} returning entity_id`;
	return rows.length > 0;
}

/**
 * Folds `otherId` into `keepId`: every source, actor and relation of the other moves to the kept
 * event (a source both cite keeps the kept event's evidence), relations between the two vanish,
 * and the other is soft-deleted. Run inside a transaction.
 */
export async function merge(keepId: number, otherId: number, db: Db): Promise<void> {
	await db`
		insert into event_sources (event_id, article_id, evidence, added_by, added_at)
		select ${keepId}, article_id, evidence, added_by, added_at
		from event_sources where event_id = ${otherId}
		on conflict (event_id, article_id) do nothing`;
	await db`
		insert into event_entities (event_id, entity_id, role)
		select ${keepId}, entity_id, role from event_entities where event_id = ${otherId}
		on conflict (event_id, entity_id) do nothing`;
	await db`
		insert into event_relations (from_event_id, to_event_id, relation, created_by, created_at)
		select ${keepId}, to_event_id, relation, created_by, created_at
		from event_relations where from_event_id = ${otherId} and to_event_id <> ${keepId}
		union all
		select from_event_id, ${keepId}, relation, created_by, created_at
		from event_relations where to_event_id = ${otherId} and from_event_id <> ${keepId}
		on conflict do nothing`;
	await db`delete from event_relations
		where (from_event_id = ${keepId} and to_event_id = ${otherId})
			or (from_event_id = ${otherId} and to_event_id = ${keepId})`;
	await softDelete(otherId, null, db);
	// first_reported_at follows the earliest source, as addSource keeps it.
	await db`
		update events e set first_reported_at = least(e.first_reported_at, (
			select min(a.published_at) from event_sources es join articles a on a.id = es.article_id
			where es.event_id = ${keepId})), version = version + 1, updated_at = now()
		where e.id = ${keepId}`;
}

/**
 * The zone each place was last given, by place name (lower-cased), across every story: the
 * event form fills the zone in from the place an editor types.
 */
export async function placeZones(db: Db = sql): Promise<Record<string, string>> {
	const rows = await db<{ place: string; timeZone: string }[]>`
		select distinct on (lower(place_name)) lower(place_name) as place, time_zone
		from events
		where place_name is not null and deleted_at is null
		order by lower(place_name), updated_at desc
		limit 2000
	`;
	return Object.fromEntries(rows.map((row) => [row.place, row.timeZone]));
}
