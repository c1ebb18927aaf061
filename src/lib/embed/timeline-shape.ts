/**
 * The embed's SVG timeline, shaped on the server: x positions on a 0–1000 scale (the SVG
 * stretches horizontally, so zooming is only a wider box), one lane per kind, and axis ticks at
 * two levels (minor labels show once the reader zooms in far enough). Pure.
 */
import { EVENT_KINDS, type EventKind } from '../types';
import { offsetSeconds } from '../time/wall-clock';

export const SCALE = 1000;
export const LANE_HEIGHT = 22;

export interface ShapedMark {
	id: number;
	kind: EventKind;
	x: number;
	/** The end of a span (approximate or timed windows). */
	x2: number | null;
	y: number;
}

export interface ShapedTick {
	x: number;
	label: string;
}

export interface ShapedTimeline {
	lanes: EventKind[];
	height: number;
	marks: ShapedMark[];
	major: ShapedTick[];
	minor: ShapedTick[];
	/** Minor tick spacing on the 0–1000 scale (the browser shows their labels when wide enough). */
	minorStep: number;
	start: Date;
	end: Date;
}

interface MarkInput {
	id: number;
	kind: EventKind;
	occurredStart: Date;
	occurredEnd: Date | null;
	/** The place's zone: the axis is each event's own calendar (UTC when absent). */
	timeZone?: string;
}

/**
 * An instant as its place's wall-clock time on a zone-less axis, so the axis' days (labelled in
 * UTC below) are the days the events happened on where they happened, as their dates are written.
 */
function onAxis(at: Date, zone = 'UTC'): number {
	return at.getTime() + offsetSeconds(at, zone) * 1000;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Unit = { months: number; ms: number; format: Intl.DateTimeFormatOptions };
const UNITS: Unit[] = [
	{ months: 12, ms: 365 * DAY, format: { year: 'numeric' } },
	{ months: 3, ms: 91 * DAY, format: { month: 'short', year: 'numeric' } },
	{ months: 1, ms: 30 * DAY, format: { month: 'short', year: 'numeric' } },
	{ months: 0, ms: 7 * DAY, format: { day: 'numeric', month: 'short' } },
	{ months: 0, ms: DAY, format: { day: 'numeric', month: 'short' } },
	{ months: 0, ms: 6 * HOUR, format: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } },
	{ months: 0, ms: HOUR, format: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } }
];

function floorTo(time: number, unit: Unit): number {
	const date = new Date(time);
	if (unit.months > 0) {
		const month = date.getUTCMonth() - (date.getUTCMonth() % unit.months);
		return Date.UTC(date.getUTCFullYear(), month, 1);
	}
	if (unit.ms === 7 * DAY) {
		// Weeks start on Monday.
		const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
		return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
	}
	return Math.floor(time / unit.ms) * unit.ms;
}

function next(time: number, unit: Unit): number {
	if (unit.months === 0) return time + unit.ms;
	const date = new Date(time);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + unit.months, 1);
}

function ticks(start: number, end: number, unit: Unit, lang: string, toX: (t: number) => number) {
	const format = new Intl.DateTimeFormat(lang, { ...unit.format, timeZone: 'UTC' });
	const out: ShapedTick[] = [];
	for (let t = next(floorTo(start, unit), unit); t < end && out.length < 400; t = next(t, unit))
		out.push({ x: toX(t), label: format.format(t) });
	return out;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Lays out the given events (already filtered) in time order; lanes only for kinds present.
 * `frame`, when given, is the window to lay out instead of one fitted to the events (the story
 * page's server-drawn timeline shows the window vis-timeline then opens on).
 */
export function shapeTimeline(
	events: MarkInput[],
	lang: string,
	frame?: { start: Date; end: Date }
): ShapedTimeline | null {
	if (events.length === 0) return null;
	let min = Infinity;
	let max = -Infinity;
	for (const event of events) {
		min = Math.min(min, onAxis(event.occurredStart, event.timeZone));
		max = Math.max(max, onAxis(event.occurredEnd ?? event.occurredStart, event.timeZone));
	}
	// A little room either side, and at least a day so a single event sits in the middle.
	const pad = Math.max((max - min) * 0.04, DAY / 2);
	const start = frame ? frame.start.getTime() : min - pad;
	const end = frame ? frame.end.getTime() : max + pad;
	const toX = (time: number) => round(((time - start) / (end - start)) * SCALE);

	const lanes = EVENT_KINDS.filter((kind) => events.some((event) => event.kind === kind));
	const marks = events.map((event) => ({
		id: event.id,
		kind: event.kind,
		x: toX(onAxis(event.occurredStart, event.timeZone)),
		x2: event.occurredEnd ? toX(onAxis(event.occurredEnd, event.timeZone)) : null,
		y: lanes.indexOf(event.kind) * LANE_HEIGHT + LANE_HEIGHT / 2
	}));

	const span = end - start;
	const majorIndex = Math.max(
		0,
		UNITS.findLastIndex((unit) => span / unit.ms <= 8)
	);
	const majorUnit = UNITS[majorIndex]!;
	const minorUnit = UNITS[Math.min(majorIndex + 1, UNITS.length - 1)]!;
	return {
		lanes,
		height: lanes.length * LANE_HEIGHT,
		marks,
		major: ticks(start, end, majorUnit, lang, toX),
		minor: minorUnit === majorUnit ? [] : ticks(start, end, minorUnit, lang, toX),
		minorStep: round((minorUnit.ms / span) * SCALE),
		start: new Date(start),
		end: new Date(end)
	};
}
