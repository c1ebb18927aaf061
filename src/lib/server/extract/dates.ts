/**
 * Resolves the date words a news sentence uses ("on Saturday", "early Saturday", "overnight",
 * "yesterday", "late last month", "4 December") against the article's publication time, in the
 * time zone of the place the event happened. Pure: no clock, no database.
 */
import type { Precision } from '../../types';
import { calendarDay, type CalendarDay } from '../../time/wall-clock';
import {
	addDays,
	daysInMonth,
	isCalendarDay,
	nextDayStart,
	startOfDay,
	weekday as dayOfWeek
} from '../../time/zoned';

export interface ResolvedDate {
	/** Day/month precision: that day's (month's) first instant in `timeZone` (not always midnight). */
	start: Date;
	/** Only for 'approximate': the end of the window. */
	end?: Date;
	precision: Precision;
	timeZone: string;
	/** The words in the sentence that gave the date, as written. */
	phrase: string;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];
const MONTH = MONTHS.join('|');
const WEEKDAY = WEEKDAYS.join('|');

type Civil = CalendarDay;

/** The calendar day an instant falls on in a zone. */
export const civilDay = calendarDay;

/** The start of a calendar day in a zone (its first instant, which is not always midnight). */
export const zonedMidnight = startOfDay;

const shift = addDays;

function dayResult(day: Civil, timeZone: string, phrase: string): ResolvedDate {
	return { start: startOfDay(day, timeZone), precision: 'day', timeZone, phrase };
}

/** From the start of `from` to the last second of `to`, at the place. */
function windowResult(from: Civil, to: Civil, timeZone: string, phrase: string): ResolvedDate {
	const toStart = startOfDay(to, timeZone);
	const end = new Date(nextDayStart(toStart, timeZone).getTime() - 1000);
	return { start: startOfDay(from, timeZone), end, precision: 'approximate', timeZone, phrase };
}

/** An explicit calendar date: "4 December", "December 4, 2025", "2025-12-04". */
function explicitDate(text: string, today: Civil): { day: Civil; phrase: string } | undefined {
	const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
	if (iso) {
		const day = { year: +iso[1]!, month: +iso[2]!, day: +iso[3]! };
		// "2025-02-30" is a typo, not a date: better no date than the wrong one.
		return isCalendarDay(day) ? { day, phrase: iso[0] } : undefined;
	}
	const dm = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (${MONTH})(?:,? (\\d{4}))?\\b`, 'i').exec(
		text
	);
	const md = new RegExp(`\\b(${MONTH}) (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'i').exec(
		text
	);
	const match = dm ?? md;
	if (!match) return undefined;
	const [dayText, monthText, yearText] = dm ? [dm[1], dm[2], dm[3]] : [md![2], md![1], md![3]];
	const month = MONTHS.indexOf(monthText!.toLowerCase()) + 1;
	// Without a year, the most recent such date on or before publication (news reports the past).
	let year = yearText ? Number(yearText) : today.year;
	if (!yearText && (month > today.month || (month === today.month && +dayText! > today.day + 1)))
		year -= 1;
	const day = { year, month, day: Number(dayText) };
	return isCalendarDay(day) ? { day, phrase: match[0] } : undefined;
}

/**
 * The date a sentence gives, resolved against `publishedAt` in `timeZone`, or undefined when it
 * names none. Weekdays mean the latest such day on or before publication; "overnight" and
 * "third straight day" mean the publication day; "late last month" is an approximate window.
 */
export function resolveDate(
	sentence: string,
	publishedAt: Date,
	timeZone = 'UTC'
): ResolvedDate | undefined {
	const today = civilDay(publishedAt, timeZone);
	const explicit = explicitDate(sentence, today);
	if (explicit) return dayResult(explicit.day, timeZone, explicit.phrase);

	const weekday = new RegExp(
		`\\b(?:(?:on|early|late|early on|late on|last|this) )?(${WEEKDAY})(?: (?:morning|afternoon|evening|night))?\\b`,
		'i'
	).exec(sentence);
	if (weekday) {
		const target = WEEKDAYS.indexOf(weekday[1]!.toLowerCase());
		const back = (dayOfWeek(today) - target + 7) % 7;
		return dayResult(shift(today, -back), timeZone, weekday[0]);
	}

	const relative: [RegExp, number][] = [
		[/\b(?:yesterday|last night)\b/i, -1],
		[/\bthe day before yesterday\b/i, -2],
		[
			/\b(?:today|overnight|this morning|tonight|earlier today|(?:second|third|fourth|fifth) (?:straight|consecutive) day)\b/i,
			0
		]
	];
	const before = /\bthe day before yesterday\b/i.exec(sentence);
	if (before) return dayResult(shift(today, -2), timeZone, before[0]);
	for (const [pattern, days] of relative) {
		const match = pattern.exec(sentence);
		if (match) return dayResult(shift(today, days), timeZone, match[0]);
	}

	const part =
		/\b(early|mid|late)[- ](?:last month|(?:in )?(january|february|march|april|may|june|july|august|september|october|november|december))\b/i.exec(
			sentence
		);
	const lastMonth = /\blast month\b/i.exec(sentence);
	if (part || lastMonth) {
		let year = today.year;
		let month = today.month - 1;
		if (part?.[2]) {
			month = MONTHS.indexOf(part[2].toLowerCase()) + 1;
			if (month > today.month) year -= 1;
		} else if (month === 0) {
			month = 12;
			year -= 1;
		}
		const last = daysInMonth(year, month);
		const range: Record<string, [number, number]> = {
			early: [1, 10],
			mid: [11, 20],
			late: [20, last]
		};
		const [from, to] = part ? range[part[1]!.toLowerCase()]! : [1, last];
		const phrase = part?.[0] ?? lastMonth![0];
		return windowResult({ year, month, day: from }, { year, month, day: to }, timeZone, phrase);
	}

	const lastWeek = /\blast week\b/i.exec(sentence);
	if (lastWeek) return windowResult(shift(today, -13), shift(today, -7), timeZone, lastWeek[0]);
	const recently = /\b(?:recently|in recent weeks)\b/i.exec(sentence);
	if (recently) return windowResult(shift(today, -60), today, timeZone, recently[0]);
	return undefined;
}
