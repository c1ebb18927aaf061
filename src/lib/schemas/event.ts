/**
 * An event's editable fields: one zod schema per field, used by the desk form, by PATCH/PUT
 * /api/v1/events/{id} and by the OpenAPI document (`EventChange`, `EventReplace`). Names are the
 * ones the API returns (`occurredStart`, `placeName`, `latitude`…), so a client can send back
 * what it read.
 */
import { z } from 'zod';
import { EVENT_KINDS, PRECISIONS, VERIFICATIONS } from '$lib/types';
import { DATE_TIME_MESSAGE, dateTimeText } from './dates';
import { text } from './text';

export const eventKind = z.enum(EVENT_KINDS, { error: 'Choose a kind.' });
export const precision = z.enum(PRECISIONS, { error: 'Choose a precision.' });
export const verification = z.enum(VERIFICATIONS, { error: 'Choose a verification.' });
export const eventStatus = z.enum(['draft', 'published'], { error: 'Choose draft or published.' });

/** An IANA zone Intl knows (not an offset such as +02:00, which has no DST rules). */
export function isTimeZone(zone: string): boolean {
	if (!zone || /^[+-]?\d/.test(zone)) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

const ZONE_MESSAGE = 'Use an IANA time zone such as Europe/Kyiv or UTC.';
export const timeZone = text('timeZone', { required: ZONE_MESSAGE }).refine(isTimeZone, {
	error: ZONE_MESSAGE
});

const coordinate = (limit: number, message: string) =>
	z
		.number({ error: message })
		.min(-limit, { error: message })
		.max(limit, { error: message })
		.nullable();

/** Each field as the JSON API takes it. */
export const eventFields = {
	kind: eventKind,
	title: text('title', { required: 'Give the event a title.' }),
	description: text('description', { multiline: true }),
	occurredStart: dateTimeText.meta({
		description:
			'ISO 8601: with an offset it is that instant; without one (2025-12-06T14:30) it is ' +
			'wall-clock time in timeZone. Years 1–9999.'
	}),
	occurredEnd: dateTimeText
		.nullable()
		.meta({ description: 'The end, read like occurredStart; needed for "approximate".' }),
	precision,
	timeZone,
	placeName: text('name').nullable(),
	latitude: coordinate(90, 'Latitude is a number from -90 to 90.'),
	longitude: coordinate(180, 'Longitude is a number from -180 to 180.'),
	attribution: text('attribution').nullable().meta({ description: 'Who asserts it.' }),
	verification,
	status: eventStatus
};

export type EventFieldName = keyof typeof eventFields;
export const EVENT_FIELDS = Object.keys(eventFields) as EventFieldName[];

/** PATCH /api/v1/events/{id}: any of the fields; any other name is refused. */
export const EventChange = z.strictObject(eventFields).partial().meta({
	description: 'PATCH sends some of these; the rest keep their values.'
});

/** The fields PUT must send (the others take their defaults). */
export const EVENT_REQUIRED_BY_PUT = ['kind', 'title', 'occurredStart', 'precision'] as const;

/** PUT /api/v1/events/{id}: the event's fields anew. */
export const EventReplace = z
	.strictObject(eventFields)
	.partial()
	.required({ kind: true, title: true, occurredStart: true, precision: true })
	.meta({
		description: 'PUT sends the event anew: fields left out take their defaults.'
	});

export { DATE_TIME_MESSAGE };

/**
 * A new event of a story (for POST /api/v1/stories/{id}/events): kind, title and start at
 * least; the rest take their defaults (precision day, zone UTC, reported, draft).
 */
export const NewEvent = z
	.strictObject(eventFields)
	.partial()
	.required({ kind: true, title: true, occurredStart: true })
	.meta({ description: 'A new event: fields left out take their defaults.' });
