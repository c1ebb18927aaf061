/**
 * The desk API's event doors: PATCH / PUT / DELETE /api/v1/events/{id} and POST
 * /api/v1/stories/{id}/events. Each parses the request, calls the command in newsroom/events.ts
 * and maps its answer: 400 `{error, fields}`, 403, 404, 412 with the current ETag when another
 * change conflicts (PATCH and PUT merge with changes to other fields). Times are ISO 8601
 * instants (`occurredStart`, `occurredEnd`).
 */
import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import * as deskEvents from '$lib/server/db/desk-events';
import { actorOf } from '$lib/server/newsroom/actor';
import {
	createEvent,
	deleteEvent,
	moveEvent,
	saveEvent,
	type EventFieldName,
	type SaveConflict
} from '$lib/server/newsroom/events';
import type { CommandResult } from '$lib/server/newsroom/result';
import { fieldErrors } from '$lib/schemas/errors';
import { parseEvent } from '$lib/desk/event-input';
import { EventChange, EventReplace, NewEvent } from '$lib/schemas/event';
import { etag, expectedVersion, invalid, parseId, problem, readObject, stale } from './http';

const DATES = ['occurredStart', 'occurredEnd'];

/** The event as JSON, times as ISO instants so the body can be sent back as is. */
export function eventBody(event: deskEvents.DeskEvent) {
	return {
		...event,
		occurredStart: event.occurredStart.toISOString(),
		occurredEnd: event.occurredEnd?.toISOString() ?? null,
		firstReportedAt: event.firstReportedAt?.toISOString() ?? null
	};
}

const actorFor = (event: RequestEvent) =>
	actorOf(requireApiRole(event, 'contributor'), event.getClientAddress());

/**
 * The body as the OpenAPI document describes it (EventChange, EventReplace, NewEvent: generated
 * from these schemas): unknown fields, missing required ones and bad values answer 400 before
 * the command runs.
 */
function shapeProblem(
	schema: typeof EventChange | typeof EventReplace | typeof NewEvent,
	body: Record<string, unknown>
): Response | null {
	const checked = schema.safeParse(body);
	if (checked.success) return null;
	const errors = fieldErrors(checked.error);
	// A whole event (POST, PUT) also gets the checks across fields (an end before the start), so
	// the client learns everything that is wrong at once.
	if (schema !== EventChange) {
		const whole = parseEvent(body);
		if (!whole.ok)
			for (const [field, message] of Object.entries(whole.errors)) errors[field] ??= message;
	}
	return invalid(errors);
}

/** Every outcome but ok as the API answers it. */
function refusal(result: Exclude<CommandResult<unknown>, { kind: 'ok' }>): Response {
	switch (result.kind) {
		case 'invalid':
			return result.message
				? problem(400, result.message, { fields: result.errors })
				: invalid(result.errors);
		case 'forbidden':
			return problem(403, result.message);
		case 'notFound':
			return problem(404, result.message);
		case 'stale': {
			const conflict = result.current as SaveConflict | deskEvents.DeskEvent;
			const conflicts = 'conflicts' in conflict ? conflict.conflicts : [];
			return problem(
				412,
				conflicts.length > 0
					? `Someone changed ${conflicts.join(', ')} since you read it: fetch it again.`
					: 'Someone changed this since you read it: fetch it again.',
				{ conflicts },
				{ ETag: etag(result.version) }
			);
		}
	}
}

async function change(event: RequestEvent, replace: boolean): Promise<Response> {
	const actor = actorFor(event);
	const id = parseId(event.params.id);
	if (id === null) return problem(404, 'No event with that id.');
	const expected = expectedVersion(event.request);
	if (expected instanceof Response) return expected;
	const body = await readObject(event.request);
	if (body instanceof Response) return body;
	const bad = shapeProblem(replace ? EventReplace : EventChange, body);
	if (bad) return bad;
	const keys = Object.keys(body) as EventFieldName[];
	// A body of dates alone is the timeline's drag; otherwise the body's fields are the changes.
	const result =
		!replace && keys.length > 0 && keys.every((key) => DATES.includes(key))
			? await moveEvent(actor, id, expected, body as { occurredStart: unknown })
			: await saveEvent(actor, id, {
					version: expected,
					values: body,
					only: replace ? undefined : keys
				});
	if (result.kind !== 'ok') return refusal(result);
	const saved = result.value.event;
	return json(eventBody(saved), { headers: { ETag: etag(saved.version) } });
}

export const PATCH: RequestHandler = (event) => change(event, false);
export const PUT: RequestHandler = (event) => change(event, true);

export const DELETE: RequestHandler = async (event) => {
	const actor = actorFor(event);
	const id = parseId(event.params.id);
	if (id === null) return problem(404, 'No event with that id.');
	const expected = expectedVersion(event.request);
	if (expected instanceof Response) return expected;
	const result = await deleteEvent(actor, id, expected);
	if (result.kind === 'stale') return stale(result.version);
	if (result.kind !== 'ok') return refusal(result);
	return new Response(null, { status: 204 });
};

/** POST /api/v1/stories/{id}/events: a new event with any field the desk form has. */
export const POST: RequestHandler = async (event) => {
	const actor = actorFor(event);
	const storyId = parseId(event.params.id);
	if (storyId === null) return problem(404, 'No story with that id.');
	const body = await readObject(event.request);
	if (body instanceof Response) return body;
	const bad = shapeProblem(NewEvent, body);
	if (bad) return bad;
	const result = await createEvent(actor, storyId, body);
	if (result.kind !== 'ok') return refusal(result);
	const created = result.value;
	return json(eventBody(created), {
		status: 201,
		headers: { ETag: etag(created.version), Location: `/api/v1/events/${created.id}` }
	});
};
