import { json, type RequestHandler } from '@sveltejs/kit';
import * as publicApi from '$lib/server/db/public-api';
import {
	BadParameter,
	decodeCursor,
	encodeCursor,
	instantIdCursor,
	pageJson,
	parseDate,
	parseLimit,
	parseOffset,
	parseParam,
	respond
} from './params';
import { articleJson } from './shape';

/**
 * GET /api/v1/articles: articles accepted into a published story, newest first; ?story (id),
 * ?from/?to (publication), ?limit, ?cursor|?offset. Public fields only: never the raw body.
 */
export const GET: RequestHandler = ({ url }) =>
	respond(async () => {
		const params = url.searchParams;
		const limit = parseLimit(params);
		const filter = {
			storyId: parseParam(params, 'storyId', 'story'),
			from: parseDate(params, 'from'),
			to: parseDate(params, 'to')
		};
		if (filter.from && filter.to && filter.from > filter.to)
			throw new BadParameter('from must not be after to.');
		const rows = await publicApi.listArticles(filter, {
			limit: limit + 1,
			after: decodeCursor(params, instantIdCursor),
			offset: parseOffset(params)
		});
		const items = rows.slice(0, limit);
		const last = items.at(-1);
		const next =
			rows.length > limit && last ? encodeCursor([last.publishedAt.toISOString(), last.id]) : null;
		return json(pageJson(items.map(articleJson), limit, next));
	});
