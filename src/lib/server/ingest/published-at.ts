/**
 * Publication times as people and machines send them: ISO 8601 with an offset
 * (`2025-06-10T14:30:00+03:00`), or a wall-clock time (`2025-06-10T14:30`, what
 * `<input type="datetime-local">` sends) together with the IANA zone it was read in.
 */
import { zoneOffsetMs } from '../../format/dates';

const WITH_OFFSET =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?$/;

/** True when Intl knows the zone (an IANA name such as `Europe/Kyiv`, or `UTC`). */
export function isTimeZone(zone: string): boolean {
	if (!zone || zone.length > 100) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** Rejects 2025-02-30 and 25:00, which Date.UTC would silently roll over. */
function validWallClock(fields: number[]): boolean {
	const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = fields;
	const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	return (
		check.getUTCFullYear() === year &&
		check.getUTCMonth() === month - 1 &&
		check.getUTCDate() === day &&
		check.getUTCHours() === hour &&
		check.getUTCMinutes() === minute &&
		second < 60
	);
}

function fieldsOf(match: RegExpMatchArray): number[] {
	return [1, 2, 3, 4, 5, 6].map((index) => Number(match[index] ?? 0));
}

function millisOf(fraction: string | undefined): number {
	return fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
}

/** The instant a wall-clock time in `zone` names (the earlier one when clocks fall back). */
export function zonedTimeToUtc(fields: number[], zone: string): Date {
	const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = fields;
	const wall = Date.UTC(year, month - 1, day, hour, minute, second);
	let utc = wall - zoneOffsetMs(new Date(wall), zone);
	// Near a change the first guess used the wrong side's offset: one correction settles it.
	const corrected = wall - zoneOffsetMs(new Date(utc), zone);
	if (corrected !== utc) utc = corrected;
	return new Date(utc);
}

export type PublishedAtResult = { ok: true; date: Date } | { ok: false; error: string };

/**
 * Reads a publication time. A value with an offset stands alone; a value without one needs
 * `timeZone`. Anything else (or an impossible date) gets an error message for the editor.
 */
export function parsePublishedAt(value: unknown, timeZone?: string | null): PublishedAtResult {
	if (value instanceof Date) {
		return Number.isNaN(value.getTime())
			? { ok: false, error: 'Not a valid date.' }
			: { ok: true, date: value };
	}
	if (typeof value !== 'string' || !value.trim()) {
		return { ok: false, error: 'Enter the publication date and time.' };
	}
	const text = value.trim();
	const withOffset = text.match(WITH_OFFSET);
	if (withOffset) {
		if (!validWallClock(fieldsOf(withOffset))) return { ok: false, error: 'Not a valid date.' };
		const date = new Date(text.replace(' ', 'T'));
		if (Number.isNaN(date.getTime())) return { ok: false, error: 'Not a valid date.' };
		return { ok: true, date };
	}
	const local = text.match(LOCAL);
	if (!local) {
		return {
			ok: false,
			error: 'Use an ISO 8601 date-time such as 2025-06-10T14:30:00+03:00.'
		};
	}
	if (!validWallClock(fieldsOf(local))) return { ok: false, error: 'Not a valid date.' };
	if (!timeZone) {
		return { ok: false, error: 'Give a UTC offset (such as +03:00) or a time zone.' };
	}
	if (!isTimeZone(timeZone)) return { ok: false, error: `Unknown time zone "${timeZone}".` };
	const date = zonedTimeToUtc(fieldsOf(local), timeZone);
	return { ok: true, date: new Date(date.getTime() + millisOf(local[7])) };
}
