/**
 * Shapes a story's events into the overview histogram: events per calendar day, stacked by kind,
 * plus the small pieces of layout (axis, ticks, wording) Overview.svelte draws. Pure and free of
 * d3 and the DOM, so it runs on the server and is unit-tested; d3 (the brush) is loaded by the
 * component in the browser only.
 */
import { EVENT_KINDS, type EventKind, type TimelineEvent } from '$lib/types';
import { MONTHS, zonedParts } from '$lib/format/dates';
import type { Translate } from '$lib/i18n';

/** The event fields the overview needs; a full TimelineEvent fits. */
export type OverviewEventInput = Pick<
	TimelineEvent,
	'id' | 'kind' | 'occurredStart' | 'precision' | 'timeZone'
>;

export interface OverviewWindow {
	start: Date;
	end: Date;
}

export interface DayBin {
	/** The calendar day, 'YYYY-MM-DD', in the zone of the place where its events happened. */
	day: string;
	/**
	 * Where the day sits on the axis: that calendar date's UTC midnight to the next. Days from
	 * different zones share one axis of calendar days, so the brush is true to within a zone
	 * offset (hours), below the chart's one-day resolution.
	 */
	start: Date;
	end: Date;
	/** Events per kind on this day, approximate ones included. */
	counts: Record<EventKind, number>;
	/** Of those, events whose date is only approximate (or a whole month). */
	approximate: Record<EventKind, number>;
	total: number;
}

export interface BarSegment {
	day: string;
	kind: EventKind;
	approximate: boolean;
	start: Date;
	end: Date;
	/** Stack bounds in events: the segment covers y0 ≤ n < y1. */
	y0: number;
	y1: number;
}

export interface AxisTick {
	at: Date;
	label: string;
}

export const DAY = 86_400_000;
const SHORT_MONTHS = MONTHS.map((month) => month.slice(0, 3));

const pad = (n: number) => String(n).padStart(2, '0');
const zeroCounts = (): Record<EventKind, number> => ({
	meeting: 0,
	statement: 0,
	battlefield: 0,
	policy: 0,
	other: 0
});

/**
 * The calendar day an event is counted on, in its own zone. Every event counts once, on the day
 * it starts: a three-day range is one event, not three, and an approximate or month-precise
 * event counts on the first day it may fall on (drawn faded, so the bar does not claim a date
 * we do not know). Spreading it over its window would invent fractional events instead.
 */
export function eventDay(event: OverviewEventInput): { day: string; start: Date } {
	const p = zonedParts(event.occurredStart, event.timeZone);
	return {
		day: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
		start: new Date(Date.UTC(p.year, p.month - 1, p.day))
	};
}

const isApproximate = (event: OverviewEventInput) =>
	event.precision === 'approximate' || event.precision === 'month';

/** One bin per day that has events, oldest first. */
export function binEventsByDay(events: readonly OverviewEventInput[]): DayBin[] {
	const bins = new Map<string, DayBin>();
	for (const event of events) {
		const { day, start } = eventDay(event);
		let bin = bins.get(day);
		if (!bin) {
			bin = {
				day,
				start,
				end: new Date(start.getTime() + DAY),
				counts: zeroCounts(),
				approximate: zeroCounts(),
				total: 0
			};
			bins.set(day, bin);
		}
		bin.counts[event.kind] += 1;
		if (isApproximate(event)) bin.approximate[event.kind] += 1;
		bin.total += 1;
	}
	return [...bins.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * The bars' pieces, bottom up in the newsroom's kind order; within a kind the dated events sit
 * under the approximate ones. A bin's segments end at its total.
 */
export function stackBins(bins: readonly DayBin[]): BarSegment[] {
	const segments: BarSegment[] = [];
	for (const bin of bins) {
		let y = 0;
		for (const kind of EVENT_KINDS) {
			const approximate = bin.approximate[kind];
			const dated = bin.counts[kind] - approximate;
			for (const [count, isApprox] of [
				[dated, false],
				[approximate, true]
			] as const) {
				if (count === 0) continue;
				segments.push({
					day: bin.day,
					kind,
					approximate: isApprox,
					start: bin.start,
					end: bin.end,
					y0: y,
					y1: y + count
				});
				y += count;
			}
		}
	}
	return segments;
}

export interface BarPath {
	kind: EventKind;
	approximate: boolean;
	/** Every bar of this kind and dating, one closed rectangle each. */
	d: string;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The stacked bars as one path per kind and dating, in the kind order. They are a picture (the
 * list and the summary carry the numbers), and an element per bar was 250 of them at 500 events,
 * each parsed, laid out and hydrated with the page. `x` maps a date, `y` a count, to the plot.
 */
export function barPaths(
	segments: readonly BarSegment[],
	x: (date: Date) => number,
	y: (count: number) => number
): BarPath[] {
	const paths = new Map<string, BarPath>();
	for (const kind of EVENT_KINDS)
		for (const approximate of [false, true])
			paths.set(`${kind}-${approximate}`, { kind, approximate, d: '' });
	for (const segment of segments) {
		const left = x(segment.start) + 0.05;
		const width = Math.max(0.5, x(segment.end) - x(segment.start) - 0.1);
		const top = y(segment.y1);
		const height = y(segment.y0) - top;
		const path = paths.get(`${segment.kind}-${segment.approximate}`)!;
		path.d += `M${round(left)} ${round(top)}h${round(width)}v${round(height)}h${round(-width)}z`;
	}
	return [...paths.values()].filter((path) => path.d);
}

export function busiestBin(bins: readonly DayBin[]): DayBin | undefined {
	// Ties go to the latest day: in a developing story that is the news.
	return bins.reduce<DayBin | undefined>(
		(best, bin) => (!best || bin.total >= best.total ? bin : best),
		undefined
	);
}

/** The whole story with a day of air either side, at least `minDays` wide. */
export function overviewDomain(bins: readonly DayBin[], minDays = 7): OverviewWindow | null {
	const first = bins[0];
	const last = bins.at(-1);
	if (!first || !last) return null;
	let start = first.start.getTime() - DAY;
	let end = last.end.getTime() + DAY;
	const missing = minDays * DAY - (end - start);
	if (missing > 0) {
		const before = Math.floor(missing / DAY / 2) * DAY;
		start -= before;
		end += missing - before;
	}
	return { start: new Date(start), end: new Date(end) };
}

/** A linear time → pixel mapping and its inverse (d3's scaleUtc, without d3). */
export function timeScale(domain: OverviewWindow, x0: number, x1: number) {
	const t0 = domain.start.getTime();
	const span = Math.max(domain.end.getTime() - t0, 1);
	const k = (x1 - x0) / span;
	return {
		x: (date: Date) => x0 + (date.getTime() - t0) * k,
		invert: (px: number) => new Date(t0 + (px - x0) / k)
	};
}

const DAY_STEPS = [1, 2, 3, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6, 12];

/** Axis ticks at whole days (or months) at least `minGap` pixels apart. */
export function axisTicks(
	domain: OverviewWindow,
	width: number,
	minGap = 64,
	locale = 'en'
): AxisTick[] {
	const shortDay = dayLabel(locale, false);
	const monthLabel = isEnglish(locale)
		? (d: Date) => SHORT_MONTHS[d.getUTCMonth()]!
		: (d: Date) => new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(d);
	const days = (domain.end.getTime() - domain.start.getTime()) / DAY;
	const pxPerDay = width / Math.max(days, 1);
	const ticks: AxisTick[] = [];
	const dayStep = DAY_STEPS.find((step) => step * pxPerDay >= minGap);
	if (dayStep) {
		const first = Math.ceil(domain.start.getTime() / DAY) * DAY;
		for (let t = first; t <= domain.end.getTime(); t += dayStep * DAY) {
			const d = new Date(t);
			ticks.push({ at: d, label: shortDay(d) });
		}
		return ticks;
	}
	const monthStep = MONTH_STEPS.find((step) => step * 30 * pxPerDay >= minGap) ?? 12;
	const s = domain.start;
	let year = s.getUTCFullYear();
	let month = s.getUTCMonth() + (s.getUTCDate() === 1 && s.getUTCHours() === 0 ? 0 : 1);
	month = Math.ceil(month / monthStep) * monthStep;
	for (;;) {
		const d = new Date(Date.UTC(year, month, 1));
		if (d > domain.end) break;
		ticks.push({
			at: d,
			label: d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : monthLabel(d)
		});
		month += monthStep;
		if (month >= 12) {
			year += Math.floor(month / 12);
			month %= 12;
		}
	}
	return ticks;
}

/**
 * "6 Dec" (or "6 Dec 2025") in English as the newsroom writes it, in another language as Intl
 * writes that language's short date ("6 груд.").
 */
function dayLabel(locale: string, year: boolean): (d: Date) => string {
	if (isEnglish(locale))
		return (d) =>
			`${d.getUTCDate()} ${SHORT_MONTHS[d.getUTCMonth()]}${year ? ` ${d.getUTCFullYear()}` : ''}`;
	const format = new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'short',
		year: year ? 'numeric' : undefined,
		timeZone: 'UTC'
	});
	return (d) => format.format(d);
}

const isEnglish = (locale: string) => locale === 'en' || locale.startsWith('en-');

/** English sentences for callers without a reader language (the unit tests, the default). */
const ENGLISH: Translate = (key, values = {}) => {
	const events = `${values.count} ${values.count === 1 ? 'event' : 'events'}`;
	switch (key) {
		case 'reader.overview.empty':
			return 'No events yet';
		case 'reader.overview.oneDay':
			return `${events} on ${values.day}`;
		case 'reader.overview.range':
			return `${events} between ${values.first} and ${values.last}, no more than one a day`;
		default:
			return `${events} between ${values.first} and ${values.last}, busiest day ${values.busiest} with ${values.most}`;
	}
};

/** The chart in one sentence: "12 events between 20 Nov and 6 Dec 2025, busiest day 6 Dec with 5". */
export function describeOverview(
	bins: readonly DayBin[],
	t: Translate = ENGLISH,
	locale = 'en'
): string {
	const first = bins[0];
	const last = bins.at(-1);
	const busiest = busiestBin(bins);
	if (!first || !last || !busiest) return t('reader.overview.empty');
	const count = bins.reduce((sum, bin) => sum + bin.total, 0);
	const shortDay = dayLabel(locale, false);
	const withYear = dayLabel(locale, true);
	if (first === last) return t('reader.overview.oneDay', { count, day: withYear(first.start) });
	const sameYear = first.start.getUTCFullYear() === last.start.getUTCFullYear();
	const range = {
		count,
		first: sameYear ? shortDay(first.start) : withYear(first.start),
		last: withYear(last.start)
	};
	if (busiest.total === 1) return t('reader.overview.range', range);
	const busiestDay = sameYear ? shortDay(busiest.start) : withYear(busiest.start);
	return t('reader.overview.busiest', { ...range, busiest: busiestDay, most: busiest.total });
}

/** The days a window covers, for reading aloud and for the caption: "28 November – 10 December 2025". */
export function describeWindow(window: OverviewWindow, locale = 'en'): string {
	const a = window.start;
	// An end at midnight closes the day before it.
	const b = new Date(Math.max(window.end.getTime() - 1, a.getTime()));
	if (!isEnglish(locale)) {
		const format = new Intl.DateTimeFormat(locale, {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		});
		return format.formatRange(a, b);
	}
	const day = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
	if (a.getUTCFullYear() !== b.getUTCFullYear())
		return `${day(a)} ${a.getUTCFullYear()} – ${day(b)} ${b.getUTCFullYear()}`;
	if (day(a) === day(b)) return `${day(a)} ${a.getUTCFullYear()}`;
	if (a.getUTCMonth() === b.getUTCMonth())
		return `${a.getUTCDate()}–${b.getUTCDate()} ${MONTHS[a.getUTCMonth()]} ${a.getUTCFullYear()}`;
	return `${day(a)} – ${day(b)} ${b.getUTCFullYear()}`;
}

/**
 * The window moved by `delta` milliseconds (keyboard steps), keeping its span and staying within
 * the domain as far as it fits.
 */
export function shiftWindow(
	window: OverviewWindow,
	delta: number,
	domain: OverviewWindow
): OverviewWindow {
	const span = window.end.getTime() - window.start.getTime();
	const a = domain.start.getTime();
	const b = domain.end.getTime() - span;
	// A window wider than the domain may move only as far as it still covers the whole story.
	const start = Math.min(Math.max(window.start.getTime() + delta, Math.min(a, b)), Math.max(a, b));
	return { start: new Date(start), end: new Date(start + span) };
}

/** The window of `span` milliseconds centred on `at`, kept within the domain. */
export function centreWindow(at: Date, span: number, domain: OverviewWindow): OverviewWindow {
	const start = new Date(at.getTime() - span / 2);
	return shiftWindow({ start, end: new Date(start.getTime() + span) }, 0, domain);
}
