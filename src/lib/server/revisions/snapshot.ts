/**
 * Reading a revision's snapshot back into an entity's editable fields. The trigger writes
 * `to_jsonb(row)` with snake_case keys, but the postgres.js client camelCases keys inside jsonb
 * values too, so a snapshot arrives as `occurredStart` (and older code or raw SQL may see
 * `occurred_start`). Every reader goes through `field()`, which accepts both spellings; a missing
 * field is an error, never a silent default (a default once restored events to 1 January 1970).
 * The one exception is `since()`: a column added after snapshots were first written (the key-event
 * flag and the media columns of migrations/00007) is absent from the older ones, and there its
 * column default is the truth (no event was pinned or had media before the columns existed).
 */
import type { EventFields } from '../db/desk-events';
import type { StoryFields } from '../db/desk-stories';
import {
	MEDIA_KINDS,
	type EventKind,
	type MediaKind,
	type Precision,
	type StoryStatus,
	type Verification
} from '../../types';

export type Snapshot = Record<string, unknown>;

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The value of a snake_case column in a snapshot, whichever spelling the keys came in. */
export function field(snapshot: Snapshot, column: string): unknown {
	if (column in snapshot) return snapshot[column];
	const other = camel(column);
	if (other in snapshot) return snapshot[other];
	throw new Error(`Revision snapshot has no ${column}`);
}

/**
 * A column added by a later migration: its value, or `before` when the snapshot was written
 * before the column existed. Null in a snapshot that has the key is kept as null.
 */
export function since(snapshot: Snapshot, column: string, before: unknown): unknown {
	return column in snapshot || camel(column) in snapshot ? field(snapshot, column) : before;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const strOrNull = (value: unknown) => (typeof value === 'string' ? value : null);
const num = (value: unknown) =>
	typeof value === 'number' ? value : typeof value === 'string' && value ? Number(value) : null;
function instant(value: unknown): Date | null {
	if (value instanceof Date) return value;
	if (typeof value !== 'string') return null;
	const time = Date.parse(value);
	return Number.isNaN(time) ? null : new Date(time);
}

/**
 * A story's language in a snapshot. Snapshots written before migration 00006 have none: every
 * story was English then (the migration gave them all 'en'), so that is what they restore to.
 * A snapshot that has the field but no usable value is still an error.
 */
function storyLanguage(s: Snapshot): string {
	if (!('language' in s)) return 'en';
	const language = field(s, 'language');
	if (typeof language !== 'string' || !language)
		throw new Error('Revision snapshot has no language');
	return language;
}

const mediaKind = (value: unknown): MediaKind | null =>
	(MEDIA_KINDS as readonly unknown[]).includes(value) ? (value as MediaKind) : null;

export function storyFieldsOf(s: Snapshot): StoryFields {
	return {
		title: str(field(s, 'title')),
		slug: str(field(s, 'slug')),
		summary: str(field(s, 'summary')),
		status: str(field(s, 'status')) as StoryStatus,
		language: storyLanguage(s)
	};
}

export function eventFieldsOf(s: Snapshot): EventFields {
	const start = instant(field(s, 'occurred_start'));
	if (!start) throw new Error('Revision snapshot has no readable occurred_start');
	return {
		kind: str(field(s, 'kind')) as EventKind,
		title: str(field(s, 'title')),
		description: str(field(s, 'description')),
		occurredStart: start,
		occurredEnd: instant(field(s, 'occurred_end')),
		precision: str(field(s, 'precision')) as Precision,
		timeZone: str(field(s, 'time_zone')),
		placeName: strOrNull(field(s, 'place_name')),
		latitude: num(field(s, 'latitude')),
		longitude: num(field(s, 'longitude')),
		attribution: strOrNull(field(s, 'attribution')),
		verification: str(field(s, 'verification')) as Verification,
		status: str(field(s, 'status')) === 'published' ? 'published' : 'draft',
		// Added in migrations/00007: older snapshots have neither, and then had neither.
		pinned: since(s, 'pinned', false) === true,
		mediaKind: mediaKind(since(s, 'media_kind', null)),
		mediaUrl: strOrNull(since(s, 'media_url', null)),
		mediaCaption: strOrNull(since(s, 'media_caption', null)),
		mediaCredit: strOrNull(since(s, 'media_credit', null)),
		mediaAlt: strOrNull(since(s, 'media_alt', null)),
		mediaWidth: num(since(s, 'media_width', null)),
		mediaHeight: num(since(s, 'media_height', null))
	};
}
