/**
 * Date wording for events, honouring how precisely we know when something happened and the zone
 * of the place it happened in. Pure: reading dates is Intl only (src/lib/time/wall-clock.ts), so
 * it runs the same on the server and in the browser (the reader's own zone never leaks into the
 * wording).
 */
import type { Precision } from '$lib/types';
import {
	isoCalendarDay,
	isoOffset,
	offsetSeconds,
	wallClock,
	dayEnd,
	type WallClock
} from '$lib/time/wall-clock';
import { safeTimeZone, zoneCity } from '$lib/time/zone';

/** The fields of an event that say when it happened. */
export interface EventTiming {
	occurredStart: Date;
	occurredEnd: Date | null;
	precision: Precision;
	timeZone: string;
}

type ZonedParts = WallClock;

/** Month names, January first (en-GB, as every date on the site is written). */
export const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

export { safeTimeZone };

/** The wall-clock date and time of `date` in `timeZone` (src/lib/time/wall-clock.ts). */
export const zonedParts = wallClock;

/** 'Europe/Moscow' → 'Moscow time'; 'UTC' stays 'UTC'. */
export function zoneLabel(timeZone: string): string {
	const city = zoneCity(timeZone);
	return city === 'UTC' ? city : `${city} time`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (p: ZonedParts) => `${pad(p.hour)}:${pad(p.minute)}`;
const dayMonthYear = (p: ZonedParts) => `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
const sameDay = (a: ZonedParts, b: ZonedParts) =>
	a.year === b.year && a.month === b.month && a.day === b.day;

/** "2 December 2025" in the given zone. */
export function formatDay(date: Date, timeZone = 'UTC'): string {
	return dayMonthYear(zonedParts(date, timeZone));
}

/** "7 December 2025, 09:30 UTC": for newsroom timestamps such as "last updated". */
export function formatTimestamp(date: Date, timeZone = 'UTC'): string {
	const p = zonedParts(date, timeZone);
	return `${dayMonthYear(p)}, ${hhmm(p)} ${zoneLabel(timeZone)}`;
}

/**
 * The last moment an end covers. An end stored as the start of a day (or month) is exclusive,
 * so "4 Dec 00:00 → 7 Dec 00:00" reads as 4–6 December, not 4–7; a day's start is not always
 * midnight (Santiago's 8 September 2024 began at 01:00), so ask whether the moment before is on
 * an earlier day.
 */
export function inclusiveEnd(start: Date, end: Date, timeZone: string): Date {
	if (end <= start) return end;
	const before = new Date(end.getTime() - 1);
	return isoDay(before, timeZone) === isoDay(end, timeZone) ? end : before;
}

/** "4–6 December 2025", "30 November – 2 December 2025", "30 December 2025 – 2 January 2026". */
function dayRange(a: ZonedParts, b: ZonedParts): string {
	if (sameDay(a, b)) return dayMonthYear(a);
	if (a.year !== b.year) return `${dayMonthYear(a)} – ${dayMonthYear(b)}`;
	if (a.month !== b.month)
		return `${a.day} ${MONTHS[a.month - 1]} – ${b.day} ${MONTHS[b.month - 1]} ${b.year}`;
	return `${a.day}–${b.day} ${MONTHS[a.month - 1]} ${a.year}`;
}

const THIRDS = ['early', 'mid', 'late'] as const;
// Late starts on the 20th: "20–30 November" reads as late November in a newsroom.
const third = (day: number): 0 | 1 | 2 => (day <= 10 ? 0 : day < 20 ? 1 : 2);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Late November 2025", "Mid to late November 2025", "Late November to early December 2025". */
function approximateWindow(a: ZonedParts, b: ZonedParts): string {
	const ta = third(a.day);
	const tb = third(b.day);
	const monthA = MONTHS[a.month - 1];
	const monthB = MONTHS[b.month - 1];
	if (a.year === b.year && a.month === b.month) {
		if (ta === 0 && tb === 2) return `${monthA} ${a.year}`;
		if (ta === tb) return `${capitalise(THIRDS[ta])} ${monthA} ${a.year}`;
		return `${capitalise(THIRDS[ta])} to ${THIRDS[tb]} ${monthA} ${a.year}`;
	}
	const from = `${capitalise(THIRDS[ta])} ${monthA}${a.year === b.year ? '' : ` ${a.year}`}`;
	return `${from} to ${THIRDS[tb]} ${monthB} ${b.year}`;
}

/**
 * When an event happened, in words that claim no more precision than we have, in the zone of
 * the place: "2 December 2025", "2 December 2025, 14:30 Moscow time", "December 2025",
 * "Late November 2025 (approximate)".
 */
export function formatEventWhen(event: EventTiming): string {
	const zone = safeTimeZone(event.timeZone);
	const start = zonedParts(event.occurredStart, zone);
	const endDate = event.occurredEnd
		? inclusiveEnd(event.occurredStart, event.occurredEnd, zone)
		: null;
	const end = endDate ? zonedParts(endDate, zone) : start;

	switch (event.precision) {
		case 'approximate':
			return `${approximateWindow(start, end)} (approximate)`;
		case 'month':
			if (start.year === end.year && start.month === end.month)
				return `${MONTHS[start.month - 1]} ${start.year}`;
			return start.year === end.year
				? `${MONTHS[start.month - 1]} – ${MONTHS[end.month - 1]} ${end.year}`
				: `${MONTHS[start.month - 1]} ${start.year} – ${MONTHS[end.month - 1]} ${end.year}`;
		case 'day':
			return dayRange(start, end);
		case 'hour':
		case 'minute': {
			const at = (p: ZonedParts) => (event.precision === 'hour' ? `around ${hhmm(p)}` : hhmm(p));
			const label = zoneLabel(zone);
			if (!event.occurredEnd) return `${dayMonthYear(start)}, ${at(start)} ${label}`;
			// A timed span keeps its exact end (no exclusive-midnight rounding).
			const exactEnd = zonedParts(event.occurredEnd, zone);
			if (sameDay(start, exactEnd))
				return `${dayMonthYear(start)}, ${hhmm(start)}–${hhmm(exactEnd)} ${label}`;
			return `${dayMonthYear(start)}, ${hhmm(start)} – ${dayMonthYear(exactEnd)}, ${hhmm(exactEnd)} ${label}`;
		}
	}
}

/**
 * A machine-readable value for `<time datetime>` at the event's precision: "2025-12-02",
 * "2025-12", or "2025-12-02T14:30+03:00" (wall-clock time with the place's offset).
 */
export function eventDatetimeAttr(event: EventTiming): string {
	const zone = safeTimeZone(event.timeZone);
	const p = zonedParts(event.occurredStart, zone);
	const date = isoCalendarDay(p);
	switch (event.precision) {
		case 'month':
			return date.slice(0, -3);
		case 'day':
		case 'approximate':
			return date;
		case 'hour':
		case 'minute':
			return `${date}T${hhmm(p)}${isoOffset(offsetSeconds(event.occurredStart, zone))}`;
	}
}

/** A plain ISO date ("2025-12-02") of `date` in `timeZone`, for `<time datetime>`. */
export function isoDay(date: Date, timeZone = 'UTC'): string {
	return isoCalendarDay(zonedParts(date, timeZone));
}

/**
 * A full ISO 8601 timestamp with the offset of `timeZone` at that instant:
 * "2025-12-02T00:00:00+03:00" (for JSON-LD `startDate`, which wants the place's wall clock).
 */
export function isoWithOffset(date: Date, timeZone = 'UTC'): string {
	const p = zonedParts(date, timeZone);
	return (
		`${isoCalendarDay(p)}T${hhmm(p)}:${pad(p.second)}` + isoOffset(offsetSeconds(date, timeZone))
	);
}

/** How exactly we know when an event happened, in a reader's words. */
export const PRECISION_LABELS: Record<Precision, string> = {
	minute: 'Exact time',
	hour: 'To the hour',
	day: 'To the day',
	month: 'To the month',
	approximate: 'Approximate'
};

/**
 * The event's time on the reader's clock, when their zone's offset differs from the place's:
 * "2 December 2025, 12:30 your time" for a timed event, the span of the place's day for a
 * day-precise one ("1 December 2025, 22:00 – 2 December 2025, 21:59 your time"). Month and
 * approximate dates are too coarse for this to help: null, as when the clocks agree.
 */
export function readerTimeNote(event: EventTiming, readerZone: string): string | null {
	const reader = safeTimeZone(readerZone);
	const place = safeTimeZone(event.timeZone);
	if (offsetSeconds(event.occurredStart, reader) === offsetSeconds(event.occurredStart, place))
		return null;
	const at = (date: Date) => {
		const p = zonedParts(date, reader);
		return `${dayMonthYear(p)}, ${hhmm(p)}`;
	};
	switch (event.precision) {
		case 'minute':
		case 'hour': {
			const end = event.occurredEnd ? ` – ${at(event.occurredEnd)}` : '';
			return `${at(event.occurredStart)}${end} your time`;
		}
		case 'day': {
			const end = inclusiveEnd(
				event.occurredStart,
				event.occurredEnd ?? dayEnd(event.occurredStart, place),
				place
			);
			return `${at(event.occurredStart)} – ${at(end)} your time`;
		}
		default:
			return null;
	}
}
