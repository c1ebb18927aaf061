/**
 * The story page's timeline as the server draws it (TimelinePreview.svelte): the window
 * vis-timeline will open on, laid out by the embed's shape code (x on a 0–1000 scale, axis
 * ticks), with one lane per kind and each mark's label stacked in rows so labels do not overlap.
 * vis-timeline is then given the same height (timelineHeight), so it replaces the picture in
 * place. Pure.
 */
import { shapeTimeline, SCALE, type ShapedTick } from '$lib/embed/timeline-shape';
import type { EventKind } from '$lib/types';
import type { TimelineEventInput, TimelineWindow } from './timeline-items';
import { shortLabel } from './timeline-items';

/** vis-timeline's two-row time axis, in px. */
export const AXIS_HEIGHT = 52;
export const ROW_HEIGHT = 26;
const LANE_ROWS = 3;
const LANE_PAD = 6;
/** Roughly a label's width on the 0–1000 scale at a desktop width (px per character, marker). */
const CHAR = 6.6;
const MARKER = 18;

/** One height for the picture and vis-timeline: the axis and up to three rows per lane. */
export function timelineHeight(lanes: number): number {
	return AXIS_HEIGHT + Math.max(lanes, 1) * (LANE_ROWS * ROW_HEIGHT + LANE_PAD);
}

export interface PreviewMark {
	id: number;
	kind: EventKind;
	/** 0–1000, start and (for spans) end, clipped to the window. */
	x: number;
	x2: number | null;
	/** px from the top of the lanes (below the axis). */
	top: number;
	label: string;
}

export interface TimelinePreview {
	lanes: EventKind[];
	laneHeight: number;
	height: number;
	marks: PreviewMark[];
	major: ShapedTick[];
	minor: ShapedTick[];
}

export function previewTimeline(
	events: readonly TimelineEventInput[],
	window: TimelineWindow | null,
	lang: string
): TimelinePreview | null {
	const shape = shapeTimeline([...events], lang, window ?? undefined);
	if (!shape) return null;
	const byId = new Map(events.map((event) => [event.id, event]));
	const laneHeight = LANE_ROWS * ROW_HEIGHT + LANE_PAD;
	// Per lane, where each row is free again (on the 0–1000 scale).
	const rowsFree = new Map<EventKind, number[]>();
	const marks: PreviewMark[] = [];
	const inView = shape.marks
		.filter((mark) => (mark.x2 ?? mark.x) >= 0 && mark.x <= SCALE)
		.sort((a, b) => a.x - b.x);
	for (const mark of inView) {
		const event = byId.get(mark.id);
		if (!event) continue;
		const label = shortLabel(event.title);
		const x = Math.max(mark.x, 0);
		const x2 = mark.x2 === null ? null : Math.min(mark.x2, SCALE);
		const right = Math.max(x2 ?? x, x + MARKER + label.length * CHAR);
		const free = rowsFree.get(mark.kind) ?? Array<number>(LANE_ROWS).fill(-Infinity);
		rowsFree.set(mark.kind, free);
		const row = free.findIndex((edge) => edge <= x);
		// A crowded lane stacks deeper than its rows in vis-timeline (it scrolls); the picture
		// shows the first rows and leaves the rest to it.
		if (row === -1) continue;
		free[row] = right + 4;
		const lane = shape.lanes.indexOf(mark.kind);
		marks.push({
			id: mark.id,
			kind: mark.kind,
			x,
			x2,
			top: lane * laneHeight + LANE_PAD / 2 + row * ROW_HEIGHT,
			label
		});
	}
	return {
		lanes: shape.lanes,
		laneHeight,
		height: timelineHeight(shape.lanes.length),
		marks,
		major: shape.major,
		minor: shape.minor
	};
}
