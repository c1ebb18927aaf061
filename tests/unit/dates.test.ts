import { describe, it, expect } from 'vitest';
import {
	eventDatetimeAttr,
	formatDay,
	formatEventWhen,
	formatTimestamp,
	isoWithOffset,
	readerTimeNote,
	zoneLabel,
	type EventTiming
} from '$lib/format/dates';

const at = (iso: string) => new Date(iso);
const timing = (over: Partial<EventTiming>): EventTiming => ({
	occurredStart: at('2025-12-01T21:00:00Z'),
	occurredEnd: null,
	precision: 'day',
	timeZone: 'Europe/Moscow',
	...over
});

describe('formatEventWhen', () => {
	it('names the day in the place’s zone, not UTC', () => {
		// Midnight in Moscow is still 1 December in UTC.
		expect(formatEventWhen(timing({}))).toBe('2 December 2025');
	});

	it('keeps a New York day that is already the next day in UTC', () => {
		const event = timing({
			occurredStart: at('2025-12-05T02:00:00Z'),
			timeZone: 'America/New_York'
		});
		expect(formatEventWhen(event)).toBe('4 December 2025');
	});

	it('gives a day span with an exclusive midnight end as inclusive days', () => {
		const event = timing({
			occurredStart: at('2025-12-04T05:00:00Z'),
			occurredEnd: at('2025-12-07T05:00:00Z'),
			timeZone: 'America/New_York'
		});
		expect(formatEventWhen(event)).toBe('4–6 December 2025');
	});

	it('spans months and years', () => {
		const months = timing({
			occurredStart: at('2025-11-30T12:00:00Z'),
			occurredEnd: at('2025-12-02T12:00:00Z'),
			timeZone: 'UTC'
		});
		expect(formatEventWhen(months)).toBe('30 November – 2 December 2025');
		const years = timing({
			occurredStart: at('2025-12-30T12:00:00Z'),
			occurredEnd: at('2026-01-02T12:00:00Z'),
			timeZone: 'UTC'
		});
		expect(formatEventWhen(years)).toBe('30 December 2025 – 2 January 2026');
	});

	it('words an approximate window by thirds of the month and says it is approximate', () => {
		const late = timing({
			precision: 'approximate',
			occurredStart: at('2025-11-20T21:00:00Z'), // 21 Nov in Moscow
			occurredEnd: at('2025-11-30T21:00:00Z'), // 1 Dec 00:00 in Moscow: exclusive
			timeZone: 'Europe/Moscow'
		});
		expect(formatEventWhen(late)).toBe('Late November 2025 (approximate)');

		const across = timing({
			precision: 'approximate',
			occurredStart: at('2025-11-25T00:00:00Z'),
			occurredEnd: at('2025-12-05T00:00:00Z'),
			timeZone: 'UTC'
		});
		expect(formatEventWhen(across)).toBe('Late November to early December 2025 (approximate)');

		const whole = timing({
			precision: 'approximate',
			occurredStart: at('2025-11-01T00:00:00Z'),
			occurredEnd: at('2025-12-01T00:00:00Z'),
			timeZone: 'UTC'
		});
		expect(formatEventWhen(whole)).toBe('November 2025 (approximate)');
	});

	it('gives a month for month precision', () => {
		const event = timing({ precision: 'month', occurredStart: at('2025-11-30T21:00:00Z') });
		expect(formatEventWhen(event)).toBe('December 2025');
	});

	it('gives wall-clock time with the place named for minute and hour precision', () => {
		const minute = timing({ precision: 'minute', occurredStart: at('2025-12-02T11:30:00Z') });
		expect(formatEventWhen(minute)).toBe('2 December 2025, 14:30 Moscow time');
		const hour = timing({
			precision: 'hour',
			occurredStart: at('2025-12-04T20:00:00Z'),
			timeZone: 'America/New_York'
		});
		expect(formatEventWhen(hour)).toBe('4 December 2025, around 15:00 New York time');
		const span = timing({
			precision: 'minute',
			occurredStart: at('2025-12-02T11:30:00Z'),
			occurredEnd: at('2025-12-02T16:30:00Z')
		});
		expect(formatEventWhen(span)).toBe('2 December 2025, 14:30–19:30 Moscow time');
	});

	it('falls back to UTC for a zone Intl does not know', () => {
		const event = timing({ occurredStart: at('2025-12-02T12:00:00Z'), timeZone: 'Mars/Olympus' });
		expect(formatEventWhen(event)).toBe('2 December 2025');
	});
});

describe('eventDatetimeAttr', () => {
	it('matches the precision', () => {
		expect(eventDatetimeAttr(timing({}))).toBe('2025-12-02');
		expect(eventDatetimeAttr(timing({ precision: 'month' }))).toBe('2025-12');
		expect(
			eventDatetimeAttr(timing({ precision: 'minute', occurredStart: at('2025-12-02T11:30:00Z') }))
		).toBe('2025-12-02T14:30+03:00');
		expect(
			eventDatetimeAttr(
				timing({
					precision: 'hour',
					occurredStart: at('2025-12-04T20:00:00Z'),
					timeZone: 'America/New_York'
				})
			)
		).toBe('2025-12-04T15:00-05:00');
	});
});

describe('timestamps', () => {
	it('formats days and timestamps in a named zone', () => {
		expect(formatDay(at('2025-12-07T09:30:00Z'))).toBe('7 December 2025');
		expect(formatTimestamp(at('2025-12-07T09:30:00Z'))).toBe('7 December 2025, 09:30 UTC');
		expect(zoneLabel('America/New_York')).toBe('New York time');
		expect(zoneLabel('UTC')).toBe('UTC');
	});
});

describe('isoWithOffset', () => {
	it('writes the wall clock of the place with its offset', () => {
		expect(isoWithOffset(at('2025-12-01T21:00:00Z'), 'Europe/Moscow')).toBe(
			'2025-12-02T00:00:00+03:00'
		);
		expect(isoWithOffset(at('2025-12-06T05:00:00Z'), 'America/New_York')).toBe(
			'2025-12-06T00:00:00-05:00'
		);
		expect(isoWithOffset(at('2025-12-06T05:00:00Z'))).toBe('2025-12-06T05:00:00+00:00');
	});
});

describe('readerTimeNote', () => {
	it('is null when the reader keeps the same clock as the place, or the date is coarse', () => {
		expect(readerTimeNote(timing({}), 'Europe/Moscow')).toBeNull();
		expect(readerTimeNote(timing({ precision: 'month' }), 'UTC')).toBeNull();
	});

	it('gives a timed event on the reader’s clock', () => {
		const event = timing({ precision: 'minute', occurredStart: at('2025-12-02T11:30:00Z') });
		expect(readerTimeNote(event, 'Europe/Berlin')).toBe('2 December 2025, 12:30 your time');
	});

	it('gives the span of the place’s day for a day-precise event', () => {
		expect(readerTimeNote(timing({}), 'UTC')).toBe(
			'1 December 2025, 21:00 – 2 December 2025, 20:59 your time'
		);
	});
});
