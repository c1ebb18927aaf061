/**
 * Shapes a story's events into plain vis-timeline groups and items. Pure and DOM-free so it is
 * unit-tested; Timeline.svelte turns `label`/`title` into text nodes (never HTML) in the browser.
 * Item and group fields follow https://visjs.github.io/vis-timeline/docs/timeline/#items
 */
import { EVENT_KINDS, type EventKind, type TimelineEvent } from '$lib/types';
import { formatEventWhen } from '$lib/format/dates';
import { monthEnd } from '$lib/time/wall-clock';
import { describeVerification, verificationSentence } from '$lib/format/verification';
import { eventWhenIn } from '$lib/format/locale-dates';
import type { Translate } from '$lib/i18n';

/** The event fields the timeline needs; a full TimelineEvent fits. */
export type TimelineEventInput = Pick<
	TimelineEvent,
	| 'id'
	| 'kind'
	| 'title'
	| 'occurredStart'
	| 'occurredEnd'
	| 'precision'
	| 'timeZone'
	| 'placeName'
	| 'attribution'
	| 'verification'
>;

export interface TimelineGroup {
	id: EventKind;
	label: string;
	className: string;
	order: number;
}

/** vis-timeline also has 'box' and 'background'; a story's events need only these two. */
export type TimelineItemType = 'point' | 'range';

export interface TimelineItem {
	/** `event-{id}`, the same anchor as the event's entry in the chronology. */
	id: string;
	eventId: number;
	group: EventKind;
	type: TimelineItemType;
	start: Date;
	end: Date | null;
	className: string;
	/** The date is a window the event falls somewhere in, not its duration. */
	approximate: boolean;
	/** Short text shown on the item (plain text). */
	label: string;
	/** Tooltip text, one fact per line (plain text). */
	title: string;
}

export interface TimelineWindow {
	start: Date;
	end: Date;
}

/** Singular, for an event's kind tag. */
export const KIND_LABELS: Record<EventKind, string> = {
	meeting: 'Meeting',
	statement: 'Statement',
	battlefield: 'Battlefield',
	policy: 'Policy',
	other: 'Other'
};

/** Plural, for timeline rows and the legend. */
export const KIND_GROUP_LABELS: Record<EventKind, string> = {
	meeting: 'Meetings',
	statement: 'Statements',
	battlefield: 'Battlefield',
	policy: 'Policy',
	other: 'Other'
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX_LABEL = 44;
/** Approximate windows longer than this are context, not the story's focus. */
const LONG_WINDOW = 21 * DAY;

/** Trims a label to fit on the timeline; the full title stays in the tooltip and the list. */
export function shortLabel(title: string, max = MAX_LABEL): string {
	const clean = title.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** One row per kind that has events, in the fixed newsroom order. */
export function toTimelineGroups(events: readonly TimelineEventInput[]): TimelineGroup[] {
	const present = new Set(events.map((e) => e.kind));
	return EVENT_KINDS.filter((kind) => present.has(kind)).map((kind) => ({
		id: kind,
		label: KIND_GROUP_LABELS[kind],
		className: `tl-group tl-group-${kind}`,
		order: EVENT_KINDS.indexOf(kind)
	}));
}

/** The reader's words and the tag their dates are written in (English without them). */
export interface TimelineWords {
	t: Translate;
	locale: string;
}

function tooltip(event: TimelineEventInput, words?: TimelineWords): string {
	return [
		event.title,
		words ? eventWhenIn(event, words.locale, words.t) : formatEventWhen(event),
		event.placeName,
		event.verification === 'reported' && !event.attribution
			? null
			: words
				? verificationSentence(words.t, event.verification, event.attribution)
				: describeVerification(event.verification, event.attribution)
	]
		.filter(Boolean)
		.join('\n');
}

/**
 * Items for the events: a point for an instant (a day-precise one sits at that day's midday in
 * the place's zone), a range for a known span or a month, and for an approximate date a soft
 * (hatched, dashed) range over the whole window it may fall in.
 */
export function toTimelineItems(
	events: readonly TimelineEventInput[],
	words?: TimelineWords
): TimelineItem[] {
	return events.map((event) => {
		const approximate = event.precision === 'approximate';
		const classes = ['tl-item', `tl-kind-${event.kind}`, `tl-verification-${event.verification}`];
		if (approximate) classes.push('tl-approximate');
		const base = {
			id: `event-${event.id}`,
			eventId: event.id,
			group: event.kind,
			className: classes.join(' '),
			approximate,
			label: shortLabel(event.title)
		};
		const start = event.occurredStart;

		let end: Date | null = event.occurredEnd;
		if (!end && approximate) end = new Date(start.getTime() + DAY);
		if (!end && event.precision === 'month') end = monthEnd(start, event.timeZone);

		const at = event.precision === 'day' ? new Date(start.getTime() + 12 * HOUR) : start;
		const item =
			end && end > start
				? { ...base, type: 'range' as const, start, end }
				: { ...base, type: 'point' as const, start: at, end: null };
		// The tooltip is written when first shown: formatting every event's date in its zone was
		// a fifth of a 500-event page's hydration, and a long story's timeline draws few items.
		let title: string | undefined;
		return Object.defineProperty(item, 'title', {
			enumerable: true,
			get: () => (title ??= tooltip(event, words))
		}) as TimelineItem;
	});
}

/**
 * The window the timeline opens on: every dated event, with air either side and more on the
 * right, where point labels run. A long approximate window (a context event such as "sanctions,
 * some time in the autumn") contributes only its end, so it cannot squeeze the days the story is
 * about into a sliver; it still shows, running off the left edge, and "Whole story" reveals it.
 */
export function storyWindow(items: readonly TimelineItem[]): TimelineWindow | null {
	if (items.length === 0) return null;
	let min = Infinity;
	let max = -Infinity;
	for (const item of items) {
		const start = item.start.getTime();
		const end = (item.end ?? item.start).getTime();
		if (!item.approximate || end - start <= LONG_WINDOW) min = Math.min(min, start);
		min = Math.min(min, end);
		max = Math.max(max, end);
	}
	const span = Math.max(max - min, 3 * DAY);
	const middle = (min + max) / 2;
	return {
		start: new Date(middle - span * 0.55),
		end: new Date(middle + span * 0.95)
	};
}

/** Every item, edge to edge with a little air ("All"). */
export function allWindow(items: readonly TimelineItem[]): TimelineWindow | null {
	if (items.length === 0) return null;
	let min = Infinity;
	let max = -Infinity;
	for (const item of items) {
		min = Math.min(min, item.start.getTime());
		max = Math.max(max, (item.end ?? item.start).getTime());
	}
	const pad = Math.max((max - min) * 0.03, 3_600_000);
	return { start: new Date(min - pad), end: new Date(max + pad) };
}

/** Items in reading order (by start, then event id), as arrow keys walk them. */
export function itemsInTimeOrder(items: readonly TimelineItem[]): TimelineItem[] {
	return [...items].sort((a, b) => a.start.getTime() - b.start.getTime() || a.eventId - b.eventId);
}

/**
 * The item an arrow key moves to from the selected event: the next or previous in time order,
 * the first (or last) when nothing is selected; at either end it stays put.
 */
export function adjacentItem(
	items: readonly TimelineItem[],
	selectedEventId: number | null,
	step: 1 | -1 | 'first' | 'last'
): TimelineItem | null {
	const ordered = itemsInTimeOrder(items);
	if (ordered.length === 0) return null;
	if (step === 'first') return ordered[0] ?? null;
	if (step === 'last') return ordered.at(-1) ?? null;
	const index = ordered.findIndex((item) => item.eventId === selectedEventId);
	if (index === -1) return (step === 1 ? ordered[0] : ordered.at(-1)) ?? null;
	return ordered[Math.min(Math.max(index + step, 0), ordered.length - 1)] ?? null;
}

export type ZoomPreset = 'day' | 'week' | 'month';
export const ZOOM_SPANS: Record<ZoomPreset, number> = { day: DAY, week: 7 * DAY, month: 30 * DAY };

/** A window of the preset's span centred on `center`. */
export function presetWindow(center: Date, preset: ZoomPreset): TimelineWindow {
	const half = ZOOM_SPANS[preset] / 2;
	return { start: new Date(center.getTime() - half), end: new Date(center.getTime() + half) };
}

/** The window of `span` ms that ends just after the latest moment any item reaches. */
export function latestWindow(items: readonly TimelineItem[], span: number): TimelineWindow | null {
	if (items.length === 0) return null;
	const latest = Math.max(...items.map((item) => (item.end ?? item.start).getTime()));
	return { start: new Date(latest - span * 0.85), end: new Date(latest + span * 0.15) };
}
