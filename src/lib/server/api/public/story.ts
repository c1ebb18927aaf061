import { json, type RequestHandler } from '@sveltejs/kit';
import * as publicApi from '$lib/server/db/public-api';
import { apiError, etag, notModified, respond } from './params';
import { eventJson, storyJson } from './shape';

/** GET /api/v1/stories/{id}: a published story by numeric id or slug, with its published events. */
export const GET: RequestHandler = ({ params, request }) =>
	respond(async () => {
		const key = params.id ?? '';
		const idOrSlug = /^\d{1,9}$/.test(key) ? Number(key) : key;
		const story = await publicApi.getStory(idOrSlug);
		if (!story) return apiError(404, 'No published story with that id or slug.');
		const tag = etag(story.version);
		const cached = notModified(request, tag);
		if (cached) return cached;
		const events = await publicApi.listEvents({ storyId: story.id }, { limit: 10_000 });
		return json(
			{ ...storyJson(story), events: events.map(eventJson) },
			{ headers: { ETag: tag, 'Cache-Control': 'public, max-age=0, must-revalidate' } }
		);
	});
