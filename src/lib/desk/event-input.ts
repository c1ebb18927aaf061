/** Validation of an event's editable fields, shared by the desk form and the JSON API. */
import { EVENT_KINDS, PRECISIONS, VERIFICATIONS } from '$lib/types';
import type { EventKind, Precision, TimelineEvent, Verification } from '$lib/types';
import { text, type FieldErrors, type Parsed } from './story-input';
import { parseInstant, parseLocalInput, type ParsedDate } from '$lib/time/local-input';

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

export function isTimeZone(zone: string): boolean {
	if (/^[+-]?\d/.test(zone)) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** An ISO instant ('…Z', '…+02:00') or a datetime-local value read in `zone`; years 0001–9999. */
function instant(value: string, zone: string): ParsedDate {
	if (/[zZ]$|[+-]\d\d:?\d\d$/.test(value)) return parseInstant(value);
	return parseLocalInput(value, zone);
}

function coordinate(raw: unknown, limit: number): number | null | undefined {
	if (raw === undefined || raw === null || raw === '') return null;
	const n = typeof raw === 'number' ? raw : Number(raw);
	return Number.isFinite(n) && Math.abs(n) <= limit ? n : undefined;
}

function oneOf<T extends string>(value: string, options: readonly T[]): value is T {
	return (options as readonly string[]).includes(value);
}

/** Checks an event's fields; times without an offset are wall-clock time in the time zone. */
export function parseEvent(input: Record<string, unknown>): Parsed<EventInput> {
	const errors: FieldErrors = {};
	const kind = text(input, 'kind', errors);
	const title = text(input, 'title', errors);
	const description = text(input, 'description', errors);
	const precision = text(input, 'precision', errors) || 'day';
	const timeZone = text(input, 'timeZone', errors) || 'UTC';
	const verification = text(input, 'verification', errors) || 'reported';
	const status = text(input, 'status', errors) || 'draft';
	const zoneOk = isTimeZone(timeZone);
	if (!zoneOk) errors.timeZone = 'Use an IANA time zone such as Europe/Kyiv or UTC.';
	const startRaw = text(input, 'occurredStart', errors);
	const endRaw = text(input, 'occurredEnd', errors);
	const zone = zoneOk ? timeZone : 'UTC';
	const startParsed = startRaw ? instant(startRaw, zone) : null;
	const endParsed = endRaw ? instant(endRaw, zone) : null;
	const start = startParsed?.ok ? startParsed.date : null;
	const end = endParsed?.ok ? endParsed.date : null;
	if (startParsed && !startParsed.ok) errors.occurredStart ??= startParsed.error;
	if (!start) errors.occurredStart ??= 'Give the date and time it started.';
	if (endParsed && !endParsed.ok) errors.occurredEnd ??= endParsed.error;
	if (start && end && end < start) errors.occurredEnd = 'The end cannot come before the start.';
	if (precision === 'approximate' && !end)
		errors.occurredEnd ??= 'An approximate time needs the end of its window.';
	if (!oneOf(kind, EVENT_KINDS)) errors.kind ??= 'Choose a kind.';
	if (!title) errors.title ??= 'Give the event a title.';
	else if (title.length > 300) errors.title = 'Keep the title under 300 characters.';
	if (!oneOf(precision, PRECISIONS)) errors.precision ??= 'Choose a precision.';
	if (!oneOf(verification, VERIFICATIONS)) errors.verification ??= 'Choose a verification.';
	if (status !== 'draft' && status !== 'published') errors.status ??= 'Choose draft or published.';
	const latitude = coordinate(input.latitude, 90);
	const longitude = coordinate(input.longitude, 180);
	if (latitude === undefined) errors.latitude = 'Latitude is a number from -90 to 90.';
	if (longitude === undefined) errors.longitude = 'Longitude is a number from -180 to 180.';
	if ((latitude === null) !== (longitude === null) && !errors.latitude && !errors.longitude)
		errors.longitude = 'Give both latitude and longitude, or neither.';
	if (Object.keys(errors).length > 0 || !start) return { ok: false, errors };
	return {
		ok: true,
		value: {
			kind: kind as EventKind,
			title,
			description,
			occurredStart: start,
			occurredEnd: end,
			precision: precision as Precision,
			timeZone,
			placeName: text(input, 'placeName', errors) || null,
			latitude: latitude ?? null,
			longitude: longitude ?? null,
			attribution: text(input, 'attribution', errors) || null,
			verification: verification as Verification,
			status: status as 'draft' | 'published'
		}
	};
}
