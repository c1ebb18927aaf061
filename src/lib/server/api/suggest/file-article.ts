import { json, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import { fileAsSuggested } from '$lib/server/suggest/suggest';
import { fieldErrors } from '$lib/schemas/errors';
import { AttachArticle } from '$lib/schemas/parts';
import { invalid, parseId, problem, readObject } from '$lib/server/api/desk/http';

/**
 * POST /api/v1/stories/{id}/articles `{articleId, role?}`: files an article in the story.
 * Filing is curation, so it needs an editor (contributors may read suggestions only). The link
 * is accepted, with who decided and when; when the story was among the article's suggestions
 * its score and reasons are kept. 201 when filed, 200 when it already was, 404 when the story
 * or article is unknown, 400 for a bad body.
 */
export const POST: RequestHandler = async (event) => {
	const user = requireApiRole(event, 'editor');
	const storyId = parseId(event.params.id);
	if (storyId === null) return problem(404, 'No story with that id.');
	const body = await readObject(event.request);
	if (body instanceof Response) return body;
	const checked = AttachArticle.safeParse(body);
	if (!checked.success) return invalid(fieldErrors(checked.error));
	const { articleId } = checked.data;
	const role = checked.data.role ?? 'update';

	const { outcome } = await fileAsSuggested({
		articleId,
		storyId,
		userId: user.id,
		role
	});
	if (outcome === 'not_found') return problem(404, 'No such story or article.');
	const status = outcome === 'filed' ? 201 : 200;
	return json({ storyId, articleId, state: 'accepted', filed: outcome === 'filed' }, { status });
};
