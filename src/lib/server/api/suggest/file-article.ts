import { json, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/newsroom/actor';
import { fileInStory } from '$lib/server/newsroom/articles';
import { fieldErrors } from '$lib/schemas/errors';
import { AttachArticle } from '$lib/schemas/parts';
import { invalid, parseId, problem, readObject } from '$lib/server/api/desk/http';
import { refusal } from '$lib/server/api/desk/story';

/**
 * POST /api/v1/stories/{id}/articles `{articleId, role?}`: files an article in the story. On a
 * published story the article becomes public, so that needs an editor; a contributor may file
 * in a draft. The link is accepted, with who decided and when; when the story was among the
 * article's suggestions its score and reasons are kept. 201 when filed, 200 when it already
 * was, 404 when the story or article is unknown, 400 for a bad body.
 */
export const POST: RequestHandler = async (event) => {
	const user = requireApiRole(event, 'contributor');
	const storyId = parseId(event.params.id);
	if (storyId === null) return problem(404, 'No story with that id.');
	const body = await readObject(event.request);
	if (body instanceof Response) return body;
	const checked = AttachArticle.safeParse(body);
	if (!checked.success) return invalid(fieldErrors(checked.error));
	const { articleId } = checked.data;
	const actor = actorOf(user, event.getClientAddress());
	const result = await fileInStory(actor, { articleId, storyId, role: checked.data.role });
	if (result.kind !== 'ok') return refusal(result);
	const { filed } = result.value;
	return json({ storyId, articleId, state: 'accepted', filed }, { status: filed ? 201 : 200 });
};
