import { actAs } from '$lib/server/db/client';
import { json, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import { sql } from '$lib/server/db/client';
import * as suggestions from '$lib/server/db/suggestions';
import { invalid, readObject } from '$lib/server/api/desk/http';

/** Checks `{title, summary?}`: the field errors, or the cleaned values. */
export function checkNewStory(
	body: Record<string, unknown>
): { errors: Record<string, string> } | { values: { title: string; summary: string } } {
	const errors: Record<string, string> = {};
	const title = typeof body.title === 'string' ? body.title.trim() : '';
	if (typeof body.title !== 'string' || title === '') errors.title = 'Give the story a title.';
	else if (title.length > 300) errors.title = 'Keep the title under 300 characters.';
	if (body.summary !== undefined && body.summary !== null && typeof body.summary !== 'string')
		errors.summary = 'The summary must be text.';
	const summary = typeof body.summary === 'string' ? body.summary.trim() : '';
	if (summary.length > 5000) errors.summary = 'Keep the summary under 5,000 characters.';
	return Object.keys(errors).length ? { errors } : { values: { title, summary } };
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
