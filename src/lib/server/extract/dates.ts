/**
 * Resolves the date words a news sentence uses ("on Saturday", "early Saturday", "overnight",
 * "yesterday", "late last month", "4 December") against the article's publication time, in the
 * time zone of the place the event happened. Pure: no clock, no database.
 */
import * as chrono from 'chrono-node';
import type { Precision } from '../../types';
import { calendarDay, offsetSeconds, type CalendarDay } from '../../time/wall-clock';
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
/** Full names and the wire's abbreviations: "Jan.", "Sept.", "Dec" (a pattern, read with `i`). */
export const MONTH =
	'jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sept?(?:ember|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?';
const monthNumber = (name: string) =>
	MONTHS.findIndex((m) => m.startsWith(name.slice(0, 3).toLowerCase())) + 1;
/**
 * A month named without a day: "in December", "last April", "in June last year". The month is
 * capitalised, so "in may" (a verb) is no month.
 */
const MONTH_ONLY = new RegExp(
	`\\b(?:[Ii]n|of|[Ll]ast|[Dd]uring)\\s+(?:(last|next)\\s+)?(${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})(?:\\s+(last|this|next)\\s+year)?\\b(?!\\s+\\d)`,
	'g'
);

/** Every month a text names without a day, with where it stands. */
export const monthPhrases = (text: string) =>
	[...text.matchAll(MONTH_ONLY)].map((m) => ({ index: m.index, phrase: m[0] }));

/** Whether a resolved date's phrase is a month without a day. */
export const monthOnly = (phrase: string) => new RegExp(`^${MONTH_ONLY.source}$`).test(phrase);

/** Words that put the sentence's date ahead of publication: "will meet on Thursday". */
const FUTURE =
	/\b(?:will|would|is due|are due|due to|to take effect|is set to|are set to|scheduled|expected to|plans? to|(?:wants?|intends?|aims?|hopes?) to|next(?! to\b)|(?:planned|scheduled|due|expected|set) (?:for|on)|(?:set|fixed|called|scheduled) (?:the |a |an )?(?:new |snap |early )?(?:election|vote|poll|referendum|date) for|(?:elections?|votes?|polls?|referendum|run-?off|summit|hearing|deadline) for)\b/i;
/** The weekdays' names (a pattern, read with `i`). */
export const WEEKDAY = WEEKDAYS.join('|');
/** Numbers as news counts them in words, from one: NUMBER_WORDS[n - 1] is n. */
export const NUMBER_WORDS = [
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve'
];
/** A count of days, weeks or months: "a", "four", "38" (a pattern, read with `i`). */
export const COUNT = `an?|${NUMBER_WORDS.join('|')}|\\d{1,3}`;
/** Words that tell of the past: "took hold on Jan. 1" written in December is this year's. */
const PAST =
	/\b(?:was|were|had|did|took|met|began|held|signed|said|told|won|lost|left|fled|went|came|gave|made|spoke|struck|hit|shot|fell|rose|sent|broke|led|swore|\w{3,}ed)\b/i;

type Civil = CalendarDay;

/** Every calendar date a text names ("27 February", "Aug. 6"), with where it stands. */
export function datePhrases(text: string): { index: number; phrase: string }[] {
	const pattern = new RegExp(
		`\\b(?:\\d{1,2}(?:st|nd|rd|th)? (?:${MONTH})|(?:${MONTH}) \\d{1,2}(?:st|nd|rd|th)?)(?:,? \\d{4})?\\b`,
		'gi'
	);
	return [...text.matchAll(pattern)].map((m) => ({ index: m.index, phrase: m[0] }));
}

/** Whether the words around a date (at `index`, `length` long) look ahead to it. */
type Tense = (index: number, length: number) => boolean;

/**
 * The tense of the words next to a date, else of the sentence: "Putin, who on Aug. 7 called the
 * incursion a provocation, said he would…" tells of a past Aug. 7 although the sentence looks
 * ahead; "The talks, which opened on 25 October and had been due to end…" likewise.
 */
function tenseAround(sentence: string, sentenceAhead: boolean): Tense {
	return (index, length) => {
		// "will be buried … on Monday": a participle after "be" is no past tense.
		const near = (from: number, to: number) =>
			sentence
				.slice(Math.max(0, from), to)
				.replace(/[“"][^”"]*[”"]/g, '')
				.replace(/\bbe\s+(?:\w+ly\s+)?\w+(?:ed|en)\b/gi, 'be');
		const before = near(index - 40, index);
		// "Late Sunday, the White House said…": a date opening the sentence takes the tense of
		// the clause it opens.
		const opening = /^\W*(?:(?:on|early|late|by|last)\s+)*$/i.test(sentence.slice(0, index));
		const after = near(index + length, index + length + (opening ? 60 : 25));
		const window = `${before.split(/[,;]/).at(-1)} ${opening ? after : after.split(/[,;]/)[0]}`;
		if (opening) {
			// Its clause's first verb decides: "Late Sunday, the White House said it would…".
			const past = PAST.exec(after)?.index ?? Infinity;
			const ahead = FUTURE.exec(after)?.index ?? Infinity;
			if (past !== ahead) return ahead < past;
		}
		const lead = before.split(/[,;]/).at(-1)!;
		// "…and fixed the new election for 23 February": the plan is nearest the date.
		if (FUTURE.test(lead)) return true;
		if (PAST.test(lead)) return false;
		if (FUTURE.test(window) || /\b(?:is|are)\s+$/.test(before)) return true;
		if (PAST.test(window)) return false;
		return sentenceAhead;
	};
}

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
function explicitDate(
	text: string,
	today: Civil,
	looksAhead: Tense
): { day: Civil; phrase: string } | undefined {
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
	const month = monthNumber(monthText!);
	const future = looksAhead(match.index, match[0].length);
	// Without a year: the most recent such date (news reports the past), unless the sentence
	// looks ahead ("will take effect on Jan. 19") or the date is within a month ahead, which no
	// reporter means as last year's.
	let year = yearText ? Number(yearText) : today.year;
	if (!yearText) {
		// Calendar days counted from an epoch: only to compare dates, no zone involved.
		const count = (y: number) => Date.UTC(y, month - 1, Number(dayText)) / 86_400_000;
		const now = Date.UTC(today.year, today.month - 1, today.day) / 86_400_000;
		const candidates = [today.year - 1, today.year, today.year + 1];
		const past = candidates.filter((y) => count(y) <= now + 1).at(-1)!;
		const next = candidates.find((y) => count(y) > now + 1)!;
		// A plan is on or after the day it is written about ("will meet on 2 January" on 1 January).
		const planned = candidates.find((y) => count(y) >= now)!;
		const told = PAST.test(text.replace(/[“"][^”"]*[”"]/g, ''));
		year = future ? planned : count(next) - now <= 31 && !told ? next : past;
		// "Wednesday, 27 September": the year in which that date is that weekday, if one is near.
		const named = new RegExp(`\\b(${WEEKDAY}),? (?:the )?$`, 'i').exec(
			text.slice(Math.max(0, match.index - 14), match.index)
		);
		const weekday = named ? WEEKDAYS.indexOf(named[1]!.toLowerCase()) : -1;
		const fits = candidates.filter(
			(y) =>
				Math.abs(count(y) - now) <= 62 && new Date(count(y) * 86_400_000).getUTCDay() === weekday
		);
		if (weekday >= 0 && fits.length === 1) year = fits[0]!;
	}
	const day = { year, month, day: Number(dayText) };
	return isCalendarDay(day) ? { day, phrase: match[0] } : undefined;
}

/** "4 to 6 December", "June 9-10", "from Friday to Sunday": a window of whole days. */
function dayRange(
	text: string,
	today: Civil,
	looksAhead: Tense
): { from: Civil; to: Civil; phrase: string } | undefined {
	const dm = new RegExp(
		`\\b(\\d{1,2})(?:–|-| to | and )(\\d{1,2}) (${MONTH})(?:,? (\\d{4}))?`,
		'i'
	).exec(text);
	const md = new RegExp(
		`\\b(${MONTH}) (\\d{1,2})(?:–|-| to | and )(\\d{1,2})(?:,? (\\d{4}))?`,
		'i'
	).exec(text);
	if (dm || md) {
		const [a, b, name, y] = dm ? [dm[1], dm[2], dm[3], dm[4]] : [md![2], md![3], md![1], md![4]];
		const month = monthNumber(name!);
		let year = y ? Number(y) : today.year;
		const match = (dm ?? md)!;
		// "The next meeting is Nov. 6-7" written in September is this year's; "met on 4 to 6
		// December" written in January, last year's.
		const ahead = looksAhead(match.index, match[0].length);
		if (!y && !ahead && month > today.month) year -= 1;
		if (!y && ahead && month < today.month) year += 1;
		const from = { year, month, day: Number(a) };
		const to = { year, month, day: Number(b) };
		if (isCalendarDay(from) && isCalendarDay(to) && from.day < to.day)
			return { from, to, phrase: (dm ?? md)![0] };
	}
	// "from Friday to Sunday", "on Friday and Saturday" (two days running, told as one event).
	const days =
		new RegExp(`\\bfrom (${WEEKDAY}) (?:to|until|through) (${WEEKDAY})\\b`, 'i').exec(text) ??
		new RegExp(`\\bon (${WEEKDAY}) and (${WEEKDAY})\\b`, 'i').exec(text);
	if (days) {
		const back = (name: string) =>
			(dayOfWeek(today) - WEEKDAYS.indexOf(name.toLowerCase()) + 7) % 7;
		const length =
			(WEEKDAYS.indexOf(days[2]!.toLowerCase()) - WEEKDAYS.indexOf(days[1]!.toLowerCase()) + 7) % 7;
		// "are due to meet from Wednesday to Friday": the coming days, from the next Wednesday.
		if (looksAhead(days.index, days[0].length)) {
			const ahead = (WEEKDAYS.indexOf(days[1]!.toLowerCase()) - dayOfWeek(today) + 7) % 7;
			const from = shift(today, ahead);
			return { from, to: shift(from, length), phrase: days[0] };
		}
		const to = shift(today, -back(days[2]!));
		return { from: shift(to, -length), to, phrase: days[0] };
	}
	return undefined;
}

/** "has been detained since 26 July", "had been held since Wednesday": a state and its start. */
const SINCE_STATE = new RegExp(
	`\\b(?:has|have|had) been (?:\\p{L}+ ){0,2}since (?:(?:\\d{1,2} )?(?:${MONTH})(?: \\d{1,2})?(?:,? \\d{4})?|${WEEKDAY}|\\d{4})\\b`,
	'giu'
);

/** "the Jan. 9 takeover", "the 24 February invasion": a date that names an event by its day. */
const ATTRIBUTIVE = new RegExp(
	`(?<=\\bthe )(?:(?:${MONTH}) \\d{1,2}|\\d{1,2} (?:${MONTH}))(?:,? \\d{4})?(?= )`,
	'giu'
);

/**
 * The date a sentence gives, resolved against `publishedAt` in `timeZone`, or undefined when it
 * names none. Weekdays mean the latest such day on or before publication; "overnight" and
 * "third straight day" mean the publication day; "late last month" is an approximate window.
 */
export function resolveDate(
	sentence: string,
	publishedAt: Date,
	timeZone = 'UTC',
	/** The tense of the sentence a fragment was cut from, when words near the date give none. */
	within?: string
): ResolvedDate | undefined {
	const today = civilDay(publishedAt, timeZone);
	// Quoted words are someone's speech, not the sentence's tense (“hell will rain down”).
	const future = FUTURE.test((within ?? sentence).replace(/[“"][^”"]*[”"]/g, ''));
	const tense = tenseAround(sentence, future);
	const span = dayRange(sentence, today, tense);
	if (span) return windowResult(span.from, span.to, timeZone, span.phrase);
	// "said she will govern until July 2026", "stays in post until Friday": the end of a state, not
	// the day of an event. Blanked, not cut, so every offset into the sentence still holds.
	// Likewise "who has been detained since 26 July": a state that began then, not the event.
	sentence = sentence
		.replace(/\b(?:until|till)(?:\s+[^\s,;]+){1,3}/gi, (m) => ' '.repeat(m.length))
		.replace(SINCE_STATE, (m) => ' '.repeat(m.length))
		// "the investigation into the Jan. 9 takeover": a date before a noun names that event.
		.replace(ATTRIBUTIVE, (m, at: number, whole: string) =>
			/\p{Ll}/u.test(whole.charAt(at + m.length + 1)) ? ' '.repeat(m.length) : m
		);
	const explicit = explicitDate(sentence, today, tense);
	const weekday = new RegExp(
		`\\b(?:(?:on|early|late|early on|late on|last|this) )?(${WEEKDAY})(?: (?:morning|afternoon|evening|night))?\\b`,
		'i'
	).exec(sentence);
	// The first date the sentence gives is its event's ("dissolved it on Friday and set the
	// election for 23 February"); "on Sunday, Jan. 19" names one day twice and the date wins.
	const weekdayFirst =
		weekday &&
		explicit &&
		weekday.index + weekday[0].length + 3 < sentence.indexOf(explicit.phrase);
	if (explicit && !weekdayFirst) return dayResult(explicit.day, timeZone, explicit.phrase);
	if (weekday) {
		const target = WEEKDAYS.indexOf(weekday[1]!.toLowerCase());
		// "…will not commit, its prime minister said on Thursday": the saying dates it.
		const saidThen = /\b(?:said|told|announced|wrote|confirmed|informed)\s+$/i.test(
			sentence.slice(0, weekday.index)
		);
		const ahead = tense(weekday.index, weekday[0].length);
		if (ahead && !saidThen && !/^last /i.test(weekday[0])) {
			// "will meet on Thursday": the next Thursday (today counts when it is that day).
			const ahead = (target - dayOfWeek(today) + 7) % 7;
			return dayResult(shift(today, ahead), timeZone, weekday[0]);
		}
		// "last Tuesday" written on a Tuesday is a week back, not today.
		const back = (dayOfWeek(today) - target + 7) % 7 || (/^last /i.test(weekday[0]) ? 7 : 0);
		return dayResult(shift(today, -back), timeZone, weekday[0]);
	}

	const relative: [RegExp, number][] = [
		[/\b(?:yesterday|last night)\b/i, -1],
		[/\bthe day before yesterday\b/i, -2],
		[
			/\b(?:today|overnight|this morning|tonight|earlier today|(?:earlier|later) (?:in the|that) day|(?:second|third|fourth|fifth) (?:straight|consecutive) day)\b/i,
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

	// "signed it last April", "a judgment in December", "in June last year": a month without a
	// day or year is the latest such month for the past (this one included, "last" excluded)
	// and the next for a plan.
	const named = new RegExp(MONTH_ONLY.source).exec(sentence);
	if (named) {
		const month = MONTHS.indexOf(named[2]!.toLowerCase()) + 1;
		const which =
			named[1]?.toLowerCase() ?? (/^last$/i.test(named[0].split(/\s+/)[0]!) ? 'last' : undefined);
		let year = today.year;
		if (named[3] === 'last') year -= 1;
		else if (named[3] === 'next') year += 1;
		else if (!named[3]) {
			const ahead = which === 'next' || (which !== 'last' && tense(named.index, named[0].length));
			if (ahead && month < today.month) year += 1;
			if (!ahead && (month > today.month || (which === 'last' && month === today.month))) year -= 1;
		}
		const last = { year, month, day: daysInMonth(year, month) };
		return windowResult({ year, month, day: 1 }, last, timeZone, named[0]);
	}

	const nextWeek = /\bnext week\b/i.exec(sentence);
	if (nextWeek) return windowResult(shift(today, 1), shift(today, 13), timeZone, nextWeek[0]);
	const lastWeek = /\blast week\b/i.exec(sentence);
	if (lastWeek) return windowResult(shift(today, -13), shift(today, -7), timeZone, lastWeek[0]);
	// "later this week", "earlier this month": the rest of the week or month either side of today.
	const thisWeek = /\b(earlier|later) this week\b/i.exec(sentence);
	if (thisWeek)
		return /later/i.test(thisWeek[1]!)
			? windowResult(shift(today, 1), shift(today, 6), timeZone, thisWeek[0])
			: windowResult(shift(today, -6), shift(today, -1), timeZone, thisWeek[0]);
	const thisMonth = /\b(earlier|later) this month\b/i.exec(sentence);
	if (thisMonth) {
		const first = { ...today, day: 1 };
		const last = { ...today, day: daysInMonth(today.year, today.month) };
		const later = /later/i.test(thisMonth[1]!);
		if (later ? today.day < last.day : today.day > 1)
			return later
				? windowResult(shift(today, 1), last, timeZone, thisMonth[0])
				: windowResult(first, shift(today, -1), timeZone, thisMonth[0]);
	}
	const recently = /\b(?:recently|in recent weeks)\b/i.exec(sentence);
	if (recently) return windowResult(shift(today, -60), today, timeZone, recently[0]);
	return chronoDate(sentence, publishedAt, timeZone, future);
}

/**
 * The fallback for what the rules above do not know ("two weeks ago", "three days ago",
 * "in two weeks", "12/01", "March 2024"): chrono-node's US English parser, with the publication
 * instant in the place's offset as its reference. Its en-GB parser is not used: it reads
 * "Sept. 30" as September 2030. A bare time ("at 9 p.m.") names no day and is ignored; "weeks ago"
 * and "a month ago" are rough, so they give a window, not a day.
 */
function chronoDate(
	sentence: string,
	publishedAt: Date,
	timeZone: string,
	future: boolean
): ResolvedDate | undefined {
	const reference = { instant: publishedAt, timezone: offsetSeconds(publishedAt, timeZone) / 60 };
	for (const result of chrono.en.parse(sentence, reference, { forwardDate: future })) {
		const { start, text } = result;
		// "a day after announcing", "almost four months after his party won", "six months later":
		// counted from another event, which the caller knows, not from the day of publication.
		if (
			new RegExp(
				`^(?:the|${COUNT}) (?:days?|weeks?|months?|years?) (?:after|before|later|earlier)\\b`,
				'i'
			).test(text)
		)
			continue;
		// "a truce of up to ten days", "within 60 days": a length of time, not a date.
		if (/\b(?:days?|weeks?|months?|years?)$/i.test(text) && !/^in\b/i.test(text)) continue;
		// "retook 24 settlements in five days": in the past tense, a length of time too.
		if (/^in\b.*\b(?:days?|weeks?|months?|years?)$/i.test(text) && !future) continue;
		const day = { year: start.get('year')!, month: start.get('month')!, day: start.get('day')! };
		if (/\b(?:weeks?|months?)\b/i.test(text) && /\b(?:ago|in)\b/i.test(text)) {
			const spread = /months?/i.test(text) ? 10 : 3;
			return windowResult(shift(day, -spread), shift(day, spread), timeZone, text);
		}
		if (start.isCertain('day') && isCalendarDay(day)) return dayResult(day, timeZone, text);
		if (start.isCertain('month') && start.isCertain('year')) {
			const { year, month } = day;
			const last = { year, month, day: daysInMonth(year, month) };
			return windowResult({ year, month, day: 1 }, last, timeZone, text);
		}
	}
	return undefined;
}
