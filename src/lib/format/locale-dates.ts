/**
 * Dates in a reader's interface language. English keeps the site's own wording (dates.ts:
 * "2 December 2025, 14:30 Moscow time", "Late November 2025 (approximate)"); every other
 * language gets Intl's words and order for its tag, in the zone of the place, at the precision
 * the newsroom knows: a day, a month, an hour ("around"), a minute.
 */
import type { Translate } from '$lib/i18n';
import { uiLocale } from '$lib/i18n/locales';
import {
	formatDay,
	formatEventWhen,
	formatTimestamp,
	inclusiveEnd,
	safeTimeZone,
	type EventTiming
} from './dates';

const english = (locale: string) => uiLocale(locale) === 'en';

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions) {
	const id = `${locale}|${zone}|${JSON.stringify(options)}`;
	let format = formats.get(id);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
		formats.set(id, format);
	}
	return format;
}

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = {
	...DAY,
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
	timeZoneName: 'short'
};

/** A span, or one date when both ends fall on the same formatted value. */
function range(format: Intl.DateTimeFormat, start: Date, end: Date | null): string {
	return end && end > start ? format.formatRange(start, end) : format.format(start);
}

/** "2 December 2025" / "2 грудня 2025 р." in the given zone. */
export function dayIn(date: Date, locale: string, timeZone = 'UTC'): string {
	if (english(locale)) return formatDay(date, timeZone);
	return formatter(locale, safeTimeZone(timeZone), DAY).format(date);
}

/** A newsroom timestamp ("last updated") with its zone. */
export function timestampIn(date: Date, locale: string, timeZone = 'UTC'): string {
	if (english(locale)) return formatTimestamp(date, timeZone);
	return formatter(locale, safeTimeZone(timeZone), TIME).format(date);
}

/** When an event happened, claiming no more precision than the newsroom has. */
export function eventWhenIn(event: EventTiming, locale: string, t: Translate): string {
	if (english(locale)) return formatEventWhen(event);
	const zone = safeTimeZone(event.timeZone);
	const start = event.occurredStart;
	const last = event.occurredEnd ? inclusiveEnd(start, event.occurredEnd, zone) : null;
	switch (event.precision) {
		case 'approximate':
			return t('common.approximateDate', {
				when: range(formatter(locale, zone, MONTH), start, last)
			});
		case 'month':
			return range(formatter(locale, zone, MONTH), start, last);
		case 'day':
			return range(formatter(locale, zone, DAY), start, last);
		case 'hour':
			return t('common.aroundTime', {
				when: range(formatter(locale, zone, TIME), start, event.occurredEnd)
			});
		case 'minute':
			return range(formatter(locale, zone, TIME), start, event.occurredEnd);
	}
}

/** "a, b and c" as the language joins a list (plain `en` as the site writes it: no serial comma). */
export function joinList(parts: readonly string[], locale: string): string {
	return new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { type: 'conjunction' }).format(
		parts
	);
}
