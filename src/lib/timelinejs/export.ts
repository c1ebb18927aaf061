/**
 * A story as a TimelineJS3 JSON document (https://timeline.knightlab.com/docs/json-format.html):
 * a title slide, then one slide per published event. TimelineJS renders headlines, text, group
 * labels and display dates as HTML, so every value put in them is escaped here (the export rule,
 * format/export-text.ts); the only markup is ours.
 */
import { KIND_LABELS } from '$lib/charts/timeline-items';
import { formatEventWhen, zonedParts } from '$lib/format/dates';
import { asHtml } from '$lib/format/export-text';
import { VERIFICATION_LABELS } from '$lib/format/verification';
import type { Precision, TimelineEvent } from '$lib/types';

export interface TimelineDate {
	year: number;
	month?: number;
	day?: number;
	hour?: number;
	minute?: number;
	display_date?: string;
}

export interface TimelineSlide {
	unique_id?: string;
	start_date?: TimelineDate;
	end_date?: TimelineDate;
	display_date?: string;
	group?: string;
	text: { headline: string; text: string };
	/** TimelineJS loads the URL itself; caption and credit are HTML there, so escaped. */
	media?: { url: string; caption?: string; credit?: string; alt?: string };
}

export interface TimelineDocument {
	title: TimelineSlide;
	events: TimelineSlide[];
}

export interface ExportStory {
	title: string;
	summary: string;
	/** The reader's page, absolute, linked from the title slide. */
	url: string;
}

/** Paragraphs from blank lines, line breaks from single newlines. */
function paragraphs(text: string): string {
	return text
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => `<p>${asHtml(p).replace(/\n/g, '<br>')}</p>`)
		.join('');
}

/** Only web links become links; anything else in a URL column stays text. */
const safeUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

/** The date parts TimelineJS should show: only as fine as we know it (day → year/month/day). */
export function timelineDate(date: Date, precision: Precision, timeZone: string): TimelineDate {
	const p = zonedParts(date, timeZone);
	switch (precision) {
		case 'minute':
		case 'hour':
			return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute };
		case 'day':
			return { year: p.year, month: p.month, day: p.day };
		case 'month':
			return { year: p.year, month: p.month };
		case 'approximate':
			return { year: p.year };
	}
}

function eventText(event: TimelineEvent): string {
	const facts = [
		event.placeName ? `Where: ${asHtml(event.placeName)}` : '',
		event.attribution ? `According to: ${asHtml(event.attribution)}` : '',
		`Verification: ${asHtml(VERIFICATION_LABELS[event.verification])}`
	].filter(Boolean);
	const sources = event.sources.map((source) => {
		const label = `${asHtml(source.headline)} (${asHtml(source.source)})`;
		const url = safeUrl(source.url);
		return url ? `<li><a href="${asHtml(url)}">${label}</a></li>` : `<li>${label}</li>`;
	});
	return (
		paragraphs(event.description) +
		`<p>${facts.join('<br>')}</p>` +
		(sources.length ? `<p>Sources:</p><ul>${sources.join('')}</ul>` : '')
	);
}

/**
 * One event as a slide: `group` is the kind's label, so TimelineJS rows match our legend, or the
 * group an imported event came with when that was not one of our kinds.
 */
export function eventSlide(event: TimelineEvent, group?: string): TimelineSlide {
	const start = timelineDate(event.occurredStart, event.precision, event.timeZone);
	const end = event.occurredEnd
		? timelineDate(event.occurredEnd, event.precision, event.timeZone)
		: undefined;
	// A year-only date's window ends in the same year: one year, not a span.
	const sameYear = event.precision === 'approximate' && end && end.year === start.year;
	return {
		unique_id: `event-${event.id}`,
		start_date: start,
		...(end && !sameYear ? { end_date: end } : {}),
		display_date: asHtml(formatEventWhen(event)),
		group: asHtml(group ?? KIND_LABELS[event.kind]),
		text: { headline: asHtml(event.title), text: eventText(event) },
		...slideMedia(event)
	};
}

/** The event's media item as the slide's `media`, when its address is a web address. */
function slideMedia(event: TimelineEvent): Pick<TimelineSlide, 'media'> {
	const url = safeUrl(event.mediaUrl);
	if (!url) return {};
	return {
		media: {
			url,
			...(event.mediaCaption ? { caption: asHtml(event.mediaCaption) } : {}),
			...(event.mediaCredit ? { credit: asHtml(event.mediaCredit) } : {}),
			...(event.mediaAlt ? { alt: event.mediaAlt } : {})
		}
	};
}

/** The whole timeline: the story's title slide and its events in time order. */
export function toTimelineJs(
	story: ExportStory,
	events: TimelineEvent[],
	/** Groups imported events came with, by event id (see db/imports groupLabels). */
	groups: ReadonlyMap<number, string> = new Map()
): TimelineDocument {
	const link = safeUrl(story.url);
	return {
		title: {
			unique_id: 'title',
			text: {
				headline: asHtml(story.title),
				text:
					paragraphs(story.summary) +
					(link ? `<p><a href="${asHtml(link)}">Read the story</a></p>` : '')
			}
		},
		events: events.map((event) => eventSlide(event, groups.get(event.id)))
	};
}
