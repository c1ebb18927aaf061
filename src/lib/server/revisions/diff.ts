/**
 * What changed between two states of a story or an event, in the words an editor reads on the
 * history page and on the restore confirmation: "Date: 7 December 2025 → 8 December 2025
 * (America/New_York)", "Place: — → Miami". Snapshots are read through `snapshot.ts` (either key
 * spelling), then compared as typed fields, so a date, zone or place edit is never "no change".
 * Pure, so the pages, the API and the tests share it.
 */
import {
	formatDay,
	formatEventWhen,
	formatTimestamp,
	isoWithOffset,
	PRECISION_LABELS
} from '../../format/dates';
import type { EventFields } from '../db/desk-events';
import type { StoryFields } from '../db/desk-stories';
import type { Publication } from '../../types';
import { eventFieldsOf, field, storyFieldsOf, type Snapshot } from './snapshot';

export type { Snapshot };

export interface FieldChange {
	/** A stable name for the row: 'date', 'place', 'coordinates', 'title' … */
	field: string;
	label: string;
	before: string;
	after: string;
}

/** An event as the history compares it: its editable fields and whether it was deleted. */
export interface EventState extends EventFields {
	/** Not editable (it follows the earliest source) but readers see it. */
	firstReportedAt: Date | null;
	deletedAt: Date | null;
}

/** A story as the history compares it (publication has its own verb but readers see it). */
export interface StoryState extends StoryFields {
	publication: Publication;
	deletedAt: Date | null;
}

const NONE = '—';

function instantOrNull(value: unknown): Date | null {
	if (value instanceof Date) return value;
	if (typeof value !== 'string') return null;
	const time = Date.parse(value);
	return Number.isNaN(time) ? null : new Date(time);
}

export function eventStateOf(s: Snapshot): EventState {
	return {
		...eventFieldsOf(s),
		firstReportedAt: instantOrNull(field(s, 'first_reported_at')),
		deletedAt: instantOrNull(field(s, 'deleted_at'))
	};
}

export function storyStateOf(s: Snapshot): StoryState {
	return {
		...storyFieldsOf(s),
		publication: field(s, 'publication') === 'published' ? 'published' : 'draft',
		deletedAt: instantOrNull(field(s, 'deleted_at'))
	};
}

const text = (value: string | null | undefined) => (value ? value : NONE);
const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const sameInstant = (a: Date | null, b: Date | null) =>
	a === null || b === null ? a === b : a.getTime() === b.getTime();
const day = (at: Date | null, zone = 'UTC') => (at ? formatDay(at, zone) : NONE);
const deleted = (at: Date | null) => (at ? `Deleted ${formatTimestamp(at)}` : NONE);

/** The date as readers see it; to the minute with the offset when the wording hides a change. */
function when(e: EventFields, exact: boolean): string {
	if (!exact) return formatEventWhen(e);
	const end = e.occurredEnd ? ` – ${isoWithOffset(e.occurredEnd, e.timeZone)}` : '';
	return `${isoWithOffset(e.occurredStart, e.timeZone)}${end}`;
}

function dateChange(a: EventFields, b: EventFields): FieldChange | null {
	const moved =
		!sameInstant(a.occurredStart, b.occurredStart) || !sameInstant(a.occurredEnd, b.occurredEnd);
	const rezoned = a.timeZone !== b.timeZone;
	let before = when(a, false);
	let after = when(b, false);
	if (!moved && !rezoned && before === after && a.precision === b.precision) return null;
	if (before === after && moved) {
		before = when(a, true);
		after = when(b, true);
	}
	if (rezoned) before = `${before} (${a.timeZone})`;
	after = `${after} (${b.timeZone})`;
	return { field: 'date', label: 'Date', before, after };
}

const coordinates = (e: EventFields) =>
	e.latitude === null || e.longitude === null ? NONE : `${e.latitude}, ${e.longitude}`;

/** The media item in one line: kind, address, then what readers read beside it. */
const media = (e: EventFields) =>
	e.mediaUrl === null
		? NONE
		: [
				`${capitalised(e.mediaKind ?? 'link')}: ${e.mediaUrl}`,
				e.mediaCaption,
				e.mediaCredit && `Credit: ${e.mediaCredit}`,
				e.mediaAlt && `Alt: ${e.mediaAlt}`,
				e.mediaWidth && `${e.mediaWidth}×${e.mediaHeight}`
			]
				.filter(Boolean)
				.join(' · ');

/** The rows that differ between two event states; `before` null lists every set field. */
export function eventChanges(before: EventState | null, after: EventState): FieldChange[] {
	const rows: FieldChange[] = [];
	const add = (field: string, label: string, was: string, now: string) => {
		if (was !== now) rows.push({ field, label, before: was, after: now });
	};
	add('kind', 'Kind', before ? capitalised(before.kind) : NONE, capitalised(after.kind));
	add('title', 'Title', text(before?.title), text(after.title));
	add('description', 'Description', text(before?.description), text(after.description));
	if (before) {
		const date = dateChange(before, after);
		if (date) rows.push(date);
	} else {
		rows.push({
			field: 'date',
			label: 'Date',
			before: NONE,
			after: `${formatEventWhen(after)} (${after.timeZone})`
		});
	}
	add(
		'precision',
		'Precision',
		before ? PRECISION_LABELS[before.precision] : NONE,
		PRECISION_LABELS[after.precision]
	);
	add('timeZone', 'Time zone', text(before?.timeZone), text(after.timeZone));
	add('place', 'Place', text(before?.placeName), text(after.placeName));
	add('coordinates', 'Coordinates', before ? coordinates(before) : NONE, coordinates(after));
	add('attribution', 'Attribution', text(before?.attribution), text(after.attribution));
	add(
		'verification',
		'Verification',
		before ? capitalised(before.verification) : NONE,
		capitalised(after.verification)
	);
	add('status', 'Status', before ? capitalised(before.status) : NONE, capitalised(after.status));
	add('pinned', 'Key event', before?.pinned ? 'Yes' : 'No', after.pinned ? 'Yes' : 'No');
	add('media', 'Media', before ? media(before) : NONE, media(after));
	add(
		'firstReported',
		'First reported',
		day(before?.firstReportedAt ?? null, before?.timeZone),
		day(after.firstReportedAt, after.timeZone)
	);
	add('deleted', 'Deleted', deleted(before?.deletedAt ?? null), deleted(after.deletedAt));
	return rows;
}

/** The rows that differ between two story states; `before` null lists every set field. */
export function storyChanges(before: StoryState | null, after: StoryState): FieldChange[] {
	const rows: FieldChange[] = [];
	const add = (field: string, label: string, was: string, now: string) => {
		if (was !== now) rows.push({ field, label, before: was, after: now });
	};
	add('title', 'Title', text(before?.title), text(after.title));
	add('slug', 'Slug', text(before?.slug), text(after.slug));
	add('summary', 'Summary', text(before?.summary), text(after.summary));
	add('status', 'Status', before ? capitalised(before.status) : NONE, capitalised(after.status));
	add('language', 'Language', text(before?.language), text(after.language));
	add(
		'publication',
		'Publication',
		before ? capitalised(before.publication) : NONE,
		capitalised(after.publication)
	);
	add('deleted', 'Deleted', deleted(before?.deletedAt ?? null), deleted(after.deletedAt));
	return rows;
}

/** What one revision changed against the one before it (null: it is the first). */
export function diffSnapshots(
	entityType: 'story' | 'event',
	before: Snapshot | null,
	after: Snapshot
): FieldChange[] {
	return entityType === 'story'
		? storyChanges(before && storyStateOf(before), storyStateOf(after))
		: eventChanges(before && eventStateOf(before), eventStateOf(after));
}
