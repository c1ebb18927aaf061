import { describe, it, expect } from 'vitest';
import {
	adjacentItem,
	latestWindow,
	presetWindow,
	shortLabel,
	storyWindow,
	toTimelineGroups,
	toTimelineItems
} from '$lib/charts/timeline-items';
import { timelineEvent as event } from '../factories/timeline-event';
import { translator } from '$lib/i18n';

describe('toTimelineGroups', () => {
	it('makes one row per kind present, in the fixed kind order', () => {
		const groups = toTimelineGroups([
			event({ kind: 'battlefield' }),
			event({ kind: 'meeting' }),
			event({ kind: 'meeting' }),
			event({ kind: 'policy' })
		]);
		expect(groups.map((g) => g.id)).toEqual(['meeting', 'battlefield', 'policy']);
		expect(groups.map((g) => g.label)).toEqual(['Meetings', 'Battlefield', 'Policy']);
		expect(groups[0]?.className).toContain('tl-group-meeting');
	});

	it('has no rows for a story without events', () => {
		expect(toTimelineGroups([])).toEqual([]);
	});
});

describe('toTimelineItems', () => {
	it('draws a day-precise event as a point at midday in the place’s zone', () => {
		const [item] = toTimelineItems([event({ id: 7 })]);
		expect(item).toMatchObject({ id: 'event-7', eventId: 7, type: 'point', group: 'meeting' });
		expect(item?.start.toISOString()).toBe('2025-12-02T09:00:00.000Z');
		expect(item?.end).toBeNull();
	});

	it('draws a timed event as a point at its moment', () => {
		const start = new Date('2025-12-02T11:30:00Z');
		const [item] = toTimelineItems([event({ precision: 'minute', occurredStart: start })]);
		expect(item?.type).toBe('point');
		expect(item?.start).toEqual(start);
	});

	it('draws a known span and a month as ranges', () => {
		const [span, month] = toTimelineItems([
			event({
				occurredStart: new Date('2025-12-04T05:00:00Z'),
				occurredEnd: new Date('2025-12-07T05:00:00Z')
			}),
			event({
				precision: 'month',
				occurredStart: new Date('2025-11-01T00:00:00Z'),
				timeZone: 'UTC'
			})
		]);
		expect(span?.type).toBe('range');
		expect(span?.end?.toISOString()).toBe('2025-12-07T05:00:00.000Z');
		expect(month?.type).toBe('range');
		expect(month?.end?.toISOString()).toBe('2025-12-01T00:00:00.000Z');
	});

	it('draws an approximate date as a soft range over the window it may fall in', () => {
		const start = new Date('2025-11-20T05:00:00Z');
		const end = new Date('2025-12-01T04:59:59Z');
		const [item] = toTimelineItems([
			event({
				id: 3,
				kind: 'policy',
				precision: 'approximate',
				timeZone: 'America/New_York',
				occurredStart: start,
				occurredEnd: end
			})
		]);
		expect(item).toMatchObject({ id: 'event-3', type: 'range', approximate: true, start, end });
		expect(item?.className.split(' ')).toContain('tl-approximate');
		expect(item?.title).toContain('Late November 2025 (approximate)');
	});

	it('never makes background items: every item is an event a reader can select', () => {
		const items = toTimelineItems([
			event({}),
			event({ precision: 'approximate', occurredEnd: new Date('2025-12-05T00:00:00Z') }),
			event({ precision: 'month' })
		]);
		expect(items.map((i) => i.type)).toEqual(['point', 'range', 'range']);
		expect(items.every((i) => i.id.startsWith('event-'))).toBe(true);
	});

	it('classes each item by kind and by verification', () => {
		const [claimed, confirmed] = toTimelineItems([
			event({ kind: 'battlefield', verification: 'claimed' }),
			event({ kind: 'statement', verification: 'confirmed' })
		]);
		expect(claimed?.className.split(' ')).toEqual([
			'tl-item',
			'tl-kind-battlefield',
			'tl-verification-claimed'
		]);
		expect(confirmed?.className).toContain('tl-verification-confirmed');
	});

	it('keeps titles as text, with when, where and the claim in the tooltip', () => {
		const [item] = toTimelineItems([
			event({
				kind: 'battlefield',
				title: 'MoD: <b>116</b> drones destroyed',
				verification: 'claimed',
				attribution: "Russia's defence ministry",
				placeName: 'Kyiv region'
			})
		]);
		expect(item?.label).toBe('MoD: <b>116</b> drones destroyed');
		expect(item?.title.split('\n')).toEqual([
			'MoD: <b>116</b> drones destroyed',
			'2 December 2025',
			'Kyiv region',
			"Claimed by Russia's defence ministry — not independently verified"
		]);
	});

	it('writes the tooltip in the reader’s language, the newsroom’s words left as they are', () => {
		const [item] = toTimelineItems(
			[event({ verification: 'claimed', attribution: 'Генштаб', placeName: 'Kyiv region' })],
			{ t: translator('uk'), locale: 'uk' }
		);
		const [, when, where, claim] = item!.title.split('\n');
		expect(when).toMatch(/грудня 2025/);
		expect(where).toBe('Kyiv region');
		expect(claim).toContain('Генштаб');
		expect(claim).not.toMatch(/[A-Za-z]{2,}/);
	});

	it('shortens long labels at a word, keeping the full title in the tooltip', () => {
		const title =
			'Ukraine and the United States agree a framework of security arrangements in Miami';
		const [item] = toTimelineItems([event({ title })]);
		expect(item?.label).toBe('Ukraine and the United States agree a…');
		expect(item?.title.startsWith(title)).toBe(true);
		expect(shortLabel('Short title')).toBe('Short title');
	});
});

describe('storyWindow', () => {
	it('covers every item with some air either side', () => {
		const items = toTimelineItems([
			event({ occurredStart: new Date('2025-11-20T00:00:00Z') }),
			event({ occurredStart: new Date('2025-12-06T00:00:00Z') })
		]);
		const window = storyWindow(items);
		expect(window).not.toBeNull();
		expect(window!.start.getTime()).toBeLessThan(new Date('2025-11-20T12:00:00Z').getTime());
		expect(window!.end.getTime()).toBeGreaterThan(new Date('2025-12-06T12:00:00Z').getTime());
	});

	it('lets a long approximate window run off the left instead of squeezing the story', () => {
		const items = toTimelineItems([
			event({
				kind: 'policy',
				precision: 'approximate',
				occurredStart: new Date('2025-10-01T04:00:00Z'),
				occurredEnd: new Date('2025-12-06T18:30:00Z')
			}),
			event({ occurredStart: new Date('2025-12-01T21:00:00Z') }),
			event({ occurredStart: new Date('2025-12-05T21:00:00Z') })
		]);
		const window = storyWindow(items)!;
		expect(window.start.getTime()).toBeGreaterThan(new Date('2025-11-25T00:00:00Z').getTime());
		// The first dated event (2 December, midday in Moscow) is inside the window, not on its edge.
		expect(window.start.getTime()).toBeLessThan(new Date('2025-12-02T09:00:00Z').getTime());
		expect(window.end.getTime()).toBeGreaterThan(new Date('2025-12-07T00:00:00Z').getTime());
	});

	it('is at least three days wide for a single event, and null for none', () => {
		const window = storyWindow(toTimelineItems([event({})]));
		expect(window!.end.getTime() - window!.start.getTime()).toBeGreaterThanOrEqual(3 * 86_400_000);
		expect(storyWindow([])).toBeNull();
	});
});

describe('keyboard walking and zoom windows', () => {
	const items = toTimelineItems([
		event({ id: 31, occurredStart: new Date('2025-12-05T05:00:00Z') }),
		event({ id: 30, occurredStart: new Date('2025-12-01T21:00:00Z') }),
		event({ id: 32, occurredStart: new Date('2025-12-06T05:00:00Z') })
	]);

	it('moves to the next and previous event in time order, stopping at the ends', () => {
		expect(adjacentItem(items, 30, 1)?.eventId).toBe(31);
		expect(adjacentItem(items, 31, -1)?.eventId).toBe(30);
		expect(adjacentItem(items, 32, 1)?.eventId).toBe(32);
		expect(adjacentItem(items, 30, -1)?.eventId).toBe(30);
		expect(adjacentItem(items, null, 1)?.eventId).toBe(30);
		expect(adjacentItem(items, null, -1)?.eventId).toBe(32);
		expect(adjacentItem(items, 31, 'last')?.eventId).toBe(32);
		expect(adjacentItem([], null, 1)).toBeNull();
	});

	it('centres a preset window and ends the latest one just after the last event', () => {
		const week = presetWindow(new Date('2025-12-04T00:00:00Z'), 'week');
		expect(week.end.getTime() - week.start.getTime()).toBe(7 * 86_400_000);
		expect(week.start).toEqual(new Date('2025-11-30T12:00:00Z'));
		const latest = latestWindow(items, 86_400_000)!;
		// The last event is a day-precise point at midday, 6 December in Miami (17:00 UTC).
		expect(latest.end.getTime()).toBeGreaterThan(new Date('2025-12-06T17:00:00Z').getTime());
		expect(latest.start.getTime()).toBeLessThan(new Date('2025-12-06T17:00:00Z').getTime());
		expect(latestWindow([], 1)).toBeNull();
	});
});
