/**
 * The timeline's own data, written by the server into the timeline's placeholder so the browser
 * can draw the timeline before the rest of the page hydrates (timeline-boot.ts). Compact: a
 * 500-event story's items are about 60 KB this way, and most of an item's class list repeats.
 * Pure, so both ends share it and it is unit-tested.
 */
import type {
	TimelineGroup,
	TimelineItem,
	TimelineItemType,
	TimelineWindow
} from './timeline-items';

export interface TimelineBootData {
	groups: TimelineGroup[];
	items: TimelineItem[];
	window: TimelineWindow | null;
}

type Row = [
	id: string,
	eventId: number,
	group: TimelineItem['group'],
	type: TimelineItemType,
	start: number,
	end: number | null,
	className: number,
	approximate: 0 | 1,
	label: string
];

interface Packed {
	v: 1;
	groups: TimelineGroup[];
	classes: string[];
	items: Row[];
	window: [number, number] | null;
}

/** JSON for the page (Svelte escapes it as an attribute value). */
export function packTimelineBoot({ groups, items, window }: TimelineBootData): string {
	const classes: string[] = [];
	const classIndex = new Map<string, number>();
	const rows = items.map((item): Row => {
		let index = classIndex.get(item.className);
		if (index === undefined) {
			index = classes.push(item.className) - 1;
			classIndex.set(item.className, index);
		}
		return [
			item.id,
			item.eventId,
			item.group,
			item.type,
			item.start.getTime(),
			item.end?.getTime() ?? null,
			index,
			item.approximate ? 1 : 0,
			item.label
		];
	});
	const packed: Packed = {
		v: 1,
		groups,
		classes,
		items: rows,
		window: window ? [window.start.getTime(), window.end.getTime()] : null
	};
	return JSON.stringify(packed);
}

/**
 * The timeline data back, or null when the text is not what packTimelineBoot wrote (the page
 * then builds its timeline the usual way). An item's tooltip is its label until the page
 * hydrates and hands over its own items (with the full tooltip) — see timeline-boot.ts.
 */
export function unpackTimelineBoot(text: string): TimelineBootData | null {
	let packed: Packed;
	try {
		packed = JSON.parse(text) as Packed;
	} catch {
		return null;
	}
	if (packed?.v !== 1 || !Array.isArray(packed.items) || !Array.isArray(packed.groups)) return null;
	const items = packed.items.map(
		([id, eventId, group, type, start, end, className, approximate, label]): TimelineItem => ({
			id,
			eventId,
			group,
			type,
			start: new Date(start),
			end: end === null ? null : new Date(end),
			className: packed.classes[className] ?? '',
			approximate: approximate === 1,
			label,
			title: label
		})
	);
	const window = packed.window
		? { start: new Date(packed.window[0]), end: new Date(packed.window[1]) }
		: null;
	return { groups: packed.groups, items, window };
}

/** Whether two item lists draw the same timeline (the same items, at the same places). */
export function sameTimelineItems(a: readonly TimelineItem[], b: readonly TimelineItem[]): boolean {
	return (
		a.length === b.length &&
		a.every((item, i) => {
			const other = b[i]!;
			return (
				item.id === other.id &&
				item.group === other.group &&
				item.type === other.type &&
				item.start.getTime() === other.start.getTime() &&
				(item.end?.getTime() ?? null) === (other.end?.getTime() ?? null) &&
				item.className === other.className &&
				item.label === other.label
			);
		})
	);
}
