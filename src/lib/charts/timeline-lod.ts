/**
 * Level of detail for long stories: what the vis-timeline is given for the window in view.
 * vis-timeline re-orders, re-clusters and re-stacks every item it holds on each redraw; with
 * thousands that took 0.3–1.5 s a frame while zooming (bench/story-page.ts). So a story with
 * more than LOD_MIN_ITEMS items hands vis only the items near the window, and where one kind
 * has more than a few items in a short stretch, one cluster carrying their count instead.
 * Pure; vis-timeline.ts applies the result.
 */
import type { EventKind } from '$lib/types';
import type { TimelineItem, TimelineWindow } from './timeline-items';

/** Below this many items vis-timeline holds them all (and clusters with its own option). */
export const LOD_MIN_ITEMS = 300;

export interface TimelineCluster {
	/** Stable for the same stretch at the same scale, so panning keeps it in place. */
	id: string;
	group: EventKind;
	start: Date;
	end: Date;
	count: number;
}

export interface Detail {
	items: TimelineItem[];
	clusters: TimelineCluster[];
}

const MINUTE = 60_000;

/**
 * The items and clusters for `window`, `width` pixels wide: everything within one window-width
 * either side (so a pan shows items at once), bucketed per kind into stretches of about
 * `bucketPx`; a bucket holding more than `maxItems` becomes one cluster. Bucket lengths are a
 * power of two minutes, so small zoom steps keep the same buckets (and the same ids).
 */
export function levelOfDetail(
	items: readonly TimelineItem[],
	window: TimelineWindow,
	width: number,
	{ bucketPx = 96, maxItems = 3 }: { bucketPx?: number; maxItems?: number } = {}
): Detail {
	const start = window.start.getTime();
	const end = window.end.getTime();
	const span = Math.max(end - start, MINUTE);
	const from = start - span;
	const to = end + span;
	const raw = (span * bucketPx) / Math.max(width, 100);
	const bucket = MINUTE * 2 ** Math.max(0, Math.round(Math.log2(raw / MINUTE)));

	const buckets = new Map<string, TimelineItem[]>();
	for (const item of items) {
		const itemStart = item.start.getTime();
		if (itemStart > to || (item.end ?? item.start).getTime() < from) continue;
		const key = `${item.group}:${Math.floor(itemStart / bucket)}`;
		const list = buckets.get(key);
		if (list) list.push(item);
		else buckets.set(key, [item]);
	}

	const shown: Detail = { items: [], clusters: [] };
	for (const [key, list] of buckets) {
		if (list.length <= maxItems) {
			shown.items.push(...list);
			continue;
		}
		let first = Infinity;
		let last = -Infinity;
		for (const item of list) {
			first = Math.min(first, item.start.getTime());
			last = Math.max(last, (item.end ?? item.start).getTime());
		}
		shown.clusters.push({
			id: `cluster-${bucket}-${key}`,
			group: list[0]!.group,
			start: new Date(first),
			end: new Date(last),
			count: list.length
		});
	}
	return shown;
}
