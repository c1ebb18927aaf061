/**
 * The event's write use cases, one command each: create, save (three-way merged against the
 * version the editor started from), move (dates only, the timeline's drag), delete and merge.
 * Sources, actors and relations are in event-parts.ts, proposals in event-proposals.ts. Every
 * door (desk form actions, /api/v1, suggestions) calls these and only maps the result.
 */
import type { Db } from '../db/client';
import * as revisions from '../db/revisions';
import * as deskEvents from '../db/desk-events';
import * as deskStories from '../db/desk-stories';
import { parseEvent } from '../../desk/event-input';
import type { TimelineEvent } from '../../types';
import { eventFieldsOf } from '../revisions/snapshot';
import type { Actor } from './actor';
import {
	inTransaction,
	recordEventChange,
	refusedEverywhere,
	refusedFor,
	stateOf
} from './event-command';
import { may, refusal } from './policy';
import { forbidden, invalid, notFound, ok, stale, type CommandResult } from './result';
import { sameValue, threeWay } from './three-way';

type DeskEvent = deskEvents.DeskEvent;
type EventFields = deskEvents.EventFields;
export type EventFieldName = (typeof deskEvents.EVENT_FIELD_NAMES)[number];

const NO_EVENT = 'No event with that id.';

/**
 * The media fields change together: a PATCH of the address alone also sets the kind it implies
 * (and clearing the address clears the rest), so the item is never half one, half another.
 */
const MEDIA_FIELDS: readonly EventFieldName[] = [
	'mediaKind',
	'mediaUrl',
	'mediaCaption',
	'mediaCredit',
	'mediaAlt',
	'mediaWidth',
	'mediaHeight'
];
const withMediaGroup = (only: readonly EventFieldName[] | undefined) =>
	only && only.some((key) => MEDIA_FIELDS.includes(key))
		? [...new Set([...only, ...MEDIA_FIELDS])]
		: only;

/** The editable fields of a stored event. */
export function fieldsOf(event: EventFields): EventFields {
	return Object.fromEntries(
		deskEvents.EVENT_FIELD_NAMES.map((key) => [key, event[key]])
	) as unknown as EventFields;
}

/** Fields as input `parseEvent` reads back to the same values (instants in ISO 8601). */
export function inputOf(fields: EventFields): Record<string, unknown> {
	return {
		...fields,
		occurredStart: fields.occurredStart.toISOString(),
		occurredEnd: fields.occurredEnd?.toISOString() ?? null
	};
}

function withoutSources(event: TimelineEvent): DeskEvent {
	const { sources, ...rest } = event;
	void sources;
	return rest;
}

/** Creates an event in a story; a contributor may create drafts only. */
export async function createEvent(
	actor: Actor,
	storyId: number,
	values: Record<string, unknown>
): Promise<CommandResult<DeskEvent>> {
	const never = refusedEverywhere(actor, 'event.create');
	if (never) return never;
	const parsed = parseEvent(values);
	const state = parsed.ok ? stateOf(parsed.value) : 'draft';
	if (!may(actor.role, 'event.create', state)) return forbidden(refusal('event.create', state));
	return inTransaction(actor, async (tx) => {
		if (!(await deskStories.get(storyId, tx))) return notFound('No story with that id.');
		if (!parsed.ok) return invalid(parsed.errors);
		const created = withoutSources(await deskEvents.create(storyId, parsed.value, tx));
		if (created.status === 'published')
			await recordEventChange(actor, 'event.published', created.id, { after: created }, tx);
		return ok(created);
	});
}

export interface SaveEvent {
	/** The version the editor's form (or API client) read. */
	version: number;
	/** The fields as sent: form strings or JSON values. */
	values: Record<string, unknown>;
	/** Only these fields were sent (PATCH); the others are the base's. Default: all. */
	only?: readonly EventFieldName[];
}

/** What a save answers when both editors changed a field differently. */
export interface SaveConflict {
	/** The event as saved now (theirs). */
	event: DeskEvent;
	/** The fields both changed, to different values. */
	conflicts: EventFieldName[];
	/** Theirs with your other changes applied (conflicting fields keep theirs). */
	merged: EventFields;
}

export interface Saved {
	event: DeskEvent;
	/** The fields this save wrote. */
	changed: EventFieldName[];
}

/** A textarea posts CRLF; the same text typed again must not count as a change. */
function normalised(values: Record<string, unknown>): Record<string, unknown> {
	const { description } = values;
	return typeof description === 'string'
		? { ...values, description: description.replace(/\r\n?/g, '\n') }
		: values;
}

/** The form shows minutes: a date unchanged to the minute keeps the base's seconds. */
function keepSeconds(yours: EventFields, base: EventFields): EventFields {
	const minute = (date: Date) => Math.floor(date.getTime() / 60_000) * 60_000;
	const same = (a: Date | null, b: Date | null) => !!a && !!b && a.getTime() === minute(b);
	return {
		...yours,
		occurredStart: same(yours.occurredStart, base.occurredStart)
			? base.occurredStart
			: yours.occurredStart,
		occurredEnd: same(yours.occurredEnd, base.occurredEnd) ? base.occurredEnd : yours.occurredEnd
	};
}

/**
 * Saves an editor's changes: only the fields they changed since `version` are written, over
 * whatever others saved meanwhile. A field both changed to different values is answered stale
 * with the conflicting fields; nothing is written then.
 */
export async function saveEvent(
	actor: Actor,
	id: number,
	save: SaveEvent
): Promise<CommandResult<Saved>> {
	const never = refusedEverywhere(actor, 'event.edit');
	if (never) return never;
	return inTransaction<Saved>(actor, (tx) => saveEventIn(actor, id, save, tx));
}

/** `saveEvent` inside a transaction the caller holds (a batch that stands or falls whole). */
export async function saveEventIn(
	actor: Actor,
	id: number,
	save: SaveEvent,
	tx: Db
): Promise<CommandResult<Saved>> {
	const current = await deskEvents.getForUpdate(id, tx);
	if (!current) return notFound(NO_EVENT);
	const refused = refusedFor(actor, 'event.edit', current);
	if (refused) return refused;
	const theirs = fieldsOf(current);
	const snapshot =
		save.version === current.version
			? null
			: (await revisions.atVersion('event', id, save.version, tx))?.snapshot;
	const base = save.version === current.version ? theirs : snapshot && eventFieldsOf(snapshot);
	const only = withMediaGroup(save.only);
	const input = normalised(only ? { ...inputOf(base ?? theirs), ...save.values } : save.values);
	const parsed = parseEvent(input);
	if (!parsed.ok) return invalid(parsed.errors);
	const fields = only ?? deskEvents.EVENT_FIELD_NAMES;
	const yours = keepSeconds(parsed.value, base ?? theirs);
	// No base to compare with (a version that never existed): every difference is a conflict.
	const merge = base
		? threeWay(base, theirs, yours, fields)
		: {
				merged: theirs,
				changed: [],
				conflicts: fields.filter((key) => !sameValue(yours[key], theirs[key]))
			};
	if (merge.conflicts.length > 0) {
		const conflict: SaveConflict = {
			event: current,
			conflicts: [...merge.conflicts],
			merged: merge.merged
		};
		return stale(conflict, current.version);
	}
	const written = fields.filter((key) => !sameValue(merge.merged[key], theirs[key]));
	if (written.length === 0) return ok({ event: current, changed: [] });
	if (merge.merged.status !== current.status) {
		const refusedPublish = refusedFor(actor, 'event.publish', current);
		if (refusedPublish) return refusedPublish;
	}
	const combined = parseEvent(inputOf(merge.merged));
	if (!combined.ok)
		return invalid(combined.errors, 'Together with the other editor’s changes this is not valid.');
	const updated = await deskEvents.update(id, current.version, merge.merged, tx);
	// The row is locked: only a concurrent delete can make this miss.
	if (!updated.ok) return notFound(NO_EVENT);
	await auditSave(actor, current, updated.value, written, tx);
	return ok({ event: updated.value, changed: written });
}

async function auditSave(
	actor: Actor,
	before: DeskEvent,
	after: DeskEvent,
	written: EventFieldName[],
	tx: Db
) {
	const pick = (event: DeskEvent) => Object.fromEntries(written.map((key) => [key, event[key]]));
	if (before.status !== after.status) {
		const action = after.status === 'published' ? 'event.published' : 'event.unpublished';
		await recordEventChange(
			actor,
			action,
			after.id,
			{ before: pick(before), after: pick(after) },
			tx
		);
	} else if (after.status === 'published') {
		await recordEventChange(
			actor,
			'event.edited',
			after.id,
			{
				before: pick(before),
				after: pick(after)
			},
			tx
		);
	}
}

/** Moves an event in time (the desk timeline's drag): a save of its dates only. */
export function moveEvent(
	actor: Actor,
	id: number,
	version: number,
	dates: { occurredStart: unknown; occurredEnd?: unknown }
): Promise<CommandResult<Saved>> {
	const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
	const values: Record<string, unknown> = { occurredStart: iso(dates.occurredStart) };
	const only: EventFieldName[] = ['occurredStart'];
	if ('occurredEnd' in dates) {
		values.occurredEnd = iso(dates.occurredEnd);
		only.push('occurredEnd');
	}
	return saveEvent(actor, id, { version, values, only });
}

/** Deletes an event (to the trash); `version` null deletes whatever its version. */
export async function deleteEvent(
	actor: Actor,
	id: number,
	version: number | null
): Promise<CommandResult<DeskEvent>> {
	const never = refusedEverywhere(actor, 'event.delete');
	if (never) return never;
	return inTransaction(actor, async (tx) => {
		const current = await deskEvents.getForUpdate(id, tx);
		if (!current) return notFound(NO_EVENT);
		const refused = refusedFor(actor, 'event.delete', current);
		if (refused) return refused;
		if (version !== null && version !== current.version) return stale(current, current.version);
		await deskEvents.softDelete(id, null, tx);
		await recordEventChange(actor, 'event.deleted', id, { before: current }, tx);
		return ok(current);
	});
}

/** Folds another event of the same story into `keepId` (its parts move over, it is deleted). */
export async function mergeEvents(
	actor: Actor,
	keepId: number,
	otherId: number | null
): Promise<CommandResult<{ kept: DeskEvent; merged: DeskEvent }>> {
	const never = refusedEverywhere(actor, 'event.merge');
	if (never) return never;
	return inTransaction(actor, async (tx) => {
		const kept = await deskEvents.getForUpdate(keepId, tx);
		if (!kept) return notFound(NO_EVENT);
		const other = otherId === null ? undefined : await deskEvents.getForUpdate(otherId, tx);
		if (!other || other.storyId !== kept.storyId || other.id === kept.id)
			return invalid({ otherId: 'Choose another event of this story.' });
		const refused =
			refusedFor(actor, 'event.merge', kept) ?? refusedFor(actor, 'event.merge', other);
		if (refused) return refused;
		await deskEvents.merge(kept.id, other.id, tx);
		await recordEventChange(
			actor,
			'event.merged',
			kept.id,
			{ before: { mergedEventId: other.id, title: other.title } },
			tx
		);
		return ok({ kept, merged: other });
	});
}
