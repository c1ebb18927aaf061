/**
 * Dates and times as the desk and the API send them: an ISO 8601 instant with an offset
 * (`2025-12-06T14:30:00+03:00`, `…Z`) or a wall-clock time (`2025-12-06T14:30`, what a
 * datetime-local input sends) read in the event's zone. Years are 1–9999 and the calendar must
 * be real (no 2025-02-30), so nothing reaches PostgreSQL that it would refuse.
 */
import { z } from 'zod';
import { fromLocalInput } from '$lib/desk/zoned';
import { LIMITS, YEAR_MAX, YEAR_MIN } from './limits';

/** The JSON Schema pattern of a date-time field (the offset is optional). */
export const DATE_TIME_PATTERN =
	'^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|z|[+-]\\d{2}:?\\d{2})?$';
const PARTS =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

export const DATE_TIME_MESSAGE = 'Give a date and time such as 2025-12-06T14:30.';
export const YEAR_MESSAGE = `Use a year from ${YEAR_MIN} to ${YEAR_MAX}.`;

/** A date-time as text; `instantIn` reads it. */
export const dateTimeText = z
	.string({ error: DATE_TIME_MESSAGE })
	.trim()
	.max(LIMITS.dateText, { error: DATE_TIME_MESSAGE })
	.regex(new RegExp(DATE_TIME_PATTERN), { error: DATE_TIME_MESSAGE });

export const inYearRange = (date: Date) =>
	date.getUTCFullYear() >= YEAR_MIN && date.getUTCFullYear() <= YEAR_MAX;

/** The UTC milliseconds of a wall-clock reading, or null when the calendar has no such moment. */
function wallClock(fields: number[]): number | null {
	const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = fields;
	const probe = new Date(0);
	// setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
	probe.setUTCFullYear(year, month - 1, day);
	probe.setUTCHours(hour, minute, second, 0);
	const real =
		probe.getUTCFullYear() === year &&
		probe.getUTCMonth() === month - 1 &&
		probe.getUTCDate() === day &&
		probe.getUTCHours() === hour &&
		probe.getUTCMinutes() === minute &&
		second < 60;
	return real ? probe.getTime() : null;
}

/**
 * The instant a date-time names: with an offset it stands alone, without one it is wall-clock
 * time in `zone`. A string is the message for the editor when it names no instant we keep.
 */
export function instantIn(value: string, zone: string): Date | string {
	const match = PARTS.exec(value.trim());
	if (!match) return DATE_TIME_MESSAGE;
	const fields = match.slice(1, 7).map((part) => Number(part ?? 0));
	const year = fields[0] ?? 0;
	if (year < YEAR_MIN || year > YEAR_MAX) return YEAR_MESSAGE;
	const wall = wallClock(fields);
	if (wall === null) return 'That date does not exist.';
	const millis = match[7] ? Math.floor(Number(`0${match[7]}`) * 1000) : 0;
	let date: Date | null;
	const offset = match[8];
	if (offset) {
		const sign = offset.startsWith('-') ? -1 : 1;
		const digits = /^[Zz]$/.test(offset) ? '0000' : offset.slice(1).replace(':', '');
		const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
		if (Number(digits.slice(2)) > 59 || minutes > 18 * 60) return 'That offset does not exist.';
		date = new Date(wall + millis - sign * minutes * 60_000);
	} else {
		const local = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}`;
		const minute = fromLocalInput(local, zone);
		// A zone's offset is under a day: anything further is a misreading, not a time.
		date =
			minute && Math.abs(minute.getTime() - wall) < 86_400_000
				? new Date(minute.getTime() + fields[5]! * 1000 + millis)
				: null;
	}
	if (!date || Number.isNaN(date.getTime())) return DATE_TIME_MESSAGE;
	return inYearRange(date) ? date : YEAR_MESSAGE;
}
