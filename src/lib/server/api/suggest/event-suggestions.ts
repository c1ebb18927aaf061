import { json, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import { isoWithOffset } from '$lib/format/dates';
import { suggestEventsFor } from '$lib/server/suggest/event-suggestions';
import { invalid, parseId, problem, readObject } from '$lib/server/api/desk/http';
import { actorOf } from '$lib/server/newsroom/actor';
import {
	acceptProposal,
	mergeProposal,
	rejectProposal
} from '$lib/server/newsroom/event-proposals';
import { STATUS, type CommandResult } from '$lib/server/newsroom/result';

/**
 * GET /api/v1/articles/{id}/event-suggestions (contributor): the events the article reports,
 * `{events: [{kind, title, start, end?, precision, timeZone, place, actors, attribution,
 * verification, evidence, fingerprint, matchesEventId?}]}`, dates in ISO 8601 with the offset
 * of the event's zone. Proposals an editor already decided are left out. An article in a
 * language the extractor does not read gets `events: []` and a `reason` saying so.
 */
export const GET: RequestHandler = async (event) => {
	requireApiRole(event, 'contributor');
	const id = parseId(event.params.id);
	if (id === null) return problem(404, 'No article with that id.');
	const found = await suggestEventsFor(id);
	if (!found) return problem(404, 'No article with that id.');
	return json(
		{
			...(found.reason ? { reason: found.reason } : {}),
			events: found.events.map(({ start, end, ...rest }) => ({
				...rest,
				start: isoWithOffset(start, rest.timeZone),
				...(end ? { end: isoWithOffset(end, rest.timeZone) } : {})
			}))
		},
		{ headers: { 'Cache-Control': 'no-store' } }
	);
};

const DECISIONS = ['accept', 'merge', 'reject'] as const;

/**
 * POST /api/v1/articles/{id}/event-suggestions: decide on one proposal, named by its
 * `fingerprint`. `{decision: 'accept', title, kind, verification, date, attribution?}` adds it
 * as a draft event of the article's story (201 `{id}`); `merge` cites the article on the
 * event it matches (200 `{id}`); `reject` stops offering it (200 `{}`). 404 when the
 * proposal is no longer offered.
 */
export const POST: RequestHandler = async (event) => {
	const actor = actorOf(requireApiRole(event, 'contributor'), event.getClientAddress());
	const articleId = parseId(event.params.id);
	if (articleId === null) return problem(404, 'No article with that id.');
	const body = await readObject(event.request);
	if (body instanceof Response) return body;
	const decision = DECISIONS.find((known) => known === body.decision);
	if (!decision || typeof body.fingerprint !== 'string')
		return invalid({
			...(decision ? {} : { decision: 'One of accept, merge, reject.' }),
			...(typeof body.fingerprint === 'string'
				? {}
				: { fingerprint: 'The proposal’s fingerprint.' })
		});
	const ref = { articleId, fingerprint: body.fingerprint };
	const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
	if (decision === 'accept') {
		const edits = {
			title: text('title'),
			kind: text('kind'),
			verification: text('verification'),
			date: text('date'),
			attribution: text('attribution')
		};
		const result = await acceptProposal(actor, ref, edits);
		if (result.kind !== 'ok') return answer(result);
		return json({ id: result.value.event.id }, { status: 201 });
	}
	const result =
		decision === 'merge' ? await mergeProposal(actor, ref) : await rejectProposal(actor, ref);
	if (result.kind !== 'ok') return answer(result);
	return json(result.value ? { id: result.value.eventId } : {});
};

function answer(result: Exclude<CommandResult<unknown>, { kind: 'ok' }>): Response {
	if (result.kind === 'invalid')
		return result.message
			? problem(400, result.message, { fields: result.errors })
			: invalid(result.errors);
	if (result.kind === 'stale') return problem(409, 'Changed meanwhile: fetch it again.');
	return problem(STATUS[result.kind], result.message);
}
