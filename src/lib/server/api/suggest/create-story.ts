import { json, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/newsroom/actor';
import { createStory } from '$lib/server/newsroom/stories';
import { invalid, readObject } from '$lib/server/api/desk/http';
import { refusal } from '$lib/server/api/desk/story';
import { fieldErrors } from '$lib/schemas/errors';
import { NewStory } from '$lib/schemas/story';

/**
 * POST /api/v1/stories `{title, summary?, slug?, status?}`: opens a draft story (readers see
 * nothing until an editor publishes it), its slug made from the title and unique unless given.
 * 201 with the story; 400 `{error, fields}` for bad input.
 */
export const POST: RequestHandler = async (event) => {
	const user = requireApiRole(event, 'contributor');
	const body = await readObject(event.request);
	if (body instanceof Response) return body;
	// The body as the OpenAPI document describes it (NewStory).
	const checked = NewStory.safeParse(body);
	if (!checked.success) return invalid(fieldErrors(checked.error));
	const result = await createStory(actorOf(user, event.getClientAddress()), body);
	if (result.kind !== 'ok') return refusal(result);
	const { id, slug, title, summary, publication, status, createdAt } = result.value;
	return json(
		{ id, slug, title, summary, publication, status, createdAt },
		{ status: 201, headers: { Location: `/api/v1/stories/${id}` } }
	);
};
