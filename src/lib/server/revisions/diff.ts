/**
 * What changed between two states of a story or an event, in the words an editor reads on the
 * history page and on the restore confirmation: "Date: 7 December 2025 → 8 December 2025
 * (America/New_York)", "Place: — → Miami". Snapshots are read through `snapshot.ts` (either key
 * spelling), then compared as typed fields, so a date, zone or place edit is never "no change".
 * Pure, so the pages, the API and the tests share it.
 */
import { isoWithOffset } from '../../format/dates';
import { dayIn, eventWhenIn, timestampIn } from '../../format/locale-dates';
import { translator, type Translate } from '../../i18n';
import type en from '../../i18n/messages/en.json';

/** The rows' stable names, each with its label in the message files. */
type RowName = keyof typeof en.desk.revisionField;
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

/**
 * The language the rows are written in: English for the API and by default, the staff member's
 * on the desk's history pages.
 */
export interface DiffWords {
	locale: string;
	t: Translate;
}
const ENGLISH: DiffWords = { locale: 'en', t: translator('en') };

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
const sameInstant = (a: Date | null, b: Date | null) =>
	a === null || b === null ? a === b : a.getTime() === b.getTime();

/** The rows' words in one language: field names, values, dates. */
function wordsFor({ locale, t }: DiffWords) {
	const day = (at: Date | null, zone = 'UTC') => (at ? dayIn(at, locale, zone) : NONE);
	const deleted = (at: Date | null) =>
		at ? t('desk.revisionValue.deleted', { when: timestampIn(at, locale) }) : NONE;
	/** The date as readers see it; to the minute with the offset when the wording hides a change. */
	const when = (e: EventFields, exact: boolean) => {
		if (!exact) return eventWhenIn(e, locale, t);
		const end = e.occurredEnd ? ` – ${isoWithOffset(e.occurredEnd, e.timeZone)}` : '';
		return `${isoWithOffset(e.occurredStart, e.timeZone)}${end}`;
	};
	/** The media item in one line: kind, address, then what readers read beside it. */
	const media = (e: EventFields) =>
		e.mediaUrl === null
			? NONE
			: [
					`${t(`desk.revisionValue.${e.mediaKind ?? 'link'}`)}: ${e.mediaUrl}`,
					e.mediaCaption,
					e.mediaCredit && t('desk.revisionValue.credit', { credit: e.mediaCredit }),
					e.mediaAlt && t('desk.revisionValue.alt', { alt: e.mediaAlt }),
					e.mediaWidth && `${e.mediaWidth}×${e.mediaHeight}`
				]
					.filter(Boolean)
					.join(' · ');
	const rows: FieldChange[] = [];
	/** A row when the field differs, labelled in the language. */
	const add = (field: RowName, was: string, now: string) => {
		if (was !== now)
			rows.push({ field, label: t(`desk.revisionField.${field}`), before: was, after: now });
	};
	return { t, day, deleted, when, media, rows, add };
}

function dateChange(
	a: EventFields,
	b: EventFields,
	w: ReturnType<typeof wordsFor>
): FieldChange | null {
	const moved =
		!sameInstant(a.occurredStart, b.occurredStart) || !sameInstant(a.occurredEnd, b.occurredEnd);
	const rezoned = a.timeZone !== b.timeZone;
	let before = w.when(a, false);
	let after = w.when(b, false);
	if (!moved && !rezoned && before === after && a.precision === b.precision) return null;
	if (before === after && moved) {
		before = w.when(a, true);
		after = w.when(b, true);
	}
	if (rezoned) before = `${before} (${a.timeZone})`;
	after = `${after} (${b.timeZone})`;
	return { field: 'date', label: w.t('desk.revisionField.date'), before, after };
}

const coordinates = (e: EventFields) =>
	e.latitude === null || e.longitude === null ? NONE : `${e.latitude}, ${e.longitude}`;

/** The rows that differ between two event states; `before` null lists every set field. */
export function eventChanges(
	before: EventState | null,
	after: EventState,
	language: DiffWords = ENGLISH
): FieldChange[] {
	const w = wordsFor(language);
	const { t, rows, add } = w;
	const kind = (e: EventState) => t(`common.kind.${e.kind}`);
	const verification = (e: EventState) => t(`common.verification.${e.verification}`);
	const status = (e: EventState) => t(`desk.revisionValue.${e.status}`);
	const precision = (e: EventState) => t(`common.precision.${e.precision}`);
	const pinned = (e: EventState | null) => t(`desk.revisionValue.${e?.pinned ? 'yes' : 'no'}`);
	add('kind', before ? kind(before) : NONE, kind(after));
	add('title', text(before?.title), text(after.title));
	add('description', text(before?.description), text(after.description));
	if (before) {
		const date = dateChange(before, after, w);
		if (date) rows.push(date);
	} else {
		rows.push({
			field: 'date',
			label: t('desk.revisionField.date'),
			before: NONE,
			after: `${w.when(after, false)} (${after.timeZone})`
		});
	}
	add('precision', before ? precision(before) : NONE, precision(after));
	add('timeZone', text(before?.timeZone), text(after.timeZone));
	add('place', text(before?.placeName), text(after.placeName));
	add('coordinates', before ? coordinates(before) : NONE, coordinates(after));
	add('attribution', text(before?.attribution), text(after.attribution));
	add('verification', before ? verification(before) : NONE, verification(after));
	add('status', before ? status(before) : NONE, status(after));
	add('pinned', pinned(before), pinned(after));
	add('media', before ? w.media(before) : NONE, w.media(after));
	add(
		'firstReported',
		w.day(before?.firstReportedAt ?? null, before?.timeZone),
		w.day(after.firstReportedAt, after.timeZone)
	);
	add('deleted', w.deleted(before?.deletedAt ?? null), w.deleted(after.deletedAt));
	return rows;
}

/** The rows that differ between two story states; `before` null lists every set field. */
export function storyChanges(
	before: StoryState | null,
	after: StoryState,
	language: DiffWords = ENGLISH
): FieldChange[] {
	const w = wordsFor(language);
	const { t, rows, add } = w;
	const status = (s: StoryState) => t(`common.status.${s.status}`);
	const publication = (s: StoryState) => t(`desk.revisionValue.${s.publication}`);
	add('title', text(before?.title), text(after.title));
	add('slug', text(before?.slug), text(after.slug));
	add('summary', text(before?.summary), text(after.summary));
	add('status', before ? status(before) : NONE, status(after));
	add('language', text(before?.language), text(after.language));
	add('publication', before ? publication(before) : NONE, publication(after));
	add('deleted', w.deleted(before?.deletedAt ?? null), w.deleted(after.deletedAt));
	return rows;
}

/** What one revision changed against the one before it (null: it is the first). */
export function diffSnapshots(
	entityType: 'story' | 'event',
	before: Snapshot | null,
	after: Snapshot,
	language: DiffWords = ENGLISH
): FieldChange[] {
	return entityType === 'story'
		? storyChanges(before && storyStateOf(before), storyStateOf(after), language)
		: eventChanges(before && eventStateOf(before), eventStateOf(after), language);
}
