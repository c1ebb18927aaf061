/**
 * PATCH / PUT / DELETE /api/v1/stories/{id} for the desk: the story commands decide (a
 * contributor may change a draft; publishing, withdrawing, changing a published story and
 * deleting need an editor); this maps their results to HTTP.
 */
import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/newsroom/actor';
import type { CommandResult } from '$lib/server/newsroom/result';
import * as stories from '$lib/server/newsroom/stories';
import { fieldErrors } from '$lib/schemas/errors';
import { StoryChange, StoryReplace } from '$lib/schemas/story';
import type { Story } from '$lib/types';
import { etag, expectedVersion, invalid, parseId, problem, readObject, stale } from './http';

function storyBody(story: Story) {
	return { ...story, publishedAt: story.publishedAt?.toISOString() ?? null };
}

/** Every outcome but success, as the API answers it. */
export function refusal(result: Exclude<CommandResult<unknown>, { kind: 'ok' }>): Response {
	switch (result.kind) {
		case 'invalid':
			return invalid(result.errors);
		case 'stale':
			return stale(result.version);
		case 'forbidden':
			return problem(403, result.message);
		case 'notFound':
			return problem(404, result.message);
	}
}

async function change(event: RequestEvent, replace: boolean): Promise<Response> {
	const user = requireApiRole(event, 'contributor');
	const id = parseId(event.params.id);
	if (id === null) return problem(404, 'No story with that id.');
	const expected = expectedVersion(event.request);
	if (expected instanceof Response) return expected;
	const body = await readObject(event.request);
	if (body instanceof Response) return body;
	// The body as the OpenAPI document describes it (StoryChange / StoryReplace): unknown
	// fields, missing PUT fields and bad values answer 400 before the command runs.
	const shape = (replace ? StoryReplace : StoryChange).safeParse(body);
	if (!shape.success) return invalid(fieldErrors(shape.error));
	const actor = actorOf(user, event.getClientAddress());
	const result = await stories.saveStory(actor, id, expected, body);
	if (result.kind !== 'ok') return refusal(result);
	return json(storyBody(result.value), { headers: { ETag: etag(result.value.version) } });
}

export const PATCH: RequestHandler = (event) => change(event, false);
export const PUT: RequestHandler = (event) => change(event, true);

export const DELETE: RequestHandler = async (event) => {
	const user = requireApiRole(event, 'contributor');
	const id = parseId(event.params.id);
	if (id === null) return problem(404, 'No story with that id.');
	const expected = expectedVersion(event.request);
	if (expected instanceof Response) return expected;
	const actor = actorOf(user, event.getClientAddress());
	const result = await stories.deleteStory(actor, id, expected);
	if (result.kind !== 'ok') return refusal(result);
	return new Response(null, { status: 204 });
};
