/**
 * Dates as people type them and forms send them: `<input type="datetime-local">` values
 * ("2025-12-07T19:00", read as wall-clock time at the place) and ISO 8601 instants with an
 * offset ("2025-12-08T00:00:00Z"). Years are four digits, 0001–9999: the form cannot show any
 * other, and Date.UTC would read 0001 as 1901.
 */
import { Temporal } from 'temporal-polyfill';
import { toInstant } from './zoned';
import { wallClock } from './wall-clock';
import { isTimeZone } from './zone';

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** First and last instants we store (the database refuses anything before 0001-01-01 UTC). */
const MIN_INSTANT = Date.parse('0001-01-01T00:00:00Z');
const MAX_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

export type ParsedDate = { ok: true; date: Date } | { ok: false; error: string };

export const YEAR_RANGE_ERROR = 'Use a year from 0001 to 9999.';
const NOT_A_DATE = 'Not a valid date and time.';

const LOCAL = /^(\d{4,})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?$/;
const WITH_OFFSET =
	/^([+-]?\d{4,6})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?(Z|[+-]\d\d(?::?\d\d)?)$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** True when an instant lies in the years we store. */
export function inStoredRange(at: Date): boolean {
	const time = at.getTime();
	return time > MIN_INSTANT && time <= MAX_INSTANT;
}

/** An instant as a datetime-local value in the zone: "0001-03-01T12:00" (always 4-digit years). */
export function formatLocalInput(at: Date, zone: string): string {
	const p = wallClock(at, zone);
	return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

function fields(match: RegExpExecArray) {
	const fraction = (match[7] ?? '').padEnd(3, '0').slice(0, 3);
	return {
		year: Number(match[1]),
		month: Number(match[2]),
		day: Number(match[3]),
		hour: Number(match[4]),
		minute: Number(match[5]),
		second: Number(match[6] ?? 0),
		millisecond: Number(fraction)
	};
}

/**
 * A datetime-local value read as wall-clock time at the place ("compatible" in a DST gap or
 * overlap). Refuses years outside 0001–9999 and dates that do not exist (30 February, 24:00).
 */
export function parseLocalInput(value: string, zone: string): ParsedDate {
	const match = LOCAL.exec(value.trim());
	if (!match) return { ok: false, error: NOT_A_DATE };
	const wall = fields(match);
	if (match[1]!.length !== 4 || wall.year < MIN_YEAR || wall.year > MAX_YEAR)
		return { ok: false, error: YEAR_RANGE_ERROR };
	if (!isTimeZone(zone)) return { ok: false, error: `Unknown time zone "${zone}".` };
	let date: Date;
	try {
		date = toInstant(wall, zone);
	} catch {
		return { ok: false, error: NOT_A_DATE };
	}
	// 0001-01-01 00:00 east of Greenwich is still year 0 in UTC, which we cannot store.
	return inStoredRange(date) ? { ok: true, date } : { ok: false, error: YEAR_RANGE_ERROR };
}

/** An ISO 8601 instant with "Z" or an offset ("+03:00", "+0300", "+03"). */
export function parseInstant(value: string): ParsedDate {
	const text = value.trim();
	const match = WITH_OFFSET.exec(text);
	if (!match) return { ok: false, error: NOT_A_DATE };
	const year = Number(match[1]);
	if (!/^\d{4}$/.test(match[1]!) || year < MIN_YEAR || year > MAX_YEAR)
		return { ok: false, error: YEAR_RANGE_ERROR };
	try {
		Temporal.PlainDateTime.from(fields(match), { overflow: 'reject' });
		const instant = Temporal.Instant.from(text.replace(' ', 'T'));
		const date = new Date(instant.epochMilliseconds);
		return inStoredRange(date) ? { ok: true, date } : { ok: false, error: YEAR_RANGE_ERROR };
	} catch {
		return { ok: false, error: NOT_A_DATE };
	}
}
