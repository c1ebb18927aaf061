/**
 * Moving an event on the desk timeline. A drag moves an event by whole units on the calendar and
 * clock of its own place (days for a day-precise event, months for a month-precise one, hours or
 * days for a timed one depending on the zoom), never by raw milliseconds and never snapped to
 * UTC or the editor's own midnight; its precision stays as it is. Saving goes through the desk
 * API with the version the page last saw (If-Match), so a drag never overwrites someone else's
 * edit.
 */
import type { Precision } from '$lib/types';
import { MONTHS } from '$lib/format/dates';
import { calendarDay, dayEnd, monthEnd, wallClock } from '$lib/time/wall-clock';
import { daysBetween, shiftInZone, type ShiftUnit } from '$lib/time/zoned';
import { zoneCity } from '$lib/time/zone';

/** The event fields a drag needs. */
export interface MovableEvent {
	id: number;
	title: string;
	occurredStart: Date;
	occurredEnd: Date | null;
	precision: Precision;
	timeZone: string;
	status: 'draft' | 'published';
	version: number;
}

export interface EventDates {
	start: Date;
	end: Date | null;
}

/** Where the timeline draws an event: a range, or a point (a day-precise one at its midday). */
export interface Placement {
	start: Date;
	end: Date | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The unit a drag moves the event by: as fine as its precision, but no finer than the zoom can
 * show (a timed event moves by days once the window spans more than two days).
 */
export function moveUnit(precision: Precision, windowMs: number): ShiftUnit {
	if (precision === 'month') return 'month';
	if (precision === 'day' || precision === 'approximate') return 'day';
	if (windowMs > 2 * DAY) return 'day';
	return precision === 'minute' && windowMs <= 6 * HOUR ? 'minute' : 'hour';
}

/** Where the timeline draws the event's dates. */
export function placement(event: MovableEvent, dates: EventDates): Placement {
	const zone = event.timeZone;
	if (dates.end && dates.end > dates.start) return { start: dates.start, end: dates.end };
	if (event.precision === 'month') return { start: dates.start, end: monthEnd(dates.start, zone) };
	if (event.precision === 'day') {
		// Midway through the place's day, so wherever it is dropped within a day, that is the day.
		const end = dayEnd(dates.start, zone);
		return { start: new Date((dates.start.getTime() + end.getTime()) / 2), end: null };
	}
	return { start: dates.start, end: null };
}

/** Whole units from `from` to `to` on the place's calendar: the day or month each falls in. */
function unitsBetween(from: Date, to: Date, zone: string, unit: ShiftUnit): number {
	if (unit === 'hour' || unit === 'minute')
		return Math.round((to.getTime() - from.getTime()) / (unit === 'hour' ? HOUR : 60_000));
	const a = calendarDay(from, zone);
	const b = calendarDay(to, zone);
	if (unit === 'month') return (b.year - a.year) * 12 + (b.month - a.month);
	return daysBetween(a, b);
}

/**
 * The event's dates after the timeline moved its drawing from `before` to `after`: the whole
 * event by whole units when it was dragged, or one end when a range's edge was. Points are read
 * where they sit; a range edge counts from half a unit on, so it lands on the nearest unit.
 */
export function movedDates(
	event: MovableEvent,
	dates: EventDates,
	before: Placement,
	after: Placement,
	unit: ShiftUnit
): EventDates {
	const zone = event.timeZone;
	const half = unit === 'month' ? 15 * DAY : unit === 'day' ? DAY / 2 : 0;
	const nudge = (at: Date, isPoint: boolean) => new Date(at.getTime() + (isPoint ? 0 : half));
	const point = before.end === null;
	const timed = event.precision === 'hour' || event.precision === 'minute';
	// A timed point moved by days keeps its time of day: the nearest whole number of days.
	const startUnits =
		timed && unit === 'day'
			? Math.round((after.start.getTime() - before.start.getTime()) / DAY)
			: unitsBetween(nudge(before.start, point), nudge(after.start, point), zone, unit);
	const startMoved = after.start.getTime() !== before.start.getTime();
	const endMoved = !!before.end && !!after.end && after.end.getTime() !== before.end.getTime();
	const together =
		startMoved &&
		(!before.end ||
			!after.end ||
			after.end.getTime() - before.end.getTime() ===
				after.start.getTime() - before.start.getTime());
	if (together || point) {
		return {
			start: shiftInZone(dates.start, zone, unit, startUnits),
			end: dates.end ? shiftInZone(dates.end, zone, unit, startUnits) : null
		};
	}
	const endUnits =
		endMoved && before.end && after.end
			? unitsBetween(nudge(before.end, false), nudge(after.end, false), zone, unit)
			: 0;
	const start = shiftInZone(dates.start, zone, unit, startMoved ? startUnits : 0);
	// A month-precise event without a stored end keeps none: its month is its extent.
	const end = dates.end ? shiftInZone(dates.end, zone, unit, endUnits) : null;
	return { start, end: end && end < start ? start : end };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Where the event now is, as the desk says it: "8 December (New York)", "December 2025
 * (Kyiv)", "8 December, 19:00 (New York)"; the year only when it is not the one it was in.
 */
export function describeWhere(
	event: MovableEvent,
	dates: EventDates,
	previous: Date,
	locale = 'en'
): string {
	const zone = event.timeZone;
	const p = wallClock(dates.start, zone);
	const sameYear = p.year === wallClock(previous, zone).year;
	const place = `(${zoneCity(zone)})`;
	if (locale !== 'en' && !locale.startsWith('en-')) {
		// Another language: the same parts of the date, written by Intl at the event's place.
		const timed = event.precision === 'hour' || event.precision === 'minute';
		const format = new Intl.DateTimeFormat(locale, {
			timeZone: zone,
			...(event.precision === 'month'
				? { month: 'long', year: 'numeric' }
				: { day: 'numeric', month: 'long', year: sameYear ? undefined : 'numeric' }),
			...(timed ? { hour: '2-digit', minute: '2-digit' } : {})
		});
		return `${format.format(dates.start)} ${place}`;
	}
	if (event.precision === 'month') return `${MONTHS[p.month - 1]} ${p.year} ${place}`;
	const day = `${p.day} ${MONTHS[p.month - 1]}${sameYear ? '' : ` ${p.year}`}`;
	if (event.precision === 'hour' || event.precision === 'minute')
		return `${day}, ${pad(p.hour)}:${pad(p.minute)} ${place}`;
	return `${day} ${place}`;
}

export type MoveResult = { ok: true; version: number } | { ok: false; message: string };

export async function saveEventDates(
	id: number,
	version: number,
	start: Date,
	end: Date | null,
	fetcher: typeof fetch = fetch
): Promise<MoveResult> {
	const response = await fetcher(`/api/v1/events/${id}`, {
		method: 'PATCH',
		headers: { 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
		body: JSON.stringify({
			occurredStart: start.toISOString(),
			occurredEnd: end?.toISOString() ?? null
		})
	});
	if (response.ok) {
		const body = (await response.json()) as { version: number };
		return { ok: true, version: body.version };
	}
	if (response.status === 412)
		return {
			ok: false,
			message: 'Someone changed this event meanwhile: reload to see their version.'
		};
	const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
	return { ok: false, message: body.error ?? body.message ?? `Not saved (${response.status}).` };
}
