/**
 * What the public story page shows, as known at the "as of" date when one is given. Filters,
 * order and the selected event are applied in the page from the URL, so changing them needs no
 * new data. Shared by the page's load and the rendered-page cache (http/page-cache.ts), which
 * keys a page on exactly this data.
 */
import * as stories from '$lib/server/db/stories';
import * as events from '$lib/server/db/events';
import * as articles from '$lib/server/db/articles';
import * as entities from '$lib/server/db/entities';
import * as changes from '$lib/server/db/changes';
import { asofCutoff } from '$lib/story/url-state';
import { replayAsOf } from '$lib/story/as-of';
import { jsonLdScript, storyJsonLd } from '$lib/story/json-ld';
import { storyLastUpdated } from '$lib/story/last-updated';
import { packSources } from '$lib/story/page-sources';

export type StoryPageData = NonNullable<Awaited<ReturnType<typeof loadStoryPage>>>;

/** The page data and its JSON-LD (made on demand), or null when no story has this slug. */
export async function loadStoryPage(slug: string, asof: string | null, origin: string) {
	const story = await stories.getPublishedBySlug(slug);
	if (!story) return null;

	const [eventList, articleList, history, relations, latestChangeId] = await Promise.all([
		events.listForStory(story.id, { publishedOnly: true }),
		articles.listForReaders(story.id),
		events.verificationHistoryForStory(story.id),
		events.relationsForStory(story.id),
		// Live updates resume after this change, so nothing published while rendering is missed.
		changes.latestId(story.id)
	]);

	const snapshot = asof
		? replayAsOf({ events: eventList, articles: articleList, history }, asofCutoff(asof))
		: { events: eventList, articles: articleList, history };

	// For crawlers, in the served HTML only (head-extras.ts): never page data, never hydrated.
	// Written only when the page is rendered, not when a kept page is served again.
	const headHtml = () =>
		jsonLdScript(
			storyJsonLd(story, snapshot.events, {
				origin,
				lastUpdated: storyLastUpdated(story, snapshot.events, snapshot.articles, asof)
			})
		);

	const visible = new Set(snapshot.events.map((event) => event.id));
	const eventEntities = await entities.listForEvents([...visible]);
	const { events: packedEvents, sourceArticles } = packSources(snapshot.events);
	return {
		headHtml,
		data: {
			story,
			asof,
			latestChangeId,
			// The page joins each source with its article again (page-sources.ts).
			events: packedEvents,
			sourceArticles,
			articles: snapshot.articles,
			history: snapshot.history
				.filter((change) => visible.has(change.eventId))
				.map(({ eventId, verification, attribution, changedAt, note }) => ({
					eventId,
					verification,
					attribution,
					changedAt,
					note
				})),
			relations: relations.filter(
				(relation) => visible.has(relation.fromEventId) && visible.has(relation.toEventId)
			),
			entities: eventEntities.map(({ eventId, name, kind, role }) => ({
				eventId,
				name,
				kind,
				role
			}))
		}
	};
}
