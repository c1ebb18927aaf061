import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as stories from '$lib/server/db/stories';
import * as events from '$lib/server/db/events';
import * as articles from '$lib/server/db/articles';
import * as entities from '$lib/server/db/entities';
import * as changes from '$lib/server/db/changes';
import { asofCutoff, isIsoDate } from '$lib/story/url-state';
import { replayAsOf } from '$lib/story/as-of';
import { jsonLdScript, storyJsonLd } from '$lib/story/json-ld';
import { storyLastUpdated } from '$lib/story/last-updated';
import { packSources } from '$lib/story/page-sources';

/**
 * Everything the page shows, as known at the "as of" date when one is given. Filters, order and
 * the selected event are applied in the page from the URL, so changing them needs no new data.
 */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const story = await stories.getPublishedBySlug(params.slug);
	if (!story) error(404, 'Story not found');

	const [eventList, articleList, history, relations, latestChangeId] = await Promise.all([
		events.listForStory(story.id, { publishedOnly: true }),
		articles.listForStory(story.id),
		events.verificationHistoryForStory(story.id),
		events.relationsForStory(story.id),
		// Live updates resume after this change, so nothing published while rendering is missed.
		changes.latestId(story.id)
	]);

	const asofParam = url.searchParams.get('asof')?.trim();
	const asof = asofParam && isIsoDate(asofParam) ? asofParam : null;
	const snapshot = asof
		? replayAsOf({ events: eventList, articles: articleList, history }, asofCutoff(asof))
		: { events: eventList, articles: articleList, history };

	// For crawlers, in the served HTML only (head-extras.ts): never page data, never hydrated.
	const lastUpdated = storyLastUpdated(story, snapshot.events, snapshot.articles, asof);
	locals.headHtml = jsonLdScript(
		storyJsonLd(story, snapshot.events, { origin: url.origin, lastUpdated })
	);

	const visible = new Set(snapshot.events.map((event) => event.id));
	const eventEntities = await entities.listForEvents([...visible]);
	const { events: packedEvents, sourceArticles } = packSources(snapshot.events);
	return {
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
		entities: eventEntities.map(({ eventId, name, kind, role }) => ({ eventId, name, kind, role }))
	};
};
