/**
 * The timeline axis in the reader's language. vis-timeline writes its axis with moment, which
 * ships English month names only; given functions instead, it asks them for every label, and
 * these write the same parts of a date with Intl. English keeps vis-timeline's own labels.
 */
type Scale =
	'millisecond' | 'second' | 'minute' | 'hour' | 'weekday' | 'day' | 'week' | 'month' | 'year';

const MINOR: Record<Scale, Intl.DateTimeFormatOptions | null> = {
	millisecond: null,
	second: { second: 'numeric' },
	minute: { hour: '2-digit', minute: '2-digit' },
	hour: { hour: '2-digit', minute: '2-digit' },
	weekday: { weekday: 'short', day: 'numeric' },
	day: { day: 'numeric' },
	week: { day: 'numeric' },
	month: { month: 'short' },
	year: { year: 'numeric' }
};

const MAJOR: Record<Scale, Intl.DateTimeFormatOptions | null> = {
	millisecond: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
	second: { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' },
	minute: { weekday: 'short', day: 'numeric', month: 'long' },
	hour: { weekday: 'short', day: 'numeric', month: 'long' },
	weekday: { month: 'long', year: 'numeric' },
	day: { month: 'long', year: 'numeric' },
	week: { month: 'long', year: 'numeric' },
	month: { year: 'numeric' },
	year: null
};

/**
 * What vis-timeline hands a label function: its types say a Date, its code passes a moment,
 * which knows its Date.
 */
type AxisDate = Date | { toDate(): Date };

type Label = (date: Date, scale: string) => string;

const asDate = (date: AxisDate): Date => (date instanceof Date ? date : date.toDate());

function labeller(
	locale: string,
	table: Record<Scale, Intl.DateTimeFormatOptions | null>
): (date: AxisDate, scale: string) => string {
	const formats = new Map<string, Intl.DateTimeFormat | null>();
	return (date, scale) => {
		if (!formats.has(scale)) {
			const options = table[scale as Scale];
			formats.set(scale, options ? new Intl.DateTimeFormat(locale, options) : null);
		}
		return formats.get(scale)?.format(asDate(date)) ?? '';
	};
}

/** vis-timeline's `format` option for a language other than English, else nothing. */
export function axisFormat(locale: string): { minorLabels: Label; majorLabels: Label } | undefined {
	if (locale === 'en' || locale.startsWith('en-')) return undefined;
	return { minorLabels: labeller(locale, MINOR), majorLabels: labeller(locale, MAJOR) };
}

/** The same, to spread into vis-timeline's options. */
export function axisOptions(locale: string): { format?: ReturnType<typeof axisFormat> & object } {
	const format = axisFormat(locale);
	return format ? { format } : {};
}
