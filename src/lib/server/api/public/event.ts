import { json, type RequestHandler } from '@sveltejs/kit';
import * as publicApi from '$lib/server/db/public-api';
import { apiError, etag, notModified, parseId, respond } from './params';
import { eventJson } from './shape';

/** GET /api/v1/events/{id}: one published event of a published story, with its sources. */
export const GET: RequestHandler = ({ params, request }) =>
	respond(async () => {
		const id = parseId('id', params.id ?? '');
		const event = id === undefined ? undefined : await publicApi.getEvent(id);
		if (!event) return apiError(404, 'No published event with that id.');
		const tag = etag(event.version);
		const cached = notModified(request, tag);
		if (cached) return cached;
		return json(eventJson(event), {
			headers: { ETag: tag, 'Cache-Control': 'public, max-age=0, must-revalidate' }
		});
	});
