/**
 * Dates and times as the desk and the API send them: an ISO 8601 instant with an offset
 * (`2025-12-06T14:30:00+03:00`, `…Z`) or a wall-clock time (`2025-12-06T14:30`, what a
 * datetime-local input sends) read in the event's zone. Years are 1–9999 and the calendar must
 * be real (no 2025-02-30), so nothing reaches PostgreSQL that it would refuse.
 */
import { z } from 'zod';
import { parseInstant, parseLocalInput, YEAR_RANGE_ERROR } from '$lib/time/local-input';
import { LIMITS, YEAR_MAX, YEAR_MIN } from './limits';

/** The JSON Schema pattern of a date-time field (the offset is optional). */
export const DATE_TIME_PATTERN =
	'^\\d{4,6}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|z|[+-]\\d{2}:?\\d{2})?$';

export const DATE_TIME_MESSAGE = 'Give a date and time such as 2025-12-06T14:30.';
export const YEAR_MESSAGE = YEAR_RANGE_ERROR;

/** A date-time as text; `instantIn` reads it. */
export const dateTimeText = z
	.string({ error: DATE_TIME_MESSAGE })
	.trim()
	.max(LIMITS.dateText, { error: DATE_TIME_MESSAGE })
	.regex(new RegExp(DATE_TIME_PATTERN), { error: DATE_TIME_MESSAGE });

export const inYearRange = (date: Date) =>
	date.getUTCFullYear() >= YEAR_MIN && date.getUTCFullYear() <= YEAR_MAX;

export function instantIn(value: string, zone: string): Date | string {
	// One reading of dates and times for the whole app: src/lib/time (years 0001-9999, real
	// calendar days, wall-clock times resolved in the zone as Temporal does).
	const text = value.trim();
	const parsed = /[zZ]$|[+-]\d\d:?\d\d$/.test(text)
		? parseInstant(text)
		: parseLocalInput(text, zone);
	return parsed.ok ? parsed.date : parsed.error;
}
