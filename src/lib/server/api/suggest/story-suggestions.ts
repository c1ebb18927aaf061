import { json, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/newsroom/actor';
import { rejectSuggestion } from '$lib/server/newsroom/articles';
import { suggestStories } from '$lib/server/suggest/suggest';
import { refusal } from '$lib/server/api/desk/story';
import { invalid, parseId, problem, readObject } from '$lib/server/api/desk/http';
import { fieldErrors } from '$lib/schemas/errors';
import { RejectSuggestion } from '$lib/schemas/parts';

/**
 * GET /api/v1/articles/{id}/story-suggestions (contributor): the stories the article may
 * continue, best first, `{suggestions: [{storyId, slug, title, score, reasons}], newStory:
 * {recommended, reason}}`. Stories it was rejected from or is filed in are never proposed.
 */
export const GET: RequestHandler = async (event) => {
	requireApiRole(event, 'contributor');
	const id = parseId(event.params.id);
	if (id === null) return problem(404, 'No article with that id.');
	const result = await suggestStories(id);
	if (!result) return problem(404, 'No article with that id.');
	return json(result, { headers: { 'Cache-Control': 'no-store' } });
};

/**
 * POST /api/v1/articles/{id}/story-suggestions/rejections `{storyId}` (contributor): the article
 * does not belong in that story; it is recorded (state rejected, by whom) and never proposed
 * again. 201 `{storyId, articleId, state}`; 404 unknown article or story; 400 when already filed
 * there.
 */
export const REJECT: RequestHandler = async (event) => {
	const user = requireApiRole(event, 'contributor');
	const articleId = parseId(event.params.id);
	if (articleId === null) return problem(404, 'No article with that id.');
	const body = await readObject(event.request);
	if (body instanceof Response) return body;
	const checked = RejectSuggestion.safeParse(body);
	if (!checked.success) return invalid(fieldErrors(checked.error));
	const { storyId } = checked.data;
	const actor = actorOf(user, event.getClientAddress());
	const result = await rejectSuggestion(actor, { articleId, storyId });
	if (result.kind !== 'ok') return refusal(result);
	return json({ storyId, articleId, state: 'rejected' }, { status: 201 });
};
