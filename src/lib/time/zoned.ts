/**
 * Time arithmetic in a place's zone, on Temporal (temporal-polyfill, which defers to a native
 * Temporal where the runtime has one). Everything that turns a wall-clock time into an instant,
 * or adds days or months at a place, goes through here: three hand-written copies of this got
 * days whose clocks change at midnight wrong (America/Santiago 2024-09-08, America/Havana
 * 2024-03-10) and read year 0001 as 1901.
 *
 * Gaps and overlaps follow Temporal's "compatible" disambiguation, as RFC 5545 and most
 * calendars do: a wall-clock time that does not exist (skipped when clocks go forward) moves
 * forward by the length of the gap, and one that happens twice (clocks go back) is the earlier.
 * A day's start is the first instant of that calendar day in the zone: 01:00 in Santiago on
 * 2024-09-08, whose midnight never happened.
 */
import { Temporal } from 'temporal-polyfill';
import { calendarDay, type CalendarDay, type WallClock } from './wall-clock';
import { safeTimeZone } from './zone';

export type Disambiguation = 'compatible' | 'earlier' | 'later' | 'reject';

/** The units a date can be moved by (the desk timeline snaps to one of these). */
export type ShiftUnit = 'month' | 'day' | 'hour' | 'minute';

const plainDate = (day: CalendarDay) =>
	Temporal.PlainDate.from(
		{ year: day.year, month: day.month, day: day.day },
		{ overflow: 'reject' }
	);

const toDate = (zoned: Temporal.ZonedDateTime) => new Date(zoned.epochMilliseconds);

const zonedOf = (at: Date, zone: string) =>
	Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(safeTimeZone(zone));

const dayOf = (date: Temporal.PlainDate): CalendarDay => ({
	year: date.year,
	month: date.month,
	day: date.day
});

/** True when the fields name a real calendar day (no 30 February). */
export function isCalendarDay(day: CalendarDay): boolean {
	try {
		plainDate(day);
		return true;
	} catch {
		return false;
	}
}

/**
 * The instant a wall-clock time at the place names. Throws a RangeError for an impossible
 * wall-clock time (30 February, 25:00), and with `reject` for one in a gap or an overlap.
 */
export function toInstant(
	wall: CalendarDay & Partial<WallClock> & { millisecond?: number },
	zone: string,
	disambiguation: Disambiguation = 'compatible'
): Date {
	const local = Temporal.PlainDateTime.from(
		{
			year: wall.year,
			month: wall.month,
			day: wall.day,
			hour: wall.hour ?? 0,
			minute: wall.minute ?? 0,
			second: wall.second ?? 0,
			millisecond: wall.millisecond ?? 0
		},
		{ overflow: 'reject' }
	);
	return toDate(local.toZonedDateTime(safeTimeZone(zone), { disambiguation }));
}

/** The first instant of a calendar day in the zone (not always midnight). */
export function startOfDay(day: CalendarDay, zone: string): Date {
	return toDate(plainDate(day).toZonedDateTime({ timeZone: safeTimeZone(zone) }));
}

/** The first instant of a month (1–12) in the zone. */
export function startOfMonth(year: number, month: number, zone: string): Date {
	return startOfDay({ year, month, day: 1 }, zone);
}

/** The calendar day `days` after (or before, when negative) `day`. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
	return dayOf(plainDate(day).add({ days }));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
	return plainDate(from).until(plainDate(to), { largestUnit: 'days' }).days;
}

/** Day of the week, 0 = Sunday … 6 = Saturday (as Date.getDay counts). */
export function weekday(day: CalendarDay): number {
	return plainDate(day).dayOfWeek % 7;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
	return Temporal.PlainYearMonth.from({ year, month }, { overflow: 'reject' }).daysInMonth;
}

/** The start of the calendar day after the one `at` falls on, in the zone. */
export function nextDayStart(at: Date, zone: string): Date {
	return startAfter(addDays(calendarDay(at, zone), 1), at, zone);
}

/**
 * The start of `day` that comes after `at`. Where clocks fell back across midnight (St John's
 * until 2011: 00:01 back to 23:01), a day begins twice, and the first beginning can lie before
 * an instant that still reads as the day before; then the second beginning is the one after.
 */
function startAfter(day: CalendarDay, at: Date, zone: string): Date {
	const first = startOfDay(day, zone);
	if (first.getTime() > at.getTime()) return first;
	const again = plainDate(day)
		.toPlainDateTime()
		.toZonedDateTime(safeTimeZone(zone), { disambiguation: 'later' });
	return toDate(again);
}

/** The start of the month after the one `at` falls in, in the zone. */
export function nextMonthStart(at: Date, zone: string): Date {
	const next = Temporal.PlainYearMonth.from({
		year: calendarDay(at, zone).year,
		month: calendarDay(at, zone).month
	}).add({ months: 1 });
	return startAfter({ year: next.year, month: next.month, day: 1 }, at, zone);
}

/** True when `at` is the first instant of its calendar day in the zone. */
export function isStartOfDay(at: Date, zone: string): boolean {
	return startOfDay(calendarDay(at, zone), zone).getTime() === at.getTime();
}

/**
 * `at` moved by whole units on the place's calendar and clock: a day later is the same
 * wall-clock time the next day (23 or 25 hours on a DST day), a month later the same day of the
 * next month (the 31st becomes the 30th or 28th). A day's start stays a day's start, even when
 * that is 01:00 on the day it lands on.
 */
export function shiftInZone(at: Date, zone: string, unit: ShiftUnit, amount: number): Date {
	if (amount === 0) return at;
	const zoned = zonedOf(at, zone);
	if (unit === 'hour' || unit === 'minute')
		return toDate(zoned.add(unit === 'hour' ? { hours: amount } : { minutes: amount }));
	const dayStart = zoned.startOfDay().epochMilliseconds === zoned.epochMilliseconds;
	const moved = zoned.add(unit === 'day' ? { days: amount } : { months: amount });
	return toDate(dayStart ? moved.startOfDay() : moved);
}
