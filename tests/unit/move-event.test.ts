import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	describeWhere,
	moveUnit,
	movedDates,
	placement,
	type MovableEvent
} from '$lib/desk/move-event';
import { calendarDay, wallClock } from '$lib/time/wall-clock';
import { isStartOfDay, startOfDay } from '$lib/time/zoned';
import { formatEventWhen } from '$lib/format/dates';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONTH_ZOOM = 30 * DAY;

function event(over: Partial<MovableEvent> = {}): MovableEvent {
	return {
		id: 1,
		title: 'Talks resume',
		occurredStart: new Date('2025-12-07T05:00:00Z'), // 7 December, New York
		occurredEnd: null,
		precision: 'day',
		timeZone: 'America/New_York',
		status: 'published',
		version: 3,
		...over
	};
}

/** The timeline moved the event's drawing by `ms`; what dates does that save? */
function drag(e: MovableEvent, ms: number, windowMs = MONTH_ZOOM) {
	const dates = { start: e.occurredStart, end: e.occurredEnd };
	const before = placement(e, dates);
	const after = {
		start: new Date(before.start.getTime() + ms),
		end: before.end ? new Date(before.end.getTime() + ms) : null
	};
	return movedDates(e, dates, before, after, moveUnit(e.precision, windowMs));
}

describe('dragging an event on the desk timeline', () => {
	it('moves a New York day by whole New York days, wherever in 8 December it is dropped', () => {
		const e = event();
		for (const ms of [DAY - 11 * HOUR, DAY, DAY + 11 * HOUR]) {
			const moved = drag(e, ms);
			expect(moved.start.toISOString()).toBe('2025-12-08T05:00:00.000Z');
			expect(moved.end).toBeNull();
			expect(formatEventWhen({ ...e, occurredStart: moved.start })).toBe('8 December 2025');
		}
		expect(describeWhere(e, drag(e, DAY), e.occurredStart)).toBe('8 December (New York)');
	});

	it('leaves the day alone after a small drag at month zoom (it went to 1 December)', () => {
		expect(drag(event(), 3 * HOUR).start.toISOString()).toBe('2025-12-07T05:00:00.000Z');
		expect(drag(event(), -3 * HOUR).start.toISOString()).toBe('2025-12-07T05:00:00.000Z');
	});

	it('lands on the day’s first instant when that day’s midnight never happened', () => {
		const e = event({
			occurredStart: startOfDay({ year: 2024, month: 9, day: 7 }, 'America/Santiago'),
			timeZone: 'America/Santiago'
		});
		const moved = drag(e, DAY);
		expect(moved.start.toISOString()).toBe('2024-09-08T04:00:00.000Z');
		expect(describeWhere(e, moved, e.occurredStart)).toBe('8 September (Santiago)');
	});

	it('keeps a timed event’s wall-clock time when it moves by days', () => {
		const e = event({ occurredStart: new Date('2025-12-08T00:00:00Z'), precision: 'minute' });
		const moved = drag(e, DAY + 2 * HOUR);
		expect(wallClock(moved.start, 'America/New_York')).toMatchObject({ day: 8, hour: 19 });
		expect(describeWhere(e, moved, e.occurredStart)).toBe('8 December, 19:00 (New York)');
		// Zoomed in, the same event moves by hours.
		expect(drag(e, 2 * HOUR + 10 * 60_000, DAY).start.toISOString()).toBe(
			'2025-12-08T02:00:00.000Z'
		);
	});

	it('moves a month-precise event by months, and a day range as a whole', () => {
		const month = event({ occurredStart: new Date('2025-11-01T04:00:00Z'), precision: 'month' });
		const moved = drag(month, 31 * DAY);
		expect(moved.start.toISOString()).toBe('2025-12-01T05:00:00.000Z');
		expect(describeWhere(month, moved, month.occurredStart)).toBe('December 2025 (New York)');
		const range = event({ occurredEnd: new Date('2025-12-10T05:00:00Z') });
		const shifted = drag(range, -2 * DAY - 5 * HOUR);
		expect(shifted.start.toISOString()).toBe('2025-12-05T05:00:00.000Z');
		expect(shifted.end?.toISOString()).toBe('2025-12-08T05:00:00.000Z');
	});

	it('any drag of a day-precise event saves the start of the day it was dropped on, in its zone', () => {
		const zones = ['America/New_York', 'America/Santiago', 'America/Havana', 'Asia/Kathmandu'];
		fc.assert(
			fc.property(
				fc.constantFrom(...zones),
				fc.date({
					min: new Date('2000-01-01T00:00:00Z'),
					max: new Date('2035-01-01T00:00:00Z'),
					noInvalidDate: true
				}),
				fc.integer({ min: -60 * DAY, max: 60 * DAY }),
				(zone, day, ms) => {
					const start = startOfDay(calendarDay(day, zone), zone);
					const e = event({ occurredStart: start, timeZone: zone });
					const dropped = new Date(placement(e, { start, end: null }).start.getTime() + ms);
					const moved = drag(e, ms);
					expect(isStartOfDay(moved.start, zone)).toBe(true);
					expect(calendarDay(moved.start, zone)).toEqual(calendarDay(dropped, zone));
				}
			),
			{ numRuns: 300 }
		);
	});
});
