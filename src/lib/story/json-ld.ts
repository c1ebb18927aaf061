/**
 * The story page as schema.org structured data: an `ItemList` of `Event`s, each with its dates
 * (the place's offset), place and the articles that report it (`subjectOf`).
 * https://schema.org/ItemList · https://schema.org/Event · https://developers.google.com/search/docs/appearance/structured-data/intro-structured-data
 */
import type { Story, TimelineEvent } from '$lib/types';
import { isoWithOffset } from '$lib/format/dates';

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function place(event: TimelineEvent): JsonValue {
	if (!event.placeName) return null;
	const result: Record<string, JsonValue> = { '@type': 'Place', name: event.placeName };
	if (event.latitude !== null && event.longitude !== null) {
		result.geo = {
			'@type': 'GeoCoordinates',
			latitude: event.latitude,
			longitude: event.longitude
		};
	}
	return result;
}

function eventItem(event: TimelineEvent, pageUrl: string, origin: string): JsonValue {
	const item: Record<string, JsonValue> = {
		'@type': 'Event',
		'@id': `${pageUrl}?event=${event.id}`,
		name: event.title,
		description: event.description,
		startDate: isoWithOffset(event.occurredStart, event.timeZone),
		url: `${pageUrl}?event=${event.id}#event-${event.id}`
	};
	if (event.occurredEnd) item.endDate = isoWithOffset(event.occurredEnd, event.timeZone);
	const location = place(event);
	if (location) item.location = location;
	if (event.sources.length > 0) {
		item.subjectOf = event.sources.map((source) => ({
			'@type': 'NewsArticle',
			headline: source.headline,
			url: `${origin}/articles/${source.articleId}`,
			datePublished: source.publishedAt.toISOString(),
			publisher: { '@type': 'Organization', name: source.source },
			citation: source.evidence
		}));
	}
	return item;
}

/**
 * The most recent events listed in full. A 500-event story's complete list was 390 KB of the
 * page's head; crawlers need the latest developments, and `numberOfItems` still gives the total.
 */
export const JSON_LD_MAX_EVENTS = 100;

export function storyJsonLd(
	story: Pick<Story, 'title' | 'summary' | 'slug'>,
	events: readonly TimelineEvent[],
	{ origin, lastUpdated }: { origin: string; lastUpdated: Date }
): JsonValue {
	const pageUrl = `${origin}/stories/${story.slug}`;
	return {
		'@context': 'https://schema.org',
		'@type': 'ItemList',
		name: story.title,
		description: story.summary,
		url: pageUrl,
		dateModified: lastUpdated.toISOString(),
		itemListOrder: 'https://schema.org/ItemListOrderAscending',
		numberOfItems: events.length,
		itemListElement: events
			.map((event, index) => ({ event, position: index + 1 }))
			.slice(-JSON_LD_MAX_EVENTS)
			.map(({ event, position }) => ({
				'@type': 'ListItem',
				position,
				item: eventItem(event, pageUrl, origin)
			}))
	};
}

/**
 * JSON for a `<script type="application/ld+json">` element. The element's text is raw (no HTML
 * entities), so `<`, `>`, `&` and the line separators are escaped as JSON `\u` sequences: text
 * from the database such as `</script>` cannot end the element, and the JSON still parses the same.
 */
export function serializeJsonLd(value: unknown): string {
	return JSON.stringify(value)
		.replaceAll('<', '\\u003c')
		.replaceAll('>', '\\u003e')
		.replaceAll('&', '\\u0026')
		.replaceAll('\u2028', '\\u2028')
		.replaceAll('\u2029', '\\u2029');
}

/** The whole element, for `{@html}`: the only markup is fixed; the data is escaped above. */
export function jsonLdScript(value: unknown): string {
	return `<script type="application/ld+json">${serializeJsonLd(value)}</script>`;
}
