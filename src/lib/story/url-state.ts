/**
 * The story page's state as it lives in the URL: the selected event, the "as of" date, the
 * timeline window, the list's filters and order. Parsing never throws: a bad value falls back to
 * the default, and an unreadable "as of" date is kept aside so the page can say it was ignored.
 */
import {
	EVENT_KINDS,
	VERIFICATIONS,
	type EventKind,
	type StoryStatus,
	type Verification
} from '$lib/types';
import { requestedLang } from './reader-locale';

export type ListOrder = 'oldest' | 'newest';

/**
 * A story's own order when the reader has not chosen one: newest first while it develops (as a
 * live blog reads), oldest first once it has concluded (as a history reads).
 */
export function storyOrder(status: StoryStatus): ListOrder {
	return status === 'developing' ? 'newest' : 'oldest';
}

export interface StoryUrlState {
	event: number | null;
	/** A valid calendar date, YYYY-MM-DD. */
	asof: string | null;
	/** The raw "as of" value when it was given but is not a date. */
	asofInvalid: string | null;
	/** The reader's choice; null follows the story's own order (storyOrder). */
	order: ListOrder | null;
	/** Empty means every kind. */
	kinds: EventKind[];
	/** Empty means every verification. */
	verifications: Verification[];
	from: Date | null;
	to: Date | null;
	/** The chronology's page (1-based) when a story has more events than one page holds. */
	page: number;
	/** The coverage list: the latest articles, or every one (a long story's list is cut). */
	articles: 'latest' | 'all';
	/** The interface language the reader chose with `?lang=` (reader-locale.ts), kept by every link. */
	lang: string | null;
}

export const DEFAULT_STATE: StoryUrlState = {
	event: null,
	asof: null,
	asofInvalid: null,
	order: null,
	kinds: [],
	verifications: [],
	from: null,
	to: null,
	page: 1,
	articles: 'latest',
	lang: null
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written YYYY-MM-DD (no 2025-02-30). */
export function isIsoDate(value: string): boolean {
	const match = DAY.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		year >= 1000 &&
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day
	);
}

/** The first instant after the "as of" day (UTC): what was known by the end of that date. */
export function asofCutoff(asof: string): Date {
	return new Date(Date.parse(`${asof}T00:00:00Z`) + 86_400_000);
}

function parseInstant(value: string | null): Date | null {
	if (!value) return null;
	if (isIsoDate(value)) return new Date(`${value}T00:00:00Z`);
	if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.test(value)) return null;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
}

function oneOf<T extends string>(allowed: readonly T[], values: string[]): T[] {
	return allowed.filter((value) => values.includes(value));
}

/**
 * The "as of" date alone (reading no other parameter, so SvelteKit reruns a load that uses it
 * only when it changes): a valid YYYY-MM-DD, and a value given that is not one, kept aside.
 */
export function parseAsof(params: URLSearchParams): Pick<StoryUrlState, 'asof' | 'asofInvalid'> {
	const raw = params.get('asof')?.trim() || null;
	const asof = raw && isIsoDate(raw) ? raw : null;
	return { asof, asofInvalid: raw && !asof ? raw : null };
}

export function parseStoryUrl(params: URLSearchParams): StoryUrlState {
	const eventRaw = params.get('event');
	const event = eventRaw && /^[1-9]\d{0,9}$/.test(eventRaw) ? Number(eventRaw) : null;
	let from = parseInstant(params.get('from'));
	let to = parseInstant(params.get('to'));
	if (!from || !to || from >= to) from = to = null;
	const pageRaw = params.get('page');
	const page = pageRaw && /^[1-9]\d{0,5}$/.test(pageRaw) ? Number(pageRaw) : 1;
	return {
		event: event !== null && Number.isSafeInteger(event) ? event : null,
		...parseAsof(params),
		order: oneOf(['oldest', 'newest'] as const, params.getAll('order'))[0] ?? null,
		kinds: oneOf(EVENT_KINDS, params.getAll('kind')),
		verifications: oneOf(VERIFICATIONS, params.getAll('verification')),
		from,
		to,
		page,
		articles: params.get('articles') === 'all' ? 'all' : 'latest',
		lang: requestedLang(params)
	};
}

/**
 * The query string ("?…", or "" for the defaults) for a state; `changes` override it, so
 * `storySearch(state, { event: 12 })` is the permalink of event 12 with the reader's filters.
 */
export function storySearch(state: StoryUrlState, changes: Partial<StoryUrlState> = {}): string {
	const next = { ...state, ...changes };
	const params = new URLSearchParams();
	if (next.asof) params.set('asof', next.asof);
	if (next.order) params.set('order', next.order);
	for (const kind of next.kinds) params.append('kind', kind);
	for (const verification of next.verifications) params.append('verification', verification);
	if (next.from && next.to) {
		params.set('from', next.from.toISOString());
		params.set('to', next.to.toISOString());
	}
	if (next.page > 1) params.set('page', String(next.page));
	if (next.articles === 'all') params.set('articles', 'all');
	if (next.event !== null) params.set('event', String(next.event));
	if (next.lang) params.set('lang', next.lang);
	const search = params.toString();
	return search ? `?${search}` : '';
}

/** The canonical query: only the selected event survives (filters and windows are the reader's). */
export function canonicalSearch(state: StoryUrlState): string {
	return state.event !== null ? `?event=${state.event}` : '';
}

/**
 * The events the list and timeline show: filtered by kind and verification, in the reader's
 * order, else `fallback` (the story's own, storyOrder). `events` come oldest first.
 */
export function selectEvents<T extends { kind: EventKind; verification: Verification }>(
	events: readonly T[],
	state: Pick<StoryUrlState, 'kinds' | 'verifications' | 'order'>,
	fallback: ListOrder = 'oldest'
): T[] {
	const shown = events.filter(
		(event) =>
			(state.kinds.length === 0 || state.kinds.includes(event.kind)) &&
			(state.verifications.length === 0 || state.verifications.includes(event.verification))
	);
	return (state.order ?? fallback) === 'newest' ? shown.reverse() : shown;
}

/**
 * Events per page of the chronology: a long story's list is paged so the page stays quick (each
 * entry carries its sources and quotes, and each is parsed, laid out and hydrated on load).
 */
export const PAGE_SIZE = 25;

export interface ListPage<T> {
	events: T[];
	page: number;
	pages: number;
	/** 1-based position of the page's first event among those shown. */
	first: number;
}

/**
 * The page of the chronology to show: the one holding the selected event when there is one (so a
 * permalink always lands on its entry), else the requested page, clamped to the last.
 */
export function listPage<T extends { id: number }>(
	shown: readonly T[],
	state: Pick<StoryUrlState, 'page' | 'event'>,
	size = PAGE_SIZE
): ListPage<T> {
	const pages = Math.max(1, Math.ceil(shown.length / size));
	const selectedAt = state.event === null ? -1 : shown.findIndex((e) => e.id === state.event);
	const page = selectedAt >= 0 ? Math.floor(selectedAt / size) + 1 : Math.min(state.page, pages);
	const start = (page - 1) * size;
	return { events: shown.slice(start, start + size), page, pages, first: start + 1 };
}
