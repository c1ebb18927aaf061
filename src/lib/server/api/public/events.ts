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
import { eventJson } from './shape';

/**
 * GET /api/v1/events: published events in time order; ?story (id or slug), ?kind,
 * ?verification, ?from/?to (events overlapping that span), ?limit, ?cursor|?offset.
 */
export const GET: RequestHandler = ({ url }) =>
	respond(async () => {
		const params = url.searchParams;
		const limit = parseLimit(params);
		const story = parseParam(params, 'story');
		const filter: publicApi.EventFilter = {
			storyId: typeof story === 'number' ? story : undefined,
			storySlug: typeof story === 'string' ? story : undefined,
			kind: parseParam(params, 'kind'),
			verification: parseParam(params, 'verification'),
			from: parseDate(params, 'from'),
			to: parseDate(params, 'to')
		};
		if (filter.from && filter.to && filter.from > filter.to)
			throw new BadParameter('from must not be after to.');
		const after = decodeCursor(params, instantIdCursor);
		const rows = await publicApi.listEvents(filter, {
			limit: limit + 1,
			after,
			offset: parseOffset(params)
		});
		const items = rows.slice(0, limit);
		const last = items.at(-1);
		const next =
			rows.length > limit && last
				? encodeCursor([last.occurredStart.toISOString(), last.id])
				: null;
		return json(pageJson(items.map(eventJson), limit, next));
	});
