/**
 * A story's activity as a sparkline: events per day over the story's span, as SVG path data the
 * server renders with d3's scales and path generators (pure: no DOM), so the index needs no
 * JavaScript to draw it and ships no d3 to the browser.
 */
import { area as d3Area, line as d3Line, scaleLinear } from 'd3';
import { dayIn } from '$lib/format/locale-dates';
import type { Translate } from '$lib/i18n';

/** How many events happened on one day ("YYYY-MM-DD", the day in the place's zone). */
export interface DayCount {
	day: string;
	count: number;
}

/** One step of the line: a day, or a run of days when a long story is binned. */
export interface SparklineBin {
	/** First and last day covered, "YYYY-MM-DD". */
	start: string;
	end: string;
	count: number;
	x: number;
	y: number;
}

export interface Sparkline {
	width: number;
	height: number;
	/** Path data of the line (`<path d>`). */
	line: string;
	/** Path data of the area under the line, closed along the baseline. */
	area: string;
	bins: SparklineBin[];
	/** Days each bin covers: 1 unless the story spans more days than `maxBins`. */
	daysPerBin: number;
	total: number;
	firstDay: string;
	lastDay: string;
	/** The busiest bin (the earliest of equals). */
	peak: SparklineBin;
}

export interface SparklineOptions {
	width?: number;
	height?: number;
	/** Beyond this many days, days are summed into equal runs so the path stays small. */
	maxBins?: number;
	/** Room kept above and below the line so its stroke is not clipped. */
	padding?: number;
}

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since the epoch of "YYYY-MM-DD", or undefined when it is not a real calendar day. */
function dayNumber(day: string): number | undefined {
	const match = DAY_PATTERN.exec(day);
	if (!match) return undefined;
	const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const time = Date.UTC(year, month - 1, date);
	const back = new Date(time);
	if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return undefined;
	if (back.getUTCDate() !== date) return undefined;
	return time / DAY_MS;
}

const dayString = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Shapes day counts into a sparkline from the first to the last day with events; days without
 * events count as zero. Returns undefined when there is nothing to draw (no valid day with a
 * positive count). Counts for the same day are added; invalid days and counts are ignored.
 */
export function sparkline(
	counts: readonly DayCount[],
	{ width = 120, height = 28, maxBins = 60, padding = 2 }: SparklineOptions = {}
): Sparkline | undefined {
	const perDay = new Map<number, number>();
	for (const { day, count } of counts) {
		const n = dayNumber(day);
		if (n === undefined || !Number.isFinite(count) || count <= 0) continue;
		perDay.set(n, (perDay.get(n) ?? 0) + count);
	}
	if (perDay.size === 0) return undefined;

	const days = [...perDay.keys()];
	const first = Math.min(...days);
	const last = Math.max(...days);
	const span = last - first + 1;
	const daysPerBin = Math.max(1, Math.ceil(span / Math.max(1, Math.floor(maxBins))));
	const binCount = Math.ceil(span / daysPerBin);

	const sums = new Array<number>(binCount).fill(0);
	for (const [n, count] of perDay) {
		const index = Math.floor((n - first) / daysPerBin);
		sums[index] = (sums[index] ?? 0) + count;
	}
	const max = Math.max(...sums);
	const top = padding;
	const bottom = height - padding;
	// One bin alone still draws a line across the whole width rather than a lone dot.
	const x = scaleLinear()
		.domain([0, Math.max(1, binCount - 1)])
		.range([0, width]);
	const y = scaleLinear().domain([0, max]).range([bottom, top]);
	const xAt = (i: number) => x(i);
	const yAt = (count: number) => round(y(count));

	const bins: SparklineBin[] = sums.map((count, i) => ({
		start: dayString(first + i * daysPerBin),
		end: dayString(Math.min(last, first + (i + 1) * daysPerBin - 1)),
		count,
		x: round(xAt(i)),
		y: yAt(count)
	}));
	const points = binCount === 1 ? [bins[0]!, { ...bins[0]!, x: round(xAt(1)) }] : bins;
	const line =
		d3Line<SparklineBin>()
			.x((p) => p.x)
			.y((p) => p.y)
			.digits(2)(points) ?? '';
	// d3's area walks the baseline back from the last point to the first, then closes.
	const area =
		d3Area<SparklineBin>()
			.x((p) => p.x)
			.y0(bottom)
			.y1((p) => p.y)
			.digits(2)(points) ?? '';
	const peak = bins.reduce((best, bin) => (bin.count > best.count ? bin : best), bins[0]!);

	return {
		width,
		height,
		line,
		area,
		bins,
		daysPerBin,
		total: sums.reduce((a, b) => a + b, 0),
		firstDay: dayString(first),
		lastDay: dayString(last),
		peak
	};
}

const dayLabel = (day: string, locale: string) => dayIn(new Date(`${day}T00:00:00Z`), locale);
/**
 * The sparkline in words, for its accessible name: "12 events from 30 November 2025 to
 * 7 December 2025; the busiest day was 5 December 2025 with 4 events."
 */
export function describeSparkline(chart: Sparkline, t: Translate, locale: string): string {
	const day = (d: string) => dayLabel(d, locale);
	const count = chart.total;
	if (chart.firstDay === chart.lastDay)
		return t('reader.sparkline.oneDay', { count, day: day(chart.firstDay) });
	const { peak } = chart;
	const values = {
		count,
		first: day(chart.firstDay),
		last: day(chart.lastDay),
		peak: day(peak.start),
		peakEnd: day(peak.end),
		most: peak.count
	};
	return peak.start === peak.end
		? t('reader.sparkline.busiestDay', values)
		: t('reader.sparkline.busiestStretch', values);
}
