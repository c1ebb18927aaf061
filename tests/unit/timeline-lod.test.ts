import { describe, expect, it } from 'vitest';
import { levelOfDetail } from '../../src/lib/charts/timeline-lod';
import type { TimelineItem } from '../../src/lib/charts/timeline-items';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

function item(n: number, day: number, group: TimelineItem['group'] = 'meeting'): TimelineItem {
	return {
		id: `event-${n}`,
		eventId: n,
		group,
		type: 'point',
		start: new Date(T0 + day * DAY),
		end: null,
		className: '',
		approximate: false,
		label: `Event ${n}`,
		title: `Event ${n}`
	};
}

describe('levelOfDetail', () => {
	// Ten meetings on day 10, one each on days 20 and 30, and a statement on day 10.
	const items = [
		...Array.from({ length: 10 }, (_, i) => item(i + 1, 10 + i / 100)),
		item(11, 20),
		item(12, 30),
		item(13, 10, 'statement')
	];

	it('folds a dense stretch of one kind into a cluster with its count', () => {
		const window = { start: new Date(T0), end: new Date(T0 + 40 * DAY) };
		const { items: shown, clusters } = levelOfDetail(items, window, 800);
		expect(clusters).toHaveLength(1);
		expect(clusters[0]).toMatchObject({ group: 'meeting', count: 10 });
		// The sparse events and the other kind's lone event stay themselves.
		expect(shown.map((i) => i.eventId).sort((a, b) => a - b)).toEqual([11, 12, 13]);
	});

	it('zoomed in far enough, the same stretch shows every event', () => {
		const HOUR = DAY / 24;
		const window = {
			start: new Date(T0 + 10 * DAY - HOUR),
			end: new Date(T0 + 10 * DAY + 3 * HOUR)
		};
		const { items: shown, clusters } = levelOfDetail(items, window, 800);
		expect(clusters).toHaveLength(0);
		expect(shown.map((i) => i.eventId)).toEqual(expect.arrayContaining([1, 5, 10, 13]));
		// Events more than a window-width away are left out entirely.
		expect(shown.map((i) => i.eventId)).not.toContain(11);
	});

	it('keeps cluster ids across a small pan at the same scale', () => {
		const a = levelOfDetail(items, { start: new Date(T0), end: new Date(T0 + 40 * DAY) }, 800);
		const b = levelOfDetail(
			items,
			{ start: new Date(T0 + DAY), end: new Date(T0 + 41 * DAY) },
			800
		);
		expect(b.clusters.map((c) => c.id)).toEqual(a.clusters.map((c) => c.id));
	});
});
