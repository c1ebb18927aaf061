/**
 * Field-by-field differences between two revision snapshots (the rows as `to_jsonb` wrote them,
 * snake_case keys). Pure, so the history page and the tests share it.
 */

export type Snapshot = Record<string, unknown>;

export interface FieldChange {
	field: string;
	label: string;
	before: string;
	after: string;
}

/** What readers or editors see of a story, in the order the form shows it. */
export const STORY_DIFF_FIELDS = [
	'title',
	'slug',
	'summary',
	'status',
	'publication',
	'deleted_at'
];

export const EVENT_DIFF_FIELDS = [
	'kind',
	'title',
	'description',
	'occurred_start',
	'occurred_end',
	'precision',
	'time_zone',
	'place_name',
	'latitude',
	'longitude',
	'attribution',
	'verification',
	'status',
	'deleted_at'
];

/** 'occurred_start' → 'Occurred start'. */
export function fieldLabel(field: string): string {
	const words = field.replaceAll('_', ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as an editor reads it: empty for null, ISO for dates, plain text otherwise. */
export function showValue(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

const TIME = /^\d{4}-\d\d-\d\dT/;

/** An instant when the value is a Date or an ISO timestamp string, else null. */
function asTime(value: unknown): number | null {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'string' && TIME.test(value)) return Date.parse(value);
	return null;
}

/** Timestamps from jsonb and from the driver compare as instants, not as strings. */
function same(a: unknown, b: unknown): boolean {
	const ta = asTime(a);
	const tb = asTime(b);
	if (ta !== null && tb !== null) return ta === tb;
	return showValue(a) === showValue(b);
}

/** The fields whose value differs from `before` (null: the first revision, every set field). */
export function diffSnapshots(
	before: Snapshot | null,
	after: Snapshot,
	fields: readonly string[]
): FieldChange[] {
	const changes: FieldChange[] = [];
	for (const field of fields) {
		const was = before ? before[field] : null;
		const now = after[field];
		if (same(was, now)) continue;
		changes.push({
			field,
			label: fieldLabel(field),
			before: showValue(was),
			after: showValue(now)
		});
	}
	return changes;
}
