import { describe, expect, it } from 'vitest';
import { previewTimeline, timelineHeight } from '../../src/lib/charts/timeline-preview';
import type { TimelineEventInput } from '../../src/lib/charts/timeline-items';

const at = (day: number) => new Date(Date.UTC(2025, 11, day, 12));

function event(id: number, day: number, kind: TimelineEventInput['kind'] = 'meeting') {
	return {
		id,
		kind,
		title: `Event ${id}`,
		occurredStart: at(day),
		occurredEnd: null,
		precision: 'day',
		timeZone: 'UTC',
		placeName: null,
		attribution: null,
		verification: 'reported'
	} satisfies TimelineEventInput;
}

describe('previewTimeline', () => {
	const window = { start: at(0), end: at(10) };

	it('lays out the window asked for: an event in its middle sits at the middle', () => {
		const preview = previewTimeline([event(1, 1), event(2, 5), event(3, 10)], window, 'en')!;
		expect(preview.marks.find((mark) => mark.id === 2)!.x).toBeCloseTo(500, 0);
		expect(preview.major.length).toBeGreaterThan(0);
	});

	it('leaves out what falls outside the window, and gives the height vis-timeline gets', () => {
		const preview = previewTimeline(
			[event(1, 5), event(2, 20, 'policy'), event(3, 6, 'statement')],
			window,
			'en'
		)!;
		expect(preview.marks.map((mark) => mark.id).sort()).toEqual([1, 3]);
		expect(preview.lanes).toEqual(['meeting', 'statement', 'policy']);
		expect(preview.height).toBe(timelineHeight(3));
	});

	it('stacks close marks of one lane in rows so their labels do not overlap', () => {
		const preview = previewTimeline([event(1, 5), event(2, 5), event(3, 5)], window, 'en')!;
		const tops = preview.marks.map((mark) => mark.top);
		expect(new Set(tops).size).toBe(3);
	});
});
