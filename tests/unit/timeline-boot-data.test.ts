import { describe, it, expect } from 'vitest';
import {
	packTimelineBoot,
	sameTimelineItems,
	unpackTimelineBoot
} from '$lib/charts/timeline-boot-data';
import { storyWindow, toTimelineGroups, toTimelineItems } from '$lib/charts/timeline-items';
import { timelineEvent as event } from '../factories/timeline-event';

const events = [
	event({}),
	event({
		kind: 'battlefield',
		title: '<b>116</b> "drones" <script>',
		verification: 'claimed',
		attribution: "Russia's defence ministry",
		precision: 'minute'
	}),
	event({ kind: 'policy', precision: 'approximate', title: 'Sanctions "some time" in autumn' }),
	event({
		kind: 'statement',
		occurredStart: new Date('2025-12-20T00:00:00Z'),
		occurredEnd: new Date('2025-12-22T00:00:00Z'),
		precision: 'day'
	})
];

describe('timeline boot data', () => {
	it('gives back the items, groups and window the page would build', () => {
		const items = toTimelineItems(events);
		const groups = toTimelineGroups(events);
		const window = storyWindow(items);

		const back = unpackTimelineBoot(packTimelineBoot({ groups, items, window }))!;

		expect(back.groups).toEqual(groups);
		expect(back.window).toEqual(window);
		expect(sameTimelineItems(back.items, items)).toBe(true);
		expect(back.items.map((item) => item.approximate)).toEqual(items.map((i) => i.approximate));
		// Labels stay plain text, markup and quotes included, for vis-timeline's text nodes.
		expect(back.items[1]!.label).toBe(items[1]!.label);
		expect(back.items[1]!.label).toContain('<script>');
	});

	it('tells a different set of items apart', () => {
		const items = toTimelineItems(events);
		const moved = toTimelineItems([
			...events.slice(0, 3),
			{ ...events[3]!, occurredStart: new Date('2025-12-21T00:00:00Z') }
		]);

		expect(sameTimelineItems(items, moved)).toBe(false);
		expect(sameTimelineItems(items, items.slice(1))).toBe(false);
	});

	it('reads nothing from text it did not write', () => {
		expect(unpackTimelineBoot('')).toBeNull();
		expect(unpackTimelineBoot('{"items":[]}')).toBeNull();
		expect(unpackTimelineBoot('not json')).toBeNull();
	});
});
