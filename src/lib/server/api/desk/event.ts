/**
 * PATCH / PUT / DELETE /api/v1/events/{id} for the desk. A contributor may change a draft event;
 * publishing or withdrawing it, changing a published one, and deleting need an editor. Times are
 * ISO 8601 instants (`occurredStart`, `occurredEnd`).
 */
import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { hasRole, requireApiRole } from '$lib/server/auth/guard';
import { sql } from '$lib/server/db/client';
import * as deskEvents from '$lib/server/db/desk-events';
import * as audit from '$lib/server/db/audit';
import * as deskStories from '$lib/server/db/desk-stories';
import { parseEvent } from '$lib/desk/event-input';
import { fieldErrors } from '$lib/schemas/errors';
import { EventChange, EventReplace } from '$lib/schemas/event';
import { etag, expectedVersion, invalid, parseId, problem, readObject, stale } from './http';

/** The event as JSON, times as ISO instants so the body can be sent back as is. */
export function eventBody(event: deskEvents.DeskEvent) {
	return {
		...event,
		occurredStart: event.occurredStart.toISOString(),
		occurredEnd: event.occurredEnd?.toISOString() ?? null,
		firstReportedAt: event.firstReportedAt?.toISOString() ?? null
	};
}

async function change(event: RequestEvent, replace: boolean): Promise<Response> {
	const user = requireApiRole(event, 'contributor');
	const id = parseId(event.params.id);
	if (id === null) return problem(404, 'No event with that id.');
	const expected = expectedVersion(event.request);
	if (expected instanceof Response) return expected;
	const body = await readObject(event.request);
	if (body instanceof Response) return body;
	const current = await deskEvents.get(id);
	if (!current) return problem(404, 'No event with that id.');
	if (current.version !== expected) return stale(current.version);

	// The body as the OpenAPI document describes it (EventChange / EventReplace), then the checks
	// across fields on the event it would make.
	const shape = (replace ? EventReplace : EventChange).safeParse(body);
	if (!shape.success) return invalid(fieldErrors(shape.error));
	const parsed = parseEvent(replace ? body : { ...eventBody(current), ...body });
	if (!parsed.ok) return invalid(parsed.errors);
	if (
		!hasRole(user, 'editor') &&
		(current.status === 'published' || parsed.value.status !== current.status)
	)
		return problem(403, 'Publishing and changing published events need the editor role.');

	const result = await sql.begin(async (tx) => {
		await deskStories.actAs(user.id, tx);
		const updated = await deskEvents.update(id, expected, parsed.value, tx);
		if (updated.ok && parsed.value.status !== current.status) {
			const action = parsed.value.status === 'published' ? 'event.published' : 'event.unpublished';
			await audit.record(
				{
					actorId: user.id,
					clientAddress: event.getClientAddress(),
					action,
					entityType: 'event',
					entityId: id
				},
				tx
			);
		}
		return updated;
	});
	if (!result.ok) return stale(result.current?.version ?? expected);
	return json(eventBody(result.value), { headers: { ETag: etag(result.value.version) } });
}

export const PATCH: RequestHandler = (event) => change(event, false);
export const PUT: RequestHandler = (event) => change(event, true);

export const DELETE: RequestHandler = async (event) => {
	const user = requireApiRole(event, 'editor');
	const id = parseId(event.params.id);
	if (id === null) return problem(404, 'No event with that id.');
	const expected = expectedVersion(event.request);
	if (expected instanceof Response) return expected;
	const current = await deskEvents.get(id);
	if (!current) return problem(404, 'No event with that id.');
	if (current.version !== expected) return stale(current.version);
	const deleted = await sql.begin(async (tx) => {
		await deskStories.actAs(user.id, tx);
		const done = await deskEvents.softDelete(id, expected, tx);
		if (done)
			await audit.record(
				{
					actorId: user.id,
					clientAddress: event.getClientAddress(),
					action: 'event.deleted',
					entityType: 'event',
					entityId: id,
					before: eventBody(current)
				},
				tx
			);
		return done;
	});
	if (!deleted) return stale(current.version);
	return new Response(null, { status: 204 });
};
