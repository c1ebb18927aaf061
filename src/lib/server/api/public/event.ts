import { json, type RequestHandler } from '@sveltejs/kit';
import * as publicApi from '$lib/server/db/public-api';
import { apiError, etag, notModified, parseId, respond } from './params';
import { eventJson } from './shape';
import { staffEvent } from './staff-read';

/**
 * GET /api/v1/events/{id}: one published event of a published story, with its sources; staff
 * who may edit it also get a draft (staff-read.ts).
 */
export const GET: RequestHandler = ({ params, request, locals }) =>
	respond(async () => {
		const id = parseId('id', params.id ?? '');
		const event = id === undefined ? undefined : await publicApi.getEvent(id);
		if (!event) {
			const draft = id === undefined ? undefined : await staffEvent(locals.user, id, request);
			return draft ?? apiError(404, 'No published event with that id.');
		}
		const tag = etag(event.version);
		const cached = notModified(request, tag);
		if (cached) return cached;
		return json(eventJson(event), {
			headers: { ETag: tag, 'Cache-Control': 'public, max-age=0, must-revalidate' }
		});
	});
