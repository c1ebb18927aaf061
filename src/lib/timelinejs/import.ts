/**
 * Reads a TimelineJS3 timeline (its JSON, https://timeline.knightlab.com/docs/json-format.html,
 * or the Google Sheets template saved as CSV) into a story and its events, or says what is
 * wrong. Pure: nothing is fetched and nothing is stored. A slide's media with an http(s) address
 * becomes the event's media item (address, caption, credit; never fetched); embed HTML in its
 * place stays as text in the description. Keys TimelineJS does not document, or that we have no place for, are ignored.
 */
import sanitizeHtml from 'sanitize-html';
import type { EventKind, TimelineEvent } from '$lib/types';
import { httpUrl } from '$lib/schemas/event';
import { LIMITS } from '$lib/schemas/limits';
import { guessMediaKind } from '$lib/desk/event-input';
import { parseCsv } from './csv';
import { endOf, precisionOf, readDateParts, startOf } from './dates';

export interface ImportedStory {
	title: string;
	summary: string;
}

/** The media fields an import sets (the event form's, without the pixel size). */
export type ImportedMedia = Pick<
	TimelineEvent,
	'mediaKind' | 'mediaUrl' | 'mediaCaption' | 'mediaCredit' | 'mediaAlt'
>;

export type ImportedEvent = Pick<
	TimelineEvent,
	'kind' | 'title' | 'description' | 'occurredStart' | 'occurredEnd' | 'precision'
> &
	ImportedMedia & {
		/** The TimelineJS group as written, kept for reporting; the kind is what we store. */
		group: string | null;
	};

export type ImportResult =
	{ ok: true; story: ImportedStory; events: ImportedEvent[] } | { ok: false; errors: string[] };

export const MAX_EVENTS = 2000;
const MAX_TITLE = 300;
const MAX_DESCRIPTION = 20_000;

/** The tags an imported text may keep (TimelineJS renders HTML; we keep only plain structure). */
const ALLOWED: sanitizeHtml.IOptions = {
	allowedTags: ['a', 'em', 'strong', 'p', 'ul', 'ol', 'li', 'blockquote', 'br'],
	allowedAttributes: { a: ['href'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowProtocolRelative: false,
	nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'head']
};

/** Imported HTML reduced to the allowlist (scripts, handlers, iframes, images dropped). */
export function sanitiseImportedHtml(html: string): string {
	return sanitizeHtml(html, ALLOWED);
}

const decode = (text: string) =>
	text
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#0*39;|&#x0*27;/gi, "'")
		.replace(/&amp;/g, '&');

/**
 * Our descriptions are plain text (readers' pages escape them): the sanitised HTML's paragraphs
 * become blank lines, list items bullets, and each link "text (url)" so no link is lost.
 */
export function htmlToText(html: string): string {
	const clean = sanitiseImportedHtml(html)
		.replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/g, (_m, href: string, text: string) => {
			const label = text.replace(/<[^>]*>/g, '').trim();
			const url = decode(href);
			return label && decode(label) !== url ? `${label} (${href})` : href;
		})
		.replace(/<a>([\s\S]*?)<\/a>/g, '$1')
		.replace(/<br\s*\/?>/g, '\n')
		.replace(/<li>/g, '\n• ')
		.replace(/<\/(p|blockquote|ul|ol)>/g, '\n\n')
		.replace(/<[^>]*>/g, '');
	return decode(clean)
		.replace(/[ \t]+/g, ' ')
		.replace(/ *\n */g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** A single line of text (headlines, titles). */
export function lineText(html: string): string {
	return htmlToText(html).replace(/\s+/g, ' ').trim();
}

/** TimelineJS groups to our kinds, where the words match; anything else is "other". */
export function kindForGroup(group: string | null | undefined): EventKind {
	const word = (group ?? '').trim().toLowerCase();
	if (/^meetings?$/.test(word)) return 'meeting';
	if (/^statements?$/.test(word)) return 'statement';
	if (/^battlefield(s| events?)?$/.test(word)) return 'battlefield';
	if (/^(policy|policies)$/.test(word)) return 'policy';
	return 'other';
}

const clip = (text: string, max: number) =>
	text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** One slide as both formats hand it over. */
interface Slide {
	label: string;
	start: unknown;
	end: unknown;
	headline: string;
	text: string;
	media: { url: string; caption: string; credit: string; alt: string };
	group: string;
	displayDate: string;
}

const str = (value: unknown) =>
	typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const obj = (value: unknown): Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};

const NO_MEDIA: ImportedMedia = {
	mediaKind: null,
	mediaUrl: null,
	mediaCaption: null,
	mediaCredit: null,
	mediaAlt: null
};

/** A protocol-relative address (//host/path) is read as https. */
const mediaAddress = (raw: string) => httpUrl(raw.trim().replace(/^\/\//, 'https://'));

/**
 * The slide's media as the event's media item, when its address is http(s). An image must say
 * what it shows: TimelineJS's `alt`, else its caption, else the event's title.
 */
function mediaOf(media: Slide['media'], title: string): ImportedMedia {
	const url = mediaAddress(media.url);
	if (!url || url.length > LIMITS.url) return NO_MEDIA;
	const caption = clip(lineText(media.caption), LIMITS.mediaCaption) || null;
	const credit = clip(lineText(media.credit), LIMITS.mediaCredit) || null;
	const kind = guessMediaKind(url);
	const alt = clip(lineText(media.alt), LIMITS.mediaAlt) || null;
	// An image at an http address would be blocked on our pages: keep it as a link.
	const image = kind === 'image' && url.startsWith('https:');
	return {
		mediaKind: image ? 'image' : 'link',
		mediaUrl: url,
		mediaCaption: caption,
		mediaCredit: credit,
		mediaAlt: image ? (alt ?? caption ?? clip(title, LIMITS.mediaAlt)) : alt
	};
}

function mediaText(media: Slide['media']): string {
	const raw = media.url.trim();
	if (!raw || mediaAddress(raw)) return '';
	// The Media cell may hold embed HTML (a blockquote, an iframe) instead of a URL: keep its text.
	const url = /^(https?:)?\/\/|^\/[^<]*$/i.test(raw)
		? raw.replace(/^\/\//, 'https://')
		: htmlToText(raw);
	if (!url) return '';
	const caption = lineText(media.caption);
	const credit = lineText(media.credit);
	const about = [caption, credit && `credit: ${credit}`].filter(Boolean).join(', ');
	return `Media: ${url}${about ? ` (${about})` : ''}`;
}

function toEvent(slide: Slide, errors: string[]): ImportedEvent | undefined {
	const problems: string[] = [];
	const start = readDateParts(slide.start, problems);
	const endProblems: string[] = [];
	const hasEnd = Object.values(obj(slide.end)).some((v) => str(v).trim() !== '');
	const end = hasEnd ? readDateParts(slide.end, endProblems) : undefined;
	problems.push(...endProblems.map((p) => `end date: ${p}`));

	const text = htmlToText(slide.text);
	const headline =
		lineText(slide.headline) || clip(text.replace(/\s+/g, ' '), 80) || slide.displayDate.trim();
	const name = `${slide.label}${headline ? ` ("${clip(headline, 40)}")` : ''}`;
	if (!start || problems.length > 0) {
		errors.push(...problems.map((p) => `${name}: ${p}.`));
		return undefined;
	}
	const precision = precisionOf(start);
	const occurredStart = startOf(start);
	// An approximate (year-only) date is a window: to the end of the year, or of the end date.
	const occurredEnd = end
		? precision === 'approximate'
			? endOf(end)
			: startOf(end)
		: precision === 'approximate'
			? endOf(start)
			: null;
	if (occurredEnd && occurredEnd < occurredStart) {
		errors.push(`${name}: the end date is before the start date.`);
		return undefined;
	}
	const description = [text, mediaText(slide.media)].filter(Boolean).join('\n\n');
	const title = clip(headline || `Untitled event (${slide.label})`, MAX_TITLE);
	return {
		kind: kindForGroup(slide.group),
		title,
		description: clip(description, MAX_DESCRIPTION),
		occurredStart,
		occurredEnd,
		precision,
		...mediaOf(slide.media, title),
		group: slide.group.trim() || null
	};
}

function finish(story: ImportedStory, slides: Slide[], errors: string[]): ImportResult {
	if (slides.length === 0) errors.push('The timeline has no events.');
	if (slides.length > MAX_EVENTS)
		errors.push(`The timeline has ${slides.length} events; at most ${MAX_EVENTS} can be imported.`);
	const events = errors.length ? [] : slides.map((s) => toEvent(s, errors));
	if (errors.length) return { ok: false, errors };
	return { ok: true, story, events: events.filter((e): e is ImportedEvent => !!e) };
}

function storyFrom(headline: string, text: string): ImportedStory {
	const summary = htmlToText(text);
	const title =
		lineText(headline) || clip(summary.replace(/\s+/g, ' '), 120) || 'Imported timeline';
	return { title: clip(title, MAX_TITLE), summary: clip(summary, MAX_DESCRIPTION) };
}

/** A TimelineJS3 JSON document (as text or already parsed). */
export function importTimelineJson(input: string | unknown): ImportResult {
	let doc: unknown = input;
	if (typeof input === 'string') {
		try {
			doc = JSON.parse(input);
		} catch (err) {
			return { ok: false, errors: [`This is not JSON: ${(err as Error).message}`] };
		}
	}
	const root = obj(doc);
	if ('timeline' in root && !('events' in root))
		return {
			ok: false,
			errors: [
				'This is a TimelineJS2 file ({"timeline": {…}}), which is not supported: open it in ' +
					'TimelineJS3 (or its Google Sheets template) and export it again.'
			]
		};
	if (!Array.isArray(root.events))
		return { ok: false, errors: ['A TimelineJS3 file needs an "events" list.'] };

	const title = obj(root.title);
	const titleText = obj(title.text);
	const story = storyFrom(str(titleText.headline), str(titleText.text));
	const errors: string[] = [];
	const slides = (root.events as unknown[]).map((raw, i): Slide => {
		const event = obj(raw);
		const text = obj(event.text);
		const media = obj(event.media);
		return {
			label: `Event ${i + 1}`,
			start: event.start_date,
			end: event.end_date,
			headline: str(text.headline),
			text: str(text.text),
			media: {
				url: str(media.url),
				caption: str(media.caption),
				credit: str(media.credit),
				alt: str(media.alt)
			},
			group: str(event.group),
			displayDate: str(event.display_date)
		};
	});
	return finish(story, slides, errors);
}

/** The TimelineJS Google Sheets template's columns, as its header row names them. */
export const CSV_COLUMNS = [
	'Year',
	'Month',
	'Day',
	'Time',
	'End Year',
	'End Month',
	'End Day',
	'End Time',
	'Display Date',
	'Headline',
	'Text',
	'Media',
	'Media Credit',
	'Media Caption',
	'Media Thumbnail',
	'Type',
	'Group',
	'Background'
] as const;

/** "13:30", "1:30 PM", "13:30:05" to hour/minute/second; undefined parts when blank. */
function readTime(raw: string, errors: string[], label: string) {
	const text = raw.trim();
	if (!text) return {};
	const match = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(text);
	if (!match) {
		errors.push(`${label}: time "${clip(text, 20)}" is not like 13:30 or 1:30 PM.`);
		return {};
	}
	let hour = Number(match[1]);
	const meridiem = match[4]?.toLowerCase().replace(/\./g, '');
	if (meridiem === 'pm' && hour < 12) hour += 12;
	if (meridiem === 'am' && hour === 12) hour = 0;
	return { hour, minute: match[2], second: match[3] };
}

/** The Google Sheets template saved as CSV: one slide a row; Type "title" is the title slide. */
export function importTimelineCsv(text: string): ImportResult {
	const rows = parseCsv(text.replace(/^\uFEFF/, ''));
	const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
	const index = (name: string) => header.indexOf(name.toLowerCase());
	const missing = ['Year', 'Headline'].filter((name) => index(name) < 0);
	if (missing.length)
		return {
			ok: false,
			errors: [
				`The CSV has no ${missing.join(' or ')} column: use the TimelineJS Google Sheets ` +
					`template's header row (${CSV_COLUMNS.join(', ')}).`
			]
		};
	const errors: string[] = [];
	let story: ImportedStory | undefined;
	const slides: Slide[] = [];
	rows.slice(1).forEach((row, i) => {
		const cell = (name: string) => (index(name) >= 0 ? (row[index(name)] ?? '') : '');
		if (row.every((value) => value.trim() === '')) return;
		const label = `Row ${i + 2}`;
		const type = cell('Type').trim().toLowerCase();
		if (type === 'title') {
			story ??= storyFrom(cell('Headline'), cell('Text'));
			return;
		}
		if (type === 'era') return; // eras shade the timeline's background; not events
		const time = readTime(cell('Time'), errors, label);
		const endTime = readTime(cell('End Time'), errors, label);
		slides.push({
			label,
			start: { year: cell('Year'), month: cell('Month'), day: cell('Day'), ...time },
			end: {
				year: cell('End Year'),
				month: cell('End Month'),
				day: cell('End Day'),
				...endTime
			},
			headline: cell('Headline'),
			text: cell('Text'),
			media: {
				url: cell('Media'),
				caption: cell('Media Caption'),
				credit: cell('Media Credit'),
				alt: cell('Alt Text')
			},
			group: cell('Group'),
			displayDate: cell('Display Date')
		});
	});
	return finish(story ?? storyFrom('', ''), slides, errors);
}
