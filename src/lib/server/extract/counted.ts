/**
 * Events counted from the day a clause names: "…said on Wednesday that he would not become prime
 * minister, almost four months after his party won the most seats". The event named after the
 * count lies that long before (or after) the clause's day: counted in days, on that day; in weeks
 * or months, in a window around it, as such counts are rough ("almost four months").
 */
import { COUNT, NUMBER_WORDS, type ResolvedDate } from './dates';
import { kindOf } from './kinds';
import { calendarDay } from '../../time/wall-clock';
import { addDays, nextDayStart, shiftInZone, startOfDay } from '../../time/zoned';

const COUNTED = new RegExp(
	`\\b(?:(?:almost|nearly|about|around|some|just|barely|more than|less than|over|under)\\s+)?(${COUNT}) (day|week|month|year)s? (after|before) ((?:[^;.]|\\.(?=\\s\\d)){8,160})`,
	'i'
);
/** Half the unit, in days: how far a rough count may be off either way. */
const SLACK = { week: 3, month: 15 } as const;

/**
 * The counted event's words: up to a comma, or past one aside when those name no event ("a day
 * after President Vladimir Putin, wearing camouflage fatigues, visited a command post"), never
 * into the next clause ("38 days after he took the job, and replaced him…").
 */
function countedWords(rest: string): string {
	const [short, aside, after] = rest.split(',');
	if (kindOf(short!) || aside === undefined || after === undefined) return short!;
	if (/^\s*(?:and|but|or|as|while|which|who|when|where|after|before|since|then)\b/.test(aside))
		return short!;
	return `${short},${aside},${after}`;
}

/** A verb in the past tense: the words tell an event rather than name one. */
const TOLD =
	/\b(?:\p{L}+ed|fled|won|met|hit|struck|took|fell|left|began|came|made|shot|held|sent|gave|went|broke|ran|drove|sank|blew|stole|overthrew)\b/iu;

export interface Counted {
	/** Where the count begins in the clause. */
	index: number;
	/** "almost four months after his party won the most seats", as written. */
	phrase: string;
	/** The words that tell the counted event: "his party won the most seats". */
	words: string;
	date: ResolvedDate;
}

/** The count in a clause: where it starts, its words as written, and the counted event's. */
function countIn(clause: string) {
	const match = COUNTED.exec(clause);
	if (!match) return undefined;
	const rest = match[4]!;
	const words = countedWords(rest);
	const phrase = match[0].slice(0, match[0].length - rest.length + words.length);
	return { match, index: match.index, phrase, words };
}

/** The event the clause counts from its own day (`main`, a day), if any. */
export function countedFrom(clause: string, main: ResolvedDate): Counted | undefined {
	const found = countIn(clause);
	if (!found || main.precision !== 'day') return undefined;
	const { index, phrase, words } = found;
	const [, count, unit, direction] = found.match as unknown as [
		string,
		string,
		'day' | 'week' | 'month' | 'year',
		string
	];
	// "less than a year after it took office": a year either way tells the editor nothing.
	if (unit === 'year') return undefined;
	// "two days after the summit" names a known event; "a day after the police killed 19
	// protesters" tells one, with its verb.
	if (/^the\b/i.test(words) && !TOLD.test(words)) return undefined;
	const lower = count.toLowerCase();
	const n = /^an?$/.test(lower)
		? 1
		: /^\d/.test(lower)
			? Number(lower)
			: NUMBER_WORDS.indexOf(lower) + 1;
	// "after X" counts back from the clause's day to X; "before X" forward to it.
	const sign = /after/i.test(direction) ? -1 : 1;
	const zone = main.timeZone;
	const day = calendarDay(main.start, zone);
	if (unit === 'day') {
		const start = startOfDay(addDays(day, sign * n), zone);
		return { index, phrase, words, date: { start, precision: 'day', timeZone: zone, phrase } };
	}
	const centre =
		unit === 'week'
			? addDays(day, sign * 7 * n)
			: calendarDay(shiftInZone(main.start, zone, 'month', sign * n), zone);
	const from = startOfDay(addDays(centre, -SLACK[unit]), zone);
	const last = startOfDay(addDays(centre, SLACK[unit]), zone);
	const end = new Date(nextDayStart(last, zone).getTime() - 1000);
	const date = { start: from, end, precision: 'approximate' as const, timeZone: zone, phrase };
	return { index, phrase, words, date };
}

/**
 * The clause without its count ("…, almost four months after his party won the most seats"): the
 * counted event is proposed on its own day, so it must not decide the kind of the clause's own.
 */
export function withoutCount(clause: string): string {
	const found = countIn(clause);
	// "a day after disconnecting from the grid", cut from its sentence: the count is the clause.
	if (!found || !/\p{L}/u.test(clause.slice(0, found.index))) return clause;
	const before = clause.slice(0, found.index).replace(/[\s,;]+$/, '');
	return `${before}${clause.slice(found.index + found.phrase.length)}`;
}
