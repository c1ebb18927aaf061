/**
 * An event's date for the embed in the reader's chosen language. English keeps the site's own
 * wording (which never claims more precision than we have); other languages use Intl.
 */
import { formatEventWhen, inclusiveEnd, safeTimeZone, type EventTiming } from '../format/dates';

export function formatWhen(event: EventTiming, lang: string): string {
	if (lang === 'en' || lang.startsWith('en-')) return formatEventWhen(event);
	const timeZone = safeTimeZone(event.timeZone);
	const day = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone });
	switch (event.precision) {
		case 'minute':
		case 'hour':
			return new Intl.DateTimeFormat(lang, {
				dateStyle: 'long',
				timeStyle: 'short',
				timeZone
			}).format(event.occurredStart);
		case 'month':
			return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone }).format(
				event.occurredStart
			);
		case 'day':
		case 'approximate': {
			if (!event.occurredEnd || event.occurredEnd <= event.occurredStart)
				return day.format(event.occurredStart);
			// Stored ends are exclusive day starts: "4–7 Dec 00:00" is 4–6.
			const end = inclusiveEnd(event.occurredStart, event.occurredEnd, timeZone);
			const range = day.formatRange(event.occurredStart, end);
			return event.precision === 'approximate' ? `≈ ${range}` : range;
		}
	}
}
