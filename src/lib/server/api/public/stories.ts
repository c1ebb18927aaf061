import { json, type RequestHandler } from '@sveltejs/kit';
import * as publicApi from '$lib/server/db/public-api';
import {
	decodeCursor,
	encodeCursor,
	isId,
	pageJson,
	parseLimit,
	parseOffset,
	parseParam,
	respond
} from './params';
import { storyJson } from './shape';

const idCursor = (value: unknown) => (isId(value) ? value : undefined);

/** GET /api/v1/stories: published stories, newest first; ?status, ?q, ?limit, ?cursor|?offset. */
export const GET: RequestHandler = ({ url }) =>
	respond(async () => {
		const params = url.searchParams;
		const limit = parseLimit(params);
		const after = decodeCursor(params, idCursor);
		const filter = {
			status: parseParam(params, 'status'),
			q: parseParam(params, 'q')
		};
		// One row more than asked tells whether there is a next page.
		const rows = await publicApi.listStories(filter, {
			limit: limit + 1,
			after,
			offset: parseOffset(params)
		});
		const items = rows.slice(0, limit);
		const last = items.at(-1);
		const next = rows.length > limit && last ? encodeCursor(last.id) : null;
		return json(pageJson(items.map(storyJson), limit, next));
	});
