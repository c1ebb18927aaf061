import { describe, expect, it } from 'vitest';
import { resolveDate, zonedMidnight } from '$lib/server/extract/dates';

// Saturday 6 December 2025, 13:30 in Miami (18:30 UTC): the CRBC report's publication.
const published = new Date('2025-12-06T18:30:00Z');
const day = (sentence: string, zone = 'America/New_York') => {
	const resolved = resolveDate(sentence, published, zone);
	return (
		resolved && {
			iso: resolved.start.toISOString(),
			precision: resolved.precision,
			phrase: resolved.phrase
		}
	);
};

describe('resolveDate', () => {
	it('reads "on Saturday" as the publication day itself, at midnight in the place’s zone', () => {
		expect(day('Talks resumed in Miami on Saturday.')).toEqual({
			iso: '2025-12-06T05:00:00.000Z',
			precision: 'day',
			phrase: 'on Saturday'
		});
	});

	it('reads an earlier weekday as the latest such day before publication', () => {
		expect(day('Negotiators met on Thursday.')?.iso).toBe('2025-12-04T05:00:00.000Z');
		expect(day('The envoys met Putin on Tuesday.', 'Europe/Moscow')?.iso).toBe(
			'2025-12-01T21:00:00.000Z'
		);
	});

	it('reads "early Saturday" in Kyiv as Kyiv’s Saturday', () => {
		expect(day('Attacks hit the region early Saturday.', 'Europe/Kyiv')).toMatchObject({
			iso: '2025-12-05T22:00:00.000Z',
			phrase: 'early Saturday'
		});
	});

	it('reads "overnight" and "third straight day" as the publication day', () => {
		expect(day('It destroyed 116 drones overnight.', 'Europe/Moscow')?.iso).toBe(
			'2025-12-05T21:00:00.000Z'
		);
		expect(day('They met for a third straight day.')?.iso).toBe('2025-12-06T05:00:00.000Z');
	});

	it('reads "yesterday" as the day before publication', () => {
		expect(day('The minister resigned yesterday.')?.iso).toBe('2025-12-05T05:00:00.000Z');
	});

	it('reads "late last month" as an approximate window from the 20th to the month’s end', () => {
		const resolved = resolveDate(
			'It first emerged late last month.',
			published,
			'America/New_York'
		);
		expect(resolved?.precision).toBe('approximate');
		expect(resolved?.start.toISOString()).toBe('2025-11-20T05:00:00.000Z');
		expect(resolved?.end?.toISOString()).toBe('2025-12-01T04:59:59.000Z');
	});

	it('reads explicit dates, placing a yearless one before publication', () => {
		expect(day('The deal was signed on 4 December.')?.iso).toBe('2025-12-04T05:00:00.000Z');
		expect(day('The law passed on March 3.')?.iso).toBe('2025-03-03T05:00:00.000Z');
		expect(day('It was signed on 2024-02-29.', 'UTC')?.iso).toBe('2024-02-29T00:00:00.000Z');
	});

	it('says nothing when the sentence names no date', () => {
		expect(resolveDate('Diplomats said talks would continue.', published)).toBeUndefined();
	});
});

describe('zonedMidnight', () => {
	it('finds midnight on a day when the clocks change', () => {
		// Clocks go forward in New York at 02:00 on 9 March 2025: midnight is still EST.
		expect(zonedMidnight({ year: 2025, month: 3, day: 9 }, 'America/New_York').toISOString()).toBe(
			'2025-03-09T05:00:00.000Z'
		);
	});
});
