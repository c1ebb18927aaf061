import { json, type RequestHandler } from '@sveltejs/kit';
import * as publicApi from '$lib/server/db/public-api';
import { apiError, notModified, respond } from './params';
import { eventJson, storyJson } from './shape';

/** GET /api/v1/stories/{id}: a published story by numeric id or slug, with its published events. */
export const GET: RequestHandler = ({ params, request }) =>
	respond(async () => {
		const key = params.id ?? '';
		const idOrSlug = /^\d{1,9}$/.test(key) ? Number(key) : key;
		const story = await publicApi.getStory(idOrSlug);
		if (!story) return apiError(404, 'No published story with that id or slug.');
		// The answer holds the events too: its ETag follows the story's latest revision (any event
		// change makes one), with the row's version first, which is what If-Match is checked on.
		const revision = await publicApi.storyRevision(story.id);
		const tag = `"${story.version}-r${revision}"`;
		const cached = notModified(request, tag);
		if (cached) return cached;
		const events = await publicApi.listEvents({ storyId: story.id }, { limit: 10_000 });
		return json(
			{ ...storyJson(story), events: events.map(eventJson) },
			{ headers: { ETag: tag, 'Cache-Control': 'public, max-age=0, must-revalidate' } }
		);
	});
