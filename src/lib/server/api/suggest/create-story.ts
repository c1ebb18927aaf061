import { actAs } from '$lib/server/db/client';
import { json, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import { sql } from '$lib/server/db/client';
import * as suggestions from '$lib/server/db/suggestions';
import { invalid, readObject } from '$lib/server/api/desk/http';
import { fieldErrors } from '$lib/schemas/errors';
import { NewStory } from '$lib/schemas/story';

/** Checks `{title, summary?}` on the NewStory schema: the field errors, or the cleaned values. */
export function checkNewStory(
	body: Record<string, unknown>
): { errors: Record<string, string> } | { values: { title: string; summary: string } } {
	const checked = NewStory.safeParse(body);
	if (!checked.success) return { errors: fieldErrors(checked.error) };
	return { values: { title: checked.data.title, summary: checked.data.summary ?? '' } };
}

/**
 * POST /api/v1/stories `{title, summary?}`: opens a draft story (editor), its slug made from the
 * title and unique. 201 with the story; 400 `{error, fields}` for bad input.
 */
export const POST: RequestHandler = async (event) => {
	const user = requireApiRole(event, 'editor');
	const body = await readObject(event.request);
	if (body instanceof Response) return body;
	const checked = checkNewStory(body);
	if ('errors' in checked) return invalid(checked.errors);
	const story = await sql.begin(async (tx) => {
		await actAs(user.id, tx);
		return suggestions.createDraftStory(checked.values, tx);
	});
	return json(story, { status: 201, headers: { Location: `/api/v1/stories/${story.id}` } });
};
