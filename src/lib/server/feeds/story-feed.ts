/**
 * Loads what a story's follow feeds show, exactly what its page shows readers: published events,
 * accepted articles and the events' verification history. Undefined for an unknown or
 * unpublished story, so the feed routes answer 404 like the page.
 */
import * as articles from '$lib/server/db/articles';
import * as events from '$lib/server/db/events';
import * as stories from '$lib/server/db/stories';
import type { StoryFeedInput } from './entries';

export async function loadStoryFeed(
	slug: string,
	origin: string
): Promise<StoryFeedInput | undefined> {
	const story = await stories.getPublishedBySlug(slug);
	if (!story) return undefined;
	const [eventList, articleList, history] = await Promise.all([
		events.listForStory(story.id, { publishedOnly: true }),
		articles.listForReaders(story.id),
		events.verificationHistoryForStory(story.id)
	]);
	return { origin, story, events: eventList, articles: articleList, history };
}

/**
 * Feeds change when the desk publishes: a minute's caching in the reader's client spares the
 * database, not the news (shared caches follow http/edge-cache.ts).
 */
export const FEED_BROWSER_SECONDS = 60;
