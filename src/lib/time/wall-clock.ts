/**
 * Reading an instant: the date and time a clock at the place showed. Intl only (no Temporal: the
 * polyfill is 20 kB gzipped, more than most reader pages' own code), so the reader pages' date
 * wording stays light. Everything that goes the other way (a wall-clock time to an instant,
 * adding days or months in a zone) is in ./zoned.ts, except where a day or month ends, which
 * reader pages need and which is found here by reading alone (and checked against ./zoned.ts).
 */
import { safeTimeZone } from './zone';

/** A calendar day, month 1–12. */
export interface CalendarDay {
	year: number;
	month: number;
	day: number;
}

/** A wall-clock date and time (no zone attached). */
export interface WallClock extends CalendarDay {
	hour: number;
	minute: number;
	second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(zone);
	if (!formatter) {
		// en-US with the proleptic Gregorian calendar, as ISO 8601 and Temporal count days.
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			calendar: 'gregory',
			hourCycle: 'h23',
			era: 'short',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(zone, formatter);
	}
	return formatter;
}

// formatToParts is slow next to everything else on a story page, and each event's dates are
// worded several times (list entry, detail, tooltip, sources): remember recent answers. Bounded,
// and the answers are frozen because callers share them.
const cache = new Map<string, Readonly<WallClock>>();
const CACHE_MAX = 20_000;

function read(at: Date, zone: string): WallClock {
	const parts: Record<string, string> = {};
	for (const part of formatterFor(zone).formatToParts(at)) parts[part.type] = part.value;
	const year = Number(parts.year);
	return {
		// Years before 1 are written "1 BC" by Intl; ISO counts them 0, -1, …
		year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute),
		second: Number(parts.second)
	};
}

/** The wall-clock date and time of `at` in `zone` (an unknown zone reads as UTC). */
export function wallClock(at: Date, zone: string): Readonly<WallClock> {
	const safe = safeTimeZone(zone);
	const key = `${at.getTime()}|${safe}`;
	let clock = cache.get(key);
	if (!clock) {
		if (cache.size >= CACHE_MAX) cache.clear();
		clock = Object.freeze(read(at, safe));
		cache.set(key, clock);
	}
	return clock;
}

/** The calendar day `at` falls on in `zone`. */
export function calendarDay(at: Date, zone: string): CalendarDay {
	const { year, month, day } = wallClock(at, zone);
	return { year, month, day };
}

/** How far `zone` is ahead of UTC at `at`, in whole seconds (old local mean times had seconds). */
export function offsetSeconds(at: Date, zone: string): number {
	const p = wallClock(at, zone);
	const wall = new Date(0);
	wall.setUTCFullYear(p.year, p.month - 1, p.day);
	wall.setUTCHours(p.hour, p.minute, p.second, 0);
	return Math.round((wall.getTime() - Math.floor(at.getTime() / 1000) * 1000) / 1000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2025-12-02": the calendar day as ISO 8601 writes it (four-digit year). */
export function isoCalendarDay(day: CalendarDay): string {
	return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

/** "+03:00", "-04:56:02": an offset in seconds as ISO 8601 writes it. */
export function isoOffset(seconds: number): string {
	const sign = seconds < 0 ? '-' : '+';
	const abs = Math.abs(seconds);
	const hhmm = `${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}`;
	return abs % 60 ? `${sign}${hhmm}:${pad(abs % 60)}` : `${sign}${hhmm}`;
}

const key = (p: CalendarDay, unit: 'day' | 'month') =>
	p.year * 10_000 + p.month * 100 + (unit === 'day' ? p.day : 0);

/**
 * The first instant after `at` that falls on a later day (or month) at the place: where at's day
 * ends, exclusive. Found by bisection over whole seconds (zone offsets and their changes fall on
 * whole seconds), reading the place's calendar at each step, so it needs no offset arithmetic:
 * the answer is by definition the moment the calendar turns, DST at midnight or not.
 */
function endOf(at: Date, zone: string, unit: 'day' | 'month'): Date {
	const safe = safeTimeZone(zone);
	const current = key(read(at, safe), unit);
	const later = (seconds: number) => key(read(new Date(seconds * 1000), safe), unit) > current;
	let lo = Math.floor(at.getTime() / 1000);
	const step = unit === 'day' ? 72 * 3600 : 33 * 86_400;
	let hi = lo + step;
	for (let tries = 0; !later(hi); tries++) {
		if (tries > 10) throw new RangeError(`No ${unit} end found after ${at.toISOString()}`);
		hi += step;
	}
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (later(mid)) hi = mid;
		else lo = mid;
	}
	return new Date(hi * 1000);
}

/** Where the place's calendar day that `at` falls on ends (the next day's first instant). */
export function dayEnd(at: Date, zone: string): Date {
	return endOf(at, zone, 'day');
}

/** Where the place's calendar month that `at` falls in ends (the next month's first instant). */
export function monthEnd(at: Date, zone: string): Date {
	return endOf(at, zone, 'month');
}
