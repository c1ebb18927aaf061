import { describe, expect, it } from 'vitest';
import { describeSparkline, sparkline } from '$lib/charts/sparkline';
import { translator } from '$lib/i18n';

describe('sparkline', () => {
	it('draws one point per day from the first to the last day, quiet days at the baseline', () => {
		const chart = sparkline(
			[
				{ day: '2025-12-04', count: 4 },
				{ day: '2025-12-02', count: 2 }
			],
			{ width: 100, height: 24, padding: 2 }
		);

		expect(chart?.bins.map((bin) => [bin.start, bin.count])).toEqual([
			['2025-12-02', 2],
			['2025-12-03', 0],
			['2025-12-04', 4]
		]);
		// x spreads the days over the width; the busiest day touches the top padding, zero the
		// bottom one, so the line reads from 2 up to 4 with a dip to nothing in between.
		expect(chart?.line).toBe('M0,12L50,22L100,2');
		expect(chart?.area).toBe('M0,12L50,22L100,2L100,22L50,22L0,22Z');
		expect(chart).toMatchObject({
			total: 6,
			firstDay: '2025-12-02',
			lastDay: '2025-12-04',
			daysPerBin: 1,
			peak: { start: '2025-12-04', count: 4 }
		});
	});

	it('adds counts given twice for the same day', () => {
		const chart = sparkline([
			{ day: '2025-12-02', count: 1 },
			{ day: '2025-12-02', count: 2 }
		]);
		expect(chart?.total).toBe(3);
		expect(chart?.bins).toHaveLength(1);
	});

	it('draws a single day as a flat line across the whole width, not an invisible dot', () => {
		const chart = sparkline([{ day: '2025-12-02', count: 3 }], { width: 80, height: 20 });
		expect(chart?.line).toBe('M0,2L80,2');
		expect(describeSparkline(chart!, translator('en'), 'en')).toBe('3 events on 2 December 2025.');
	});

	it('sums a long story into runs of days so the path stays small', () => {
		const chart = sparkline(
			[
				{ day: '2024-01-01', count: 1 },
				{ day: '2024-01-02', count: 1 },
				{ day: '2024-12-31', count: 5 }
			],
			{ maxBins: 60 }
		);
		// 366 days (a leap year) in at most 60 bins: 7 days each, 53 bins.
		expect(chart?.daysPerBin).toBe(7);
		expect(chart?.bins).toHaveLength(53);
		expect(chart?.bins[0]).toMatchObject({ start: '2024-01-01', end: '2024-01-07', count: 2 });
		expect(chart?.bins.at(-1)).toMatchObject({ end: '2024-12-31', count: 5 });
		expect(chart?.total).toBe(7);
	});

	it('has nothing to draw without a valid day and a positive count', () => {
		expect(sparkline([])).toBeUndefined();
		expect(
			sparkline([
				{ day: '2025-02-30', count: 3 },
				{ day: 'yesterday', count: 3 },
				{ day: '2025-12-02', count: 0 },
				{ day: '2025-12-03', count: Number.NaN }
			])
		).toBeUndefined();
	});

	it('says in words what the line shows, for readers who cannot see it', () => {
		const chart = sparkline([
			{ day: '2025-11-30', count: 1 },
			{ day: '2025-12-05', count: 4 },
			{ day: '2025-12-07', count: 1 }
		]);
		expect(describeSparkline(chart!, translator('en'), 'en')).toBe(
			'6 events from 30 November 2025 to 7 December 2025; the busiest day was 5 December 2025 with 4 events.'
		);
	});
});
