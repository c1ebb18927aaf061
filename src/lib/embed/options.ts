/**
 * Embed options from the query string. Pure and forgiving: a value that does not parse falls
 * back to its default, so a typo in someone's snippet never turns the frame into an error page.
 */
import { EVENT_KINDS, type EventKind } from '../types';
import { inclusiveEnd, isoDay } from '../format/dates';

export const THEMES = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof THEMES)[number];
export type EmbedMode = 'timeline' | 'list';
export type EmbedOrder = 'newest' | 'oldest';

export interface EmbedOptions {
	theme: EmbedTheme;
	/** The frame's height in CSS pixels; null sizes it to the content. */
	height: number | null;
	/** Empty means every kind. */
	kinds: EventKind[];
	/** Window, ISO days (inclusive). */
	from: string | null;
	to: string | null;
	/** null follows the story: newest first while it is developing, else oldest first. */
	order: EmbedOrder | null;
	/** How many entries the list shows before a "Show all" link to the story page. */
	limit: number;
	mode: EmbedMode;
	/** '#rgb' or '#rrggbb' only: it ends up inside a style attribute. */
	accent: string | null;
	/** A BCP 47 tag Intl accepts; null takes the story's language (English when it has none). */
	lang: string | null;
	/** Pinned story revision; null follows the live story. */
	version: number | null;
}

export const DEFAULT_OPTIONS: EmbedOptions = {
	// Light unless asked: an embed sits inside someone else's (usually white) article, and the
	// reader's system preference says nothing about that page's colours.
	theme: 'light',
	height: null,
	kinds: [],
	from: null,
	to: null,
	order: null,
	limit: 10,
	mode: 'timeline',
	accent: null,
	lang: null,
	version: null
};

export const MIN_HEIGHT = 200;
export const MAX_HEIGHT = 4000;
export const MAX_LIMIT = 100;

const ACCENT = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
	return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** A real calendar day as YYYY-MM-DD ("2025-02-30" is not one). */
export function isIsoDay(value: string): boolean {
	const match = ISO_DAY.exec(value);
	if (!match) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function parseHeight(value: string | null): number | null {
	if (value === null || !/^\d{1,5}$/.test(value)) return null;
	const height = Number(value);
	return height >= MIN_HEIGHT && height <= MAX_HEIGHT ? height : null;
}

function parseOrder(value: string | null): EmbedOrder | null {
	return value === 'newest' || value === 'oldest' ? value : null;
}

function parseLimit(value: string | null): number {
	if (value === null || !/^\d{1,4}$/.test(value)) return DEFAULT_OPTIONS.limit;
	const limit = Number(value);
	return limit >= 1 && limit <= MAX_LIMIT ? limit : DEFAULT_OPTIONS.limit;
}

function parseLang(value: string | null): string | null {
	// 'und' (undetermined) is a valid tag but no language to write in.
	if (value === null || value.length > 35 || !LANG.test(value) || /^und\b/i.test(value))
		return null;
	try {
		return Intl.DateTimeFormat.supportedLocalesOf([value]).length > 0
			? Intl.getCanonicalLocales(value)[0]!
			: null;
	} catch {
		return null;
	}
}

function parseVersion(value: string | null): number | null {
	if (value === null || !/^\d{1,9}$/.test(value)) return null;
	const version = Number(value);
	return version >= 1 ? version : null;
}

/** Reads every option from the query string; unknown parameters are ignored. */
export function parseEmbedOptions(params: URLSearchParams): EmbedOptions {
	// "a,b" from a snippet, or kinds=a&kinds=b from a form's checkboxes.
	const kindList = params.getAll('kinds').flatMap((value) => value.split(',').map((k) => k.trim()));
	const kinds = EVENT_KINDS.filter((kind) => kindList.includes(kind));
	const day = (name: string) => {
		const value = params.get(name)?.trim() ?? '';
		return isIsoDay(value) ? value : null;
	};
	let from = day('from');
	let to = day('to');
	// A window given backwards is read the way it was meant.
	if (from && to && from > to) [from, to] = [to, from];
	const accent = params.get('accent')?.trim() ?? '';
	return {
		theme: pick(params.get('theme'), THEMES, DEFAULT_OPTIONS.theme),
		height: parseHeight(params.get('height')),
		kinds: kinds.length === EVENT_KINDS.length ? [] : kinds,
		from,
		to,
		order: parseOrder(params.get('order')),
		limit: parseLimit(params.get('limit')),
		mode: pick(params.get('mode'), ['timeline', 'list'] as const, DEFAULT_OPTIONS.mode),
		accent: ACCENT.test(accent) ? accent.toLowerCase() : null,
		lang: parseLang(params.get('lang')),
		version: parseVersion(params.get('version'))
	};
}

/**
 * The options as a query string holding only what differs from the defaults, in a fixed order:
 * the canonical form used in snippets and in the ETag. Starts with '?' unless empty.
 */
export function embedQuery(options: EmbedOptions): string {
	const params = new URLSearchParams();
	if (options.theme !== DEFAULT_OPTIONS.theme) params.set('theme', options.theme);
	if (options.height !== null) params.set('height', String(options.height));
	if (options.kinds.length > 0) params.set('kinds', options.kinds.join(','));
	if (options.from) params.set('from', options.from);
	if (options.to) params.set('to', options.to);
	if (options.order !== null) params.set('order', options.order);
	if (options.limit !== DEFAULT_OPTIONS.limit) params.set('limit', String(options.limit));
	if (options.mode !== DEFAULT_OPTIONS.mode) params.set('mode', options.mode);
	if (options.accent) params.set('accent', options.accent);
	if (options.lang !== null) params.set('lang', options.lang);
	if (options.version !== null) params.set('version', String(options.version));
	const query = params.toString();
	return query ? `?${query}` : '';
}

/**
 * Whether an event falls in the options' kinds and window. Days are the event's calendar days at
 * its place (a Tokyo event on 8 December is on the 8th, though it began on the 7th in UTC), and
 * an end at a day's start is exclusive, as everywhere else.
 */
export function matchesOptions(
	event: { kind: EventKind; occurredStart: Date; occurredEnd: Date | null; timeZone?: string },
	options: Pick<EmbedOptions, 'kinds' | 'from' | 'to'>
): boolean {
	if (options.kinds.length > 0 && !options.kinds.includes(event.kind)) return false;
	const zone = event.timeZone ?? 'UTC';
	const start = isoDay(event.occurredStart, zone);
	const last = event.occurredEnd
		? inclusiveEnd(event.occurredStart, event.occurredEnd, zone)
		: null;
	const end = last ? isoDay(last, zone) : start;
	if (options.from && end < options.from) return false;
	if (options.to && start > options.to) return false;
	return true;
}

/** The order an embed lists in: the one asked for, else the story's own (newest first live). */
export function effectiveOrder(
	options: Pick<EmbedOptions, 'order'>,
	story: { status: string }
): EmbedOrder {
	return options.order ?? (story.status === 'developing' ? 'newest' : 'oldest');
}

/**
 * The embed's language: the `lang` asked for, else the story's own (when it has a usable one),
 * else English.
 */
export function embedLanguage(
	options: Pick<EmbedOptions, 'lang'>,
	storyLanguage: string | null
): string {
	return options.lang ?? (storyLanguage ? parseLang(storyLanguage) : null) ?? 'en';
}
