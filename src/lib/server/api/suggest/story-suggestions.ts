import { actAs } from '$lib/server/db/client';
import { json, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import { sql } from '$lib/server/db/client';
import * as suggestions from '$lib/server/db/suggestions';
import { suggestStories } from '$lib/server/suggest/suggest';
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
 * POST /api/v1/articles/{id}/story-suggestions/rejections `{storyId}` (editor): the article does
 * not belong in that story; it is recorded (state rejected, by whom) and never proposed again.
 * 201 `{storyId, articleId, state}`; 404 unknown article or story; 409 when already filed there.
 */
export const REJECT: RequestHandler = async (event) => {
	const user = requireApiRole(event, 'editor');
	const articleId = parseId(event.params.id);
	if (articleId === null) return problem(404, 'No article with that id.');
	const body = await readObject(event.request);
	if (body instanceof Response) return body;
	const checked = RejectSuggestion.safeParse(body);
	if (!checked.success) return invalid(fieldErrors(checked.error));
	const { storyId } = checked.data;
	const filed = await suggestions.storiesOfArticle(articleId);
	if (filed.some((story) => story.id === storyId))
		return problem(409, 'The article is filed in that story; remove it from the story instead.');
	const rejected = await sql.begin(async (tx) => {
		await actAs(user.id, tx);
		return suggestions.rejectSuggestion({ storyId, articleId, decidedBy: user.id }, tx);
	});
	if (!rejected) return problem(404, 'No such article or story.');
	return json({ storyId, articleId, state: 'rejected' }, { status: 201 });
};
