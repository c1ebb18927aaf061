/**
 * Validation of an event's editable fields, shared by the desk form and the JSON API: each field
 * by its schema in $lib/schemas/event, then the checks across fields (the end after the start,
 * an approximate time's window, both coordinates or neither).
 */
import type { EventMediaFields, TimelineEvent } from '$lib/types';
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
	| 'pinned'
> &
	EventMediaFields;

/** A form checkbox posts "on" when ticked and nothing when not; JSON sends a boolean. */
function formBoolean(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const word = value.trim().toLowerCase();
	return ['on', 'true', '1', 'yes'].includes(word)
		? true
		: ['off', 'false', '0', 'no'].includes(word)
			? false
			: value;
}

const IMAGE_FILE = /\.(avif|gif|jpe?g|png|svg|webp)$/i;

/** Without a kind, an address ending in an image file's extension is an image, else a link. */
export function guessMediaKind(url: string): 'image' | 'link' {
	try {
		return IMAGE_FILE.test(new URL(url).pathname) ? 'image' : 'link';
	} catch {
		return 'link';
	}
}

type Values = Partial<Record<keyof EventInput, unknown>>;

/** The media fields as stored: all null without an address; an image must say what it shows. */
function mediaOf(values: Values, given: Record<string, unknown>, errors: FieldErrors) {
	const url = (values.mediaUrl as string | undefined) ?? null;
	const details = ['mediaCaption', 'mediaCredit', 'mediaAlt', 'mediaWidth', 'mediaHeight'];
	if (!url) {
		if (given.mediaUrl === undefined && details.some((key) => given[key] !== undefined))
			errors.mediaUrl ??= 'Give the address of the image or link, or clear the other media fields.';
		return {
			mediaKind: null,
			mediaUrl: null,
			mediaCaption: null,
			mediaCredit: null,
			mediaAlt: null,
			mediaWidth: null,
			mediaHeight: null
		};
	}
	const kind = (values.mediaKind as 'image' | 'link' | undefined) ?? guessMediaKind(url);
	const text = (key: 'mediaCaption' | 'mediaCredit' | 'mediaAlt') =>
		(values[key] as string | undefined) || null;
	const width = (values.mediaWidth as number | null | undefined) ?? null;
	const height = (values.mediaHeight as number | null | undefined) ?? null;
	// The pages allow images from https: only (CSP img-src): an http image would never show.
	if (kind === 'image' && url.startsWith('http:'))
		errors.mediaUrl ??= 'Images need an https:// address: readers’ browsers block http images.';
	if (kind === 'image' && !text('mediaAlt'))
		errors.mediaAlt ??= 'Describe the image for readers who cannot see it.';
	if ((width === null) !== (height === null))
		errors.mediaHeight ??= 'Give both width and height, or neither.';
	return {
		mediaKind: kind,
		mediaUrl: url,
		mediaCaption: text('mediaCaption'),
		mediaCredit: text('mediaCredit'),
		mediaAlt: text('mediaAlt'),
		mediaWidth: width,
		mediaHeight: height
	};
}

/** Checks an event's fields; times without an offset are wall-clock time in the time zone. */
export function parseEvent(input: Record<string, unknown>): Parsed<EventInput> {
	const given = blankToMissing(input);
	given.latitude = formNumber(given.latitude);
	given.longitude = formNumber(given.longitude);
	given.mediaWidth = formNumber(given.mediaWidth);
	given.mediaHeight = formNumber(given.mediaHeight);
	given.pinned = formBoolean(given.pinned);
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

	const media = mediaOf(values, given, errors);

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
			status: values.status ?? 'draft',
			pinned: values.pinned ?? false,
			...media
		}
	};
}
