/**
 * Validation of an event's editable fields, shared by the desk form and the JSON API: each field
 * by its schema in $lib/schemas/event, then the checks across fields (the end after the start,
 * an approximate time's window, both coordinates or neither).
 */
import type { TimelineEvent } from '$lib/types';
import { instantIn } from '$lib/schemas/dates';
import { blankToMissing, formNumber, parseFields } from '$lib/schemas/errors';
import { eventFields } from '$lib/schemas/event';
import type { FieldErrors, Parsed } from './story-input';

export { isTimeZone } from '$lib/schemas/event';

/** The fields an editor sets on an event (the rest are the database's). */
export type EventInput = Pick<
	TimelineEvent,
	| 'kind'
	| 'title'
	| 'description'
	| 'occurredStart'
	| 'occurredEnd'
	| 'precision'
	| 'timeZone'
	| 'placeName'
	| 'latitude'
	| 'longitude'
	| 'attribution'
	| 'verification'
	| 'status'
>;

/** Checks an event's fields; times without an offset are wall-clock time in the time zone. */
export function parseEvent(input: Record<string, unknown>): Parsed<EventInput> {
	const given = blankToMissing(input);
	given.latitude = formNumber(given.latitude);
	given.longitude = formNumber(given.longitude);
	const { values, errors: fieldErrors } = parseFields(eventFields, given);
	const errors: FieldErrors = fieldErrors;
	if (given.kind === undefined) errors.kind = 'Choose a kind.';
	if (given.title === undefined) errors.title = 'Give the event a title.';

	const timeZone = values.timeZone ?? 'UTC';
	const read = (key: 'occurredStart' | 'occurredEnd'): Date | null => {
		const raw = values[key];
		if (!raw) return null;
		const at = instantIn(raw, errors.timeZone ? 'UTC' : timeZone);
		if (typeof at === 'string') errors[key] = at;
		return typeof at === 'string' ? null : at;
	};
	const start = read('occurredStart');
	const end = read('occurredEnd');
	const precision = values.precision ?? 'day';
	if (given.occurredStart === undefined)
		errors.occurredStart = 'Give the date and time it started.';
	if (start && end && end < start) errors.occurredEnd = 'The end cannot come before the start.';
	if (precision === 'approximate' && given.occurredEnd === undefined)
		errors.occurredEnd ??= 'An approximate time needs the end of its window.';

	const latitude = values.latitude ?? null;
	const longitude = values.longitude ?? null;
	if ((latitude === null) !== (longitude === null) && !errors.latitude && !errors.longitude)
		errors.longitude = 'Give both latitude and longitude, or neither.';

	if (Object.keys(errors).length > 0 || !start || !values.kind || !values.title)
		return { ok: false, errors };
	return {
		ok: true,
		value: {
			kind: values.kind,
			title: values.title,
			description: values.description ?? '',
			occurredStart: start,
			occurredEnd: end,
			precision,
			timeZone,
			placeName: values.placeName || null,
			latitude,
			longitude,
			attribution: values.attribution || null,
			verification: values.verification ?? 'reported',
			status: values.status ?? 'draft'
		}
	};
}
