/**
 * TimelineJS date objects ({year, month, day, hour, minute, second, millisecond, display_date})
 * to instants with a precision, and back. TimelineJS dates carry no zone; imports read them as
 * UTC. https://timeline.knightlab.com/docs/json-format.html#json-date
 */
import type { Precision } from '$lib/types';

export interface DateParts {
	year: number;
	month?: number;
	day?: number;
	hour?: number;
	minute?: number;
	second?: number;
}

/** The oldest and newest years we store: PostgreSQL's timestamptz and our CHECK hold these. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** A date part as TimelineJS writes it: a number, a numeric string, or "" for absent. */
function part(value: unknown, name: string, errors: string[]): number | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	if (text === '') return undefined;
	if (!/^[+-]?\d+$/.test(text)) {
		errors.push(`${name} "${text.slice(0, 20)}" is not a whole number`);
		return undefined;
	}
	return Number(text);
}

const RANGES: [keyof DateParts, number, number][] = [
	['month', 1, 12],
	['day', 1, 31],
	['hour', 0, 23],
	['minute', 0, 59],
	['second', 0, 59]
];

/** Reads a TimelineJS date object; `errors` gets a message for each part that cannot be a date. */
export function readDateParts(raw: unknown, errors: string[]): DateParts | undefined {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		errors.push('the date is not an object with a year');
		return undefined;
	}
	const record = raw as Record<string, unknown>;
	const before = errors.length;
	const year = part(record.year, 'year', errors);
	if (year === undefined) {
		if (errors.length === before) errors.push('the date has no year');
		return undefined;
	}
	if (year < MIN_YEAR || year > MAX_YEAR) {
		errors.push(
			`year ${year} is outside 1–9999: dates before the Common Era and cosmological or far-future ` +
				`years cannot be stored (PostgreSQL timestamps cannot hold them)`
		);
		return undefined;
	}
	const parts: DateParts = { year };
	for (const [name, min, max] of RANGES) {
		const value = part(record[name], name, errors);
		if (value === undefined) continue;
		if (value < min || value > max)
			errors.push(`${name} ${value} is not between ${min} and ${max}`);
		else parts[name] = value;
	}
	// A finer part without the coarser one ("day" without "month") cannot be placed.
	const order: (keyof DateParts)[] = ['month', 'day', 'hour', 'minute'];
	for (let i = 1; i < order.length; i++) {
		const name = order[i] as keyof DateParts;
		const coarser = order[i - 1] as keyof DateParts;
		if (parts[name] !== undefined && parts[coarser] === undefined) {
			errors.push(`the date has a ${name} but no ${coarser}`);
			return undefined;
		}
	}
	if (parts.month && parts.day && parts.day > daysInMonth(parts.year, parts.month))
		errors.push(`${parts.year}-${parts.month} has no day ${parts.day}`);
	return errors.length === before ? parts : undefined;
}

function daysInMonth(year: number, month: number): number {
	return new Date(utc(year, month + 1, 1).getTime() - 86_400_000).getUTCDate();
}

/** Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not. */
function utc(year: number, month = 1, day = 1, hour = 0, minute = 0, second = 0): Date {
	const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
	date.setUTCFullYear(year, month - 1, day);
	return date;
}

/** How precisely the parts place the moment: by the finest part given. A year alone is approximate. */
export function precisionOf(parts: DateParts): Precision {
	if (parts.minute !== undefined) return 'minute';
	if (parts.hour !== undefined) return 'hour';
	if (parts.day !== undefined) return 'day';
	if (parts.month !== undefined) return 'month';
	return 'approximate';
}

/** The first instant the parts can mean (UTC). */
export function startOf(parts: DateParts): Date {
	return utc(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
}

/** The last instant the parts can mean (UTC): the end of that year, month, day, hour or minute. */
export function endOf(parts: DateParts): Date {
	const next =
		parts.minute !== undefined
			? utc(parts.year, parts.month, parts.day, parts.hour, parts.minute + 1)
			: parts.hour !== undefined
				? utc(parts.year, parts.month, parts.day, parts.hour + 1)
				: parts.day !== undefined
					? utc(parts.year, parts.month, parts.day + 1)
					: parts.month !== undefined
						? utc(parts.year, parts.month + 1, 1)
						: utc(parts.year + 1, 1, 1);
	return new Date(next.getTime() - 1);
}
