import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import {
	calendarDay,
	dayEnd,
	monthEnd,
	offsetSeconds,
	wallClock,
	type WallClock
} from '$lib/time/wall-clock';
import {
	addDays,
	isStartOfDay,
	nextDayStart,
	nextMonthStart,
	shiftInZone,
	startOfDay,
	startOfMonth,
	toInstant
} from '$lib/time/zoned';
import { formatLocalInput, parseInstant, parseLocalInput } from '$lib/time/local-input';
import { isTimeZone } from '$lib/time/zone';
import { parseTimestamptz } from '$lib/time/postgres';
import { formatEventWhen } from '$lib/format/dates';
import { resolveDate } from '$lib/server/extract/dates';
import { parsePublishedAt } from '$lib/server/ingest/published-at';
import { fromLocalInput, toLocalInput } from '$lib/desk/zoned';

// Zones with every kind of trouble: DST at midnight (Santiago, Havana, Asuncion), half-hour
// DST (Lord Howe), negative DST (Dublin), a skipped calendar day (Apia, 30 Dec 2011), odd
// offsets (Kathmandu, Chatham, St John's), the south (Sydney), and none at all (UTC).
const ZONES = [
	'UTC',
	'America/Santiago',
	'America/Havana',
	'America/Asuncion',
	'America/New_York',
	'America/St_Johns',
	'America/Sao_Paulo',
	'Europe/London',
	'Europe/Dublin',
	'Europe/Kyiv',
	'Africa/Casablanca',
	'Asia/Tehran',
	'Asia/Kathmandu',
	'Australia/Lord_Howe',
	'Australia/Sydney',
	'Pacific/Chatham',
	'Pacific/Apia',
	'Antarctica/Troll'
];
const zone = fc.constantFrom(...ZONES);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Any instant from year 1 to 9999, on a whole minute (what the form can say). */
const anyInstant = fc
	.date({
		min: new Date('0001-01-02T00:00:00Z'),
		max: new Date('9999-12-30T00:00:00Z'),
		noInvalidDate: true
	})
	.map((d) => new Date(Math.floor(d.getTime() / MINUTE) * MINUTE));

/** Instants within three hours of a clock change in the zone, where the trouble is. */
function nearTransition(zoneId: string) {
	return fc
		.tuple(
			fc.date({
				min: new Date('1970-01-01T00:00:00Z'),
				max: new Date('2037-12-31T00:00:00Z'),
				noInvalidDate: true
			}),
			fc.integer({ min: -180, max: 180 })
		)
		.map(([from, minutes]) => {
			const zoned = Temporal.Instant.fromEpochMilliseconds(from.getTime()).toZonedDateTimeISO(
				zoneId
			);
			const change = zoned.getTimeZoneTransition('next');
			const base = change ? change.epochMilliseconds : from.getTime();
			return new Date(Math.floor(base / MINUTE) * MINUTE + minutes * MINUTE);
		});
}
const zonedInstant = zone.chain((z) =>
	fc.tuple(fc.constant(z), fc.oneof(anyInstant, nearTransition(z)))
);

/** A wall-clock time as milliseconds on a zone-less clock, to compare and subtract. */
function wallMs(w: WallClock): number {
	const d = new Date(0);
	d.setUTCFullYear(w.year, w.month - 1, w.day);
	d.setUTCHours(w.hour, w.minute, w.second, 0);
	return d.getTime();
}

describe('wall clock ↔ instant', () => {
	it('an instant read as wall clock and back is that instant (or its twin in an overlap)', () => {
		fc.assert(
			fc.property(zonedInstant, ([z, at]) => {
				const wall = wallClock(at, z);
				const earlier = toInstant(wall, z, 'earlier').getTime();
				const later = toInstant(wall, z, 'later').getTime();
				expect([earlier, later]).toContain(at.getTime());
				expect(toInstant(wall, z).getTime()).toBe(earlier);
			}),
			{ numRuns: 400 }
		);
	});

	it('a wall-clock time read in the zone shows that time, unless a gap skipped it', () => {
		fc.assert(
			fc.property(zonedInstant, fc.integer({ min: -120, max: 120 }), ([z, near], minutes) => {
				// A wall-clock time near a real one: sometimes it falls in a gap.
				const w = wallClock(new Date(near.getTime() + minutes * MINUTE), z);
				const at = toInstant(w, z);
				const back = wallClock(at, z);
				const exists = wallMs(wallClock(toInstant(w, z, 'earlier'), z)) === wallMs(w);
				if (exists) expect(wallMs(back)).toBe(wallMs(w));
				else {
					// Skipped: "compatible" moves forward by the gap (a whole day at most, Apia 2011).
					expect(at.getTime()).toBe(toInstant(w, z, 'later').getTime());
					const gap = wallMs(back) - wallMs(w);
					expect(gap).toBeGreaterThan(0);
					expect(gap).toBeLessThanOrEqual(24 * HOUR);
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('a datetime-local value round-trips with its four-digit year', () => {
		fc.assert(
			fc.property(zonedInstant, ([z, at]) => {
				const value = formatLocalInput(at, z);
				expect(value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
				const parsed = parseLocalInput(value, z);
				if (!parsed.ok) {
					// Only the ends, where the place's year is not yet (or no longer) UTC's.
					expect(value.slice(0, 10)).toMatch(/^(0001-01-01|9999-12-31)$/);
					return;
				}
				expect(formatLocalInput(parsed.date, z)).toBe(value);
			}),
			{ numRuns: 400 }
		);
	});
});

describe('days and months in a zone', () => {
	it('a day starts on that day, at or before every instant of it, and right after the day before', () => {
		fc.assert(
			fc.property(zonedInstant, ([z, at]) => {
				const day = calendarDay(at, z);
				const start = startOfDay(day, z);
				expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
				expect(calendarDay(start, z)).toEqual(day);
				expect(calendarDay(new Date(start.getTime() - 1), z)).not.toEqual(day);
				expect(isStartOfDay(start, z)).toBe(true);
				const next = nextDayStart(at, z);
				expect(calendarDay(new Date(next.getTime() - 1), z)).toEqual(day);
				if (next <= at) {
					// Clocks fell back across midnight, so the day's last hour came again after the
					// next day had begun (St John's, 25 October 1987): only then.
					expect(offsetSeconds(next, z)).toBeGreaterThan(offsetSeconds(at, z));
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('the next day or month starts after the instant, where a midnight comes twice', () => {
		// St John's fell back from 00:01 to 23:01 until 2011: 1 November 2009 began at 02:30 UTC,
		// then 02:31 UTC read 31 October again, and 1 November began a second time at 03:30 UTC.
		const at = new Date('2009-11-01T02:31:00Z');
		expect(nextMonthStart(at, 'America/St_Johns').toISOString()).toBe('2009-11-01T03:30:00.000Z');
		expect(nextDayStart(at, 'America/St_Johns').toISOString()).toBe('2009-11-01T03:30:00.000Z');
	});

	it('a month starts on its first day and ends where the next one starts', () => {
		fc.assert(
			fc.property(zonedInstant, ([z, at]) => {
				const { year, month } = calendarDay(at, z);
				const start = startOfMonth(year, month, z);
				expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
				const next = nextMonthStart(at, z);
				expect(next.getTime()).toBeGreaterThan(at.getTime());
				const last = calendarDay(new Date(next.getTime() - 1), z);
				expect([last.year, last.month]).toEqual([year, month]);
			}),
			{ numRuns: 300 }
		);
	});

	it('moving a day start by days lands on the start of the day that many days on', () => {
		fc.assert(
			fc.property(zonedInstant, fc.integer({ min: -400, max: 400 }), ([z, at], days) => {
				fc.pre(at.getUTCFullYear() > 2 && at.getUTCFullYear() < 9998);
				const day = calendarDay(at, z);
				const moved = shiftInZone(startOfDay(day, z), z, 'day', days);
				expect(moved.getTime()).toBe(startOfDay(addDays(day, days), z).getTime());
			}),
			{ numRuns: 300 }
		);
	});
});

it('reader pages find where a day or month ends by reading alone, as Temporal computes it', () => {
	fc.assert(
		fc.property(zonedInstant, ([z, at]) => {
			// Where clocks fell back across midnight (St John's 1987, 1990) the calendar turns
			// twice; reading may find the later turn, and only there may the two differ.
			const turnedBack = (a: Date, b: Date) => offsetSeconds(a, z) > offsetSeconds(b, z);
			const next = nextDayStart(at, z);
			const end = dayEnd(at, z);
			if (end.getTime() !== next.getTime()) expect(turnedBack(next, end)).toBe(true);
			const nextMonth = nextMonthStart(at, z);
			const endMonth = monthEnd(at, z);
			if (endMonth.getTime() !== nextMonth.getTime())
				expect(turnedBack(nextMonth, endMonth)).toBe(true);
		}),
		{ numRuns: 400 }
	);
});

describe('days whose clocks change at midnight', () => {
	it('Santiago’s 8 September 2024 starts at 01:00 and reads as 8 September', () => {
		const start = startOfDay({ year: 2024, month: 9, day: 8 }, 'America/Santiago');
		expect(start.toISOString()).toBe('2024-09-08T04:00:00.000Z');
		expect(formatLocalInput(start, 'America/Santiago')).toBe('2024-09-08T01:00');
		const event = { occurredStart: start, occurredEnd: null, timeZone: 'America/Santiago' };
		expect(formatEventWhen({ ...event, precision: 'day' })).toBe('8 September 2024');
		// The desk's midnight is the same instant.
		expect(fromLocalInput('2024-09-08T00:00', 'America/Santiago')).toEqual(start);
		expect(date(parsePublishedAt('2024-09-08T00:00', 'America/Santiago'))).toEqual(start);
		// "Today" in an article published that afternoon.
		const resolved = resolveDate(
			'Talks resumed today.',
			new Date('2024-09-08T18:00:00Z'),
			'America/Santiago'
		);
		expect(resolved?.start).toEqual(start);
	});

	it('Havana’s 10 March 2024 starts at 01:00 and reads as 10 March', () => {
		const start = startOfDay({ year: 2024, month: 3, day: 10 }, 'America/Havana');
		expect(start.toISOString()).toBe('2024-03-10T05:00:00.000Z');
		expect(
			formatEventWhen({
				occurredStart: start,
				occurredEnd: null,
				precision: 'day',
				timeZone: 'America/Havana'
			})
		).toBe('10 March 2024');
		// A day range ending at that start covers 9 March only.
		const before = startOfDay({ year: 2024, month: 3, day: 9 }, 'America/Havana');
		expect(
			formatEventWhen({
				occurredStart: before,
				occurredEnd: start,
				precision: 'day',
				timeZone: 'America/Havana'
			})
		).toBe('9 March 2024');
		expect(resolveDate('It was signed on 10 March 2024.', start, 'America/Havana')?.start).toEqual(
			start
		);
	});
});

function date(result: { ok: true; date: Date } | { ok: false; error: string }): Date | string {
	return result.ok ? result.date : result.error;
}

describe('years 0001 to 9999', () => {
	it('keeps year 0001 and 9999 as typed', () => {
		const first = fromLocalInput('0001-03-01T12:00', 'Europe/Kyiv');
		expect(first && toLocalInput(first, 'Europe/Kyiv')).toBe('0001-03-01T12:00');
		expect(first?.getUTCFullYear()).toBe(1);
		const last = fromLocalInput('9999-12-31T23:59', 'Asia/Tokyo');
		expect(last && toLocalInput(last, 'Asia/Tokyo')).toBe('9999-12-31T23:59');
		// The stored instant stays in UTC's years too, so the API can send it back as ISO.
		expect(fromLocalInput('9999-12-31T23:59', 'America/New_York')).toBeNull();
		expect(date(parseInstant('0001-06-01T00:00:00Z'))).toEqual(new Date('0001-06-01T00:00:00Z'));
		expect(date(parseInstant('9999-12-31T00:00:00+01:00'))).toEqual(
			new Date('9999-12-30T23:00:00Z')
		);
	});

	it('refuses years 0 and 10000, and dates that do not exist', () => {
		expect(date(parseLocalInput('0000-06-01T12:00', 'UTC'))).toBe('Use a year from 0001 to 9999.');
		expect(date(parseLocalInput('10000-01-01T00:00', 'UTC'))).toBe('Use a year from 0001 to 9999.');
		expect(date(parseInstant('0000-06-01T12:00Z'))).toBe('Use a year from 0001 to 9999.');
		expect(date(parseInstant('+010000-01-01T00:00Z'))).toBe('Use a year from 0001 to 9999.');
		expect(date(parseLocalInput('2025-02-29T12:00', 'UTC'))).toBe('Not a valid date and time.');
		expect(date(parseLocalInput('2025-06-01T24:00', 'UTC'))).toBe('Not a valid date and time.');
		expect(fromLocalInput('0000-06-01T12:00', 'UTC')).toBeNull();
	});
});

it('reads PostgreSQL’s timestamps of any year we store', () => {
	expect(parseTimestamptz('0001-03-01 11:10:04+00').toISOString()).toBe('0001-03-01T11:10:04.000Z');
	expect(parseTimestamptz('0999-12-31 23:00:00.5+01').toISOString()).toBe(
		'0999-12-31T22:00:00.500Z'
	);
	expect(parseTimestamptz('0001-03-01 12:00:00+00:49:56').toISOString()).toBe(
		'0001-03-01T11:10:04.000Z'
	);
	expect(parseTimestamptz('2025-12-07 05:00:00.123456+00').toISOString()).toBe(
		'2025-12-07T05:00:00.123Z'
	);
	expect(parseTimestamptz('9999-12-31 23:59:59+00').getUTCFullYear()).toBe(9999);
});

describe('zones', () => {
	it('knows IANA names and refuses offsets and nonsense', () => {
		for (const z of ZONES) expect(isTimeZone(z)).toBe(true);
		expect(isTimeZone('Mars/Olympus')).toBe(false);
		expect(isTimeZone('+03:00')).toBe(false);
		expect(isTimeZone('')).toBe(false);
	});
});

it('moves by hours in exact time, and by days and months on the place’s calendar', () => {
	const z = 'America/New_York';
	const evening = new Date('2025-03-08T23:30:00Z'); // 18:30 EST, the day before DST starts
	expect(formatLocalInput(shiftInZone(evening, z, 'day', 1), z)).toBe('2025-03-09T18:30');
	expect(shiftInZone(evening, z, 'hour', 24).getTime() - evening.getTime()).toBe(24 * HOUR);
	const jan31 = toInstant({ year: 2025, month: 1, day: 31, hour: 9 }, z);
	expect(formatLocalInput(shiftInZone(jan31, z, 'month', 1), z)).toBe('2025-02-28T09:00');
});
