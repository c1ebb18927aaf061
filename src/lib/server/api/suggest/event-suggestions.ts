import { json, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import { isoWithOffset } from '$lib/format/dates';
import { suggestEvents } from '$lib/server/suggest/event-suggestions';
import { parseId, problem } from '$lib/server/api/desk/http';

/**
 * GET /api/v1/articles/{id}/event-suggestions (contributor): the events the article reports,
 * `{events: [{kind, title, start, end?, precision, timeZone, place, actors, attribution,
 * verification, evidence, fingerprint, matchesEventId?}]}`, dates in ISO 8601 with the offset
 * of the event's zone. Proposals an editor already decided are left out.
 */
export const GET: RequestHandler = async (event) => {
	requireApiRole(event, 'contributor');
	const id = parseId(event.params.id);
	if (id === null) return problem(404, 'No article with that id.');
	const proposals = await suggestEvents(id);
	if (!proposals) return problem(404, 'No article with that id.');
	return json(
		{
			events: proposals.map(({ start, end, ...rest }) => ({
				...rest,
				start: isoWithOffset(start, rest.timeZone),
				...(end ? { end: isoWithOffset(end, rest.timeZone) } : {})
			}))
		},
		{ headers: { 'Cache-Control': 'no-store' } }
	);
};
