/**
 * An event's editable fields: one zod schema per field, used by the desk form, by PATCH/PUT
 * /api/v1/events/{id} and by the OpenAPI document (`EventChange`, `EventReplace`). Names are the
 * ones the API returns (`occurredStart`, `placeName`, `latitude`…), so a client can send back
 * what it read.
 */
import { z } from 'zod';
import { EVENT_KINDS, MEDIA_KINDS, PRECISIONS, VERIFICATIONS } from '$lib/types';
import { LIMITS } from './limits';
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

/**
 * An address a reader's browser may open or load: http or https only, so javascript:, data:
 * and file: never reach a page. Stored as the URL parser writes it (scheme lower-cased).
 */
export function httpUrl(value: string): string | null {
	if (/\s/.test(value)) return null;
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname
			? url.href
			: null;
	} catch {
		return null;
	}
}

const MEDIA_URL_MESSAGE = 'Use a full http:// or https:// address.';
export const mediaUrl = z
	.string({ error: MEDIA_URL_MESSAGE })
	.trim()
	.max(LIMITS.url, { error: `Keep the address to ${LIMITS.url} characters or fewer.` })
	.refine((value) => httpUrl(value) !== null, { error: MEDIA_URL_MESSAGE })
	// Written out, non-ASCII characters grow into %-escapes: the stored form must fit too.
	.refine((value) => (httpUrl(value)?.length ?? 0) <= LIMITS.url, {
		error: `Keep the address to ${LIMITS.url} characters or fewer.`
	})
	.transform((value) => httpUrl(value) ?? value)
	.meta({ format: 'uri', description: 'The image or the page to link to: http(s) only.' });

const pixels = (message: string) =>
	z.int({ error: message }).min(1, { error: message }).max(10_000, { error: message }).nullable();

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
	status: eventStatus,
	pinned: z
		.boolean({ error: 'Pinned is true or false.' })
		.meta({ description: 'A key event, listed at the top of the story page and the embed.' }),
	mediaKind: z
		.enum(MEDIA_KINDS, { error: 'Choose image or link.' })
		.nullable()
		.meta({ description: 'image: shown in place; link (YouTube, X, Bluesky…): shown as a card.' }),
	mediaUrl: mediaUrl.nullable(),
	mediaCaption: text('mediaCaption', { multiline: true }).nullable(),
	mediaCredit: text('mediaCredit').nullable(),
	mediaAlt: text('mediaAlt', { multiline: true }).nullable().meta({
		description: 'What the image shows, for readers who cannot see it; required for images.'
	}),
	mediaWidth: pixels('The width is a whole number of pixels from 1 to 10,000.'),
	mediaHeight: pixels('The height is a whole number of pixels from 1 to 10,000.')
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
