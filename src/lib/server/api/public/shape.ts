/**
 * The public API's JSON shapes: camelCase names, and every date as an `ApiDate` (an ISO 8601
 * instant written with the offset of its zone, how precisely it is known, and the IANA zone), so
 * a client never has to guess whether "2025-12-06" meant a day in Miami or an instant in UTC.
 * The OpenAPI document (api/openapi.ts) describes the same shapes.
 */
import { isoWithOffset } from '$lib/format/dates';
import type { Precision } from '$lib/types';
import type { PublicArticle, PublicEvent, PublicStory } from '$lib/server/db/public-api';
import type { Article } from '$lib/types';
import { mediaOf } from '$lib/media/event-media';

export interface ApiDate {
	at: string;
	precision: Precision;
	timeZone: string;
}

/** An event's date as known: for day/month precision `at` is the start of that day/month there. */
export function apiDate(date: Date, precision: Precision, timeZone: string): ApiDate {
	// Years before 1000 (imported history) still need four digits to be ISO 8601.
	const at = isoWithOffset(date, timeZone).replace(
		/^(\d{1,3})-/,
		(_m, y: string) => `${y.padStart(4, '0')}-`
	);
	return { at, precision, timeZone };
}

/** A recorded instant (publication, edit): known to the minute, written in UTC. */
export function apiInstant(date: Date): ApiDate {
	return apiDate(date, 'minute', 'UTC');
}

const maybe = (date: Date | null) => (date ? apiInstant(date) : null);

export function storyJson(story: PublicStory) {
	return {
		id: story.id,
		slug: story.slug,
		title: story.title,
		summary: story.summary,
		status: story.status,
		version: story.version,
		publishedAt: maybe(story.publishedAt),
		updatedAt: apiInstant(story.updatedAt),
		eventCount: story.eventCount,
		articleCount: story.articleCount,
		url: `/stories/${story.slug}`
	};
}

export function eventJson(event: PublicEvent) {
	return {
		id: event.id,
		storyId: event.storyId,
		storySlug: event.storySlug,
		kind: event.kind,
		title: event.title,
		description: event.description,
		start: apiDate(event.occurredStart, event.precision, event.timeZone),
		end: event.occurredEnd ? apiDate(event.occurredEnd, event.precision, event.timeZone) : null,
		place:
			event.placeName || event.latitude !== null
				? { name: event.placeName, latitude: event.latitude, longitude: event.longitude }
				: null,
		attribution: event.attribution,
		verification: event.verification,
		firstReportedAt: maybe(event.firstReportedAt),
		pinned: event.pinned,
		media: mediaJson(event),
		version: event.version,
		sources: event.sources.map((source) => ({
			articleId: source.articleId,
			headline: source.headline,
			source: source.source,
			url: source.url,
			publishedAt: apiInstant(source.publishedAt),
			evidence: source.evidence
		}))
	};
}

/** The event's media item without the provider guess (a client can read the URL itself). */
function mediaJson(event: PublicEvent) {
	const media = mediaOf(event);
	if (!media) return null;
	const { provider, ...rest } = media;
	void provider;
	return rest;
}

export function articleJson(article: PublicArticle) {
	return {
		id: article.id,
		source: article.source,
		section: article.section,
		headline: article.headline,
		dek: article.dek,
		url: article.url,
		language: article.language,
		publishedAt: apiInstant(article.publishedAt),
		demo: article.demo,
		storyIds: article.storyIds
	};
}

/**
 * One article: the list fields plus its sanitised body (never the raw text as received), only
 * when its outlet's full text is public; otherwise `bodyHtml` is null and readers follow `url`.
 */
export function articleDetailJson(
	article: Article & { fullTextPublic: boolean },
	storyIds: number[]
) {
	return {
		...articleJson({ ...article, storyIds }),
		fullTextPublic: article.fullTextPublic,
		bodyHtml: article.fullTextPublic ? article.bodyHtml : null
	};
}
