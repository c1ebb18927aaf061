import { describe, it, expect } from 'vitest';
import {
	axisTicks,
	barPaths,
	binEventsByDay,
	centreWindow,
	describeOverview,
	describeWindow,
	eventDay,
	overviewDomain,
	shiftWindow,
	stackBins,
	timeScale,
	type OverviewEventInput
} from '$lib/charts/overview-data';
import { translator } from '$lib/i18n';

const DAY = 86_400_000;
let nextId = 1;
const event = (over: Partial<OverviewEventInput>): OverviewEventInput => ({
	id: nextId++,
	kind: 'meeting',
	occurredStart: new Date('2025-12-04T05:00:00Z'), // 4 Dec, 00:00 Miami
	precision: 'day',
	timeZone: 'America/New_York',
	...over
});
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('eventDay', () => {
	it('counts an event on its calendar day in the place’s zone, not in UTC', () => {
		// 2 Dec 00:00 in Moscow is still 1 Dec in UTC.
		const moscow = event({
			occurredStart: new Date('2025-12-01T21:00:00Z'),
			timeZone: 'Europe/Moscow'
		});
		expect(eventDay(moscow).day).toBe('2025-12-02');
		// 23:30 on 5 Dec in Miami is already 6 Dec in UTC.
		const lateMiami = event({
			occurredStart: new Date('2025-12-06T04:30:00Z'),
			precision: 'minute'
		});
		expect(eventDay(lateMiami).day).toBe('2025-12-05');
		expect(eventDay(lateMiami).start).toEqual(utc('2025-12-05'));
	});
});

describe('binEventsByDay', () => {
	it('bins events per day and kind, oldest day first, approximate ones on their first day', () => {
		const bins = binEventsByDay([
			event({
				kind: 'battlefield',
				occurredStart: new Date('2025-12-05T22:00:00Z'),
				timeZone: 'Europe/Kyiv'
			}),
			event({ kind: 'meeting', occurredStart: new Date('2025-12-06T05:00:00Z') }),
			event({ kind: 'meeting', occurredStart: new Date('2025-12-04T05:00:00Z') }),
			event({
				kind: 'policy',
				precision: 'approximate',
				// Its window runs to 30 Nov: it still counts once, on the day it starts.
				occurredStart: new Date('2025-11-20T05:00:00Z')
			})
		]);
		expect(bins.map((b) => b.day)).toEqual(['2025-11-20', '2025-12-04', '2025-12-06']);
		const [plan, miami, saturday] = bins;
		expect(plan?.counts.policy).toBe(1);
		expect(plan?.approximate.policy).toBe(1);
		expect(miami).toMatchObject({ total: 1, start: utc('2025-12-04'), end: utc('2025-12-05') });
		expect(saturday?.counts).toMatchObject({ meeting: 1, battlefield: 1, statement: 0 });
		expect(saturday?.total).toBe(2);
	});

	it('is empty for a story without events', () => {
		expect(binEventsByDay([])).toEqual([]);
		expect(overviewDomain([])).toBeNull();
		expect(describeOverview([])).toBe('No events yet');
	});
});

describe('stackBins', () => {
	it('stacks kinds bottom up in the kind order, dated under approximate, up to the day’s total', () => {
		const saturday = new Date('2025-12-06T05:00:00Z');
		const bins = binEventsByDay([
			event({ kind: 'battlefield', occurredStart: saturday }),
			event({ kind: 'statement', occurredStart: saturday, precision: 'approximate' }),
			event({ kind: 'meeting', occurredStart: saturday }),
			event({ kind: 'statement', occurredStart: saturday }),
			event({ kind: 'meeting', occurredStart: saturday })
		]);
		const segments = stackBins(bins);
		expect(segments.map((s) => [s.kind, s.approximate, s.y0, s.y1])).toEqual([
			['meeting', false, 0, 2],
			['statement', false, 2, 3],
			['statement', true, 3, 4],
			['battlefield', false, 4, 5]
		]);
		expect(segments.at(-1)?.y1).toBe(bins[0]?.total);
	});
});

describe('barPaths', () => {
	it('draws each kind and dating as one path of rectangles, in the kind order', () => {
		const bins = binEventsByDay([
			event({ kind: 'statement', occurredStart: new Date('2025-12-06T05:00:00Z') }),
			event({ kind: 'meeting', occurredStart: new Date('2025-12-06T05:00:00Z') }),
			event({ kind: 'meeting', occurredStart: new Date('2025-12-07T05:00:00Z') }),
			event({
				kind: 'meeting',
				occurredStart: new Date('2025-12-07T05:00:00Z'),
				precision: 'approximate'
			})
		]);
		const scale = timeScale({ start: utc('2025-12-06'), end: utc('2025-12-08') }, 0, 100);
		const paths = barPaths(stackBins(bins), scale.x, (n) => 100 - n * 10);
		expect(paths.map((p) => [p.kind, p.approximate])).toEqual([
			['meeting', false],
			['meeting', true],
			['statement', false]
		]);
		// One rectangle per day: 6 Dec is x 0–50, 7 Dec x 50–100; a count of one is 10 high.
		expect(paths[0]!.d).toBe('M0.05 90h49.9v10h-49.9zM50.05 90h49.9v10h-49.9z');
		expect(paths[1]!.d).toBe('M50.05 80h49.9v10h-49.9z');
		expect(paths[2]!.d).toBe('M0.05 80h49.9v10h-49.9z');
	});
});

describe('overviewDomain and the axis', () => {
	it('spans the story with a day either side, at least a week wide', () => {
		const bins = binEventsByDay([
			event({ occurredStart: new Date('2025-12-02T05:00:00Z') }),
			event({ occurredStart: new Date('2025-12-16T05:00:00Z') })
		]);
		expect(overviewDomain(bins)).toEqual({ start: utc('2025-12-01'), end: utc('2025-12-18') });

		const single = overviewDomain(binEventsByDay([event({})]));
		expect(single!.end.getTime() - single!.start.getTime()).toBe(7 * DAY);
		expect(single!.start <= utc('2025-12-04') && single!.end >= utc('2025-12-05')).toBe(true);
	});

	it('maps time to pixels and back', () => {
		const scale = timeScale({ start: utc('2025-12-01'), end: utc('2025-12-11') }, 10, 110);
		expect(scale.x(utc('2025-12-06'))).toBe(60);
		expect(scale.invert(60)).toEqual(utc('2025-12-06'));
	});

	it('spaces day ticks apart, and switches to months over a long story', () => {
		const week = axisTicks({ start: utc('2025-12-01'), end: utc('2025-12-08') }, 700);
		expect(week.map((t) => t.label)).toEqual([
			'1 Dec',
			'2 Dec',
			'3 Dec',
			'4 Dec',
			'5 Dec',
			'6 Dec',
			'7 Dec',
			'8 Dec'
		]);
		const narrow = axisTicks({ start: utc('2025-12-01'), end: utc('2025-12-08') }, 200);
		expect(narrow.length).toBeLessThan(5);
		const year = axisTicks({ start: utc('2025-03-15'), end: utc('2026-02-01') }, 330);
		expect(year.every((t) => t.at.getUTCDate() === 1)).toBe(true);
		expect(year.map((t) => t.label)).toContain('2026');
	});
});

describe('describeOverview', () => {
	it('sums up the story: count, span and busiest day', () => {
		const bins = binEventsByDay([
			event({ occurredStart: new Date('2025-11-20T05:00:00Z'), precision: 'approximate' }),
			event({ occurredStart: new Date('2025-12-04T05:00:00Z') }),
			...[1, 2, 3].map(() => event({ occurredStart: new Date('2025-12-06T05:00:00Z') }))
		]);
		expect(describeOverview(bins)).toBe(
			'5 events between 20 Nov and 6 Dec 2025, busiest day 6 Dec with 3'
		);
	});

	it('names the years when the story crosses one, and a one-day story plainly', () => {
		const bins = binEventsByDay([
			event({ occurredStart: new Date('2025-12-30T05:00:00Z') }),
			event({ occurredStart: new Date('2026-01-02T05:00:00Z') })
		]);
		expect(describeOverview(bins)).toBe(
			'2 events between 30 Dec 2025 and 2 Jan 2026, no more than one a day'
		);
		expect(describeOverview(binEventsByDay([event({})]))).toBe('1 event on 4 Dec 2025');
	});

	it('speaks the reader’s language, with its plurals and its month names', () => {
		const bins = binEventsByDay([
			event({ occurredStart: new Date('2025-12-04T05:00:00Z') }),
			...[1, 2, 3, 4].map(() => event({ occurredStart: new Date('2025-12-06T05:00:00Z') }))
		]);
		const sentence = describeOverview(bins, translator('uk'), 'uk');
		expect(sentence).toMatch(/^5 подій з 4 груд\.? по 6 груд\.? 2025/);
		expect(sentence).not.toMatch(/[A-Za-z]{2,}/);
		expect(describeWindow({ start: utc('2025-11-28'), end: utc('2025-12-08') }, 'uk')).toMatch(
			/^28 листопада – 7 грудня 2025/
		);
		const ticks = axisTicks({ start: utc('2025-12-01'), end: utc('2025-12-08') }, 700, 64, 'uk');
		expect(ticks[0]?.label).toMatch(/^1 груд/);
	});
});

describe('windows', () => {
	const domain = { start: utc('2025-11-19'), end: utc('2025-12-08') };

	it('reads a window as the days it covers', () => {
		expect(describeWindow({ start: utc('2025-11-28'), end: utc('2025-12-08') })).toBe(
			'28 November – 7 December 2025'
		);
		expect(describeWindow({ start: utc('2025-12-03'), end: utc('2025-12-07') })).toBe(
			'3–6 December 2025'
		);
		expect(describeWindow({ start: utc('2025-12-30'), end: utc('2026-01-03') })).toBe(
			'30 December 2025 – 2 January 2026'
		);
	});

	it('moves a window by a step, keeping its span, and stops at the story’s ends', () => {
		const window = { start: utc('2025-12-01'), end: utc('2025-12-05') };
		expect(shiftWindow(window, DAY, domain)).toEqual({
			start: utc('2025-12-02'),
			end: utc('2025-12-06')
		});
		expect(shiftWindow(window, 30 * DAY, domain)).toEqual({
			start: utc('2025-12-04'),
			end: utc('2025-12-08')
		});
		expect(shiftWindow(window, -30 * DAY, domain)).toEqual({
			start: utc('2025-11-19'),
			end: utc('2025-11-23')
		});
	});

	it('centres a window on a clicked day', () => {
		const window = centreWindow(utc('2025-12-05'), 4 * DAY, domain);
		expect(window).toEqual({ start: utc('2025-12-03'), end: utc('2025-12-07') });
	});
});
