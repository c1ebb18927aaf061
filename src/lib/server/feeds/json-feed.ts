/**
 * A story's follow feed as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). Corrections
 * carry `date_modified`; every item has a `_throughline` extension object (custom keys start
 * with an underscore per the spec) saying what it is and, for events, how far it is verified.
 */
import type { EventKind, Verification } from '$lib/types';
import { buildStoryFeed, type FeedEntry, type StoryFeedInput } from './entries';
import { feedLanguage } from './language';

export const JSON_FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8';

export type ThroughlineExtension =
	| {
			type: 'event';
			kind: EventKind;
			verification: Verification;
			attribution: string | null;
			correction: boolean;
	  }
	| { type: 'article'; correction: false };

export interface JsonFeedItem {
	id: string;
	url: string;
	external_url?: string;
	title: string;
	summary?: string;
	content_html: string;
	date_published: string;
	date_modified?: string;
	tags: string[];
	_throughline: ThroughlineExtension;
}

export interface JsonFeed {
	version: 'https://jsonfeed.org/version/1.1';
	title: string;
	home_page_url: string;
	feed_url: string;
	description?: string;
	language: string;
	authors: { name: string }[];
	items: JsonFeedItem[];
}

function item(entry: FeedEntry): JsonFeedItem {
	return {
		id: entry.id,
		url: entry.url,
		...(entry.externalUrl ? { external_url: entry.externalUrl } : {}),
		title: entry.title,
		...(entry.summary ? { summary: entry.summary } : {}),
		content_html: entry.contentHtml,
		date_published: entry.published.toISOString(),
		...(entry.correction ? { date_modified: entry.updated.toISOString() } : {}),
		tags: entry.tags,
		_throughline: entry.event
			? { type: 'event', ...entry.event, correction: entry.correction }
			: { type: 'article', correction: false }
	};
}

/** The JSON Feed object for a story; the route serialises it. */
export function buildJsonFeed(input: StoryFeedInput): JsonFeed {
	const feed = buildStoryFeed(input);
	return {
		version: 'https://jsonfeed.org/version/1.1',
		title: feed.title,
		home_page_url: feed.homePageUrl,
		feed_url: feed.jsonUrl,
		...(feed.subtitle ? { description: feed.subtitle } : {}),
		language: feedLanguage(input.story),
		authors: [{ name: 'Throughline' }],
		items: feed.entries.map(item)
	};
}
