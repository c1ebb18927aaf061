/**
 * The form actions the inbox and the article review page share: file an article in a suggested
 * story, reject a suggestion, or start a new story with the article. The commands decide who
 * may (filing in a published story needs an editor); these map their answers to the page.
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/newsroom/actor';
import * as articles from '$lib/server/newsroom/articles';
import type { CommandResult } from '$lib/server/newsroom/result';
import { intField } from '$lib/desk/form';

async function read(event: RequestEvent) {
	const actor = actorOf(requireRole(event, 'contributor'), event.getClientAddress());
	const data = await event.request.formData();
	return {
		actor,
		data,
		articleId: intField(data, 'articleId'),
		storyId: intField(data, 'storyId')
	};
}

/** Refusals are whole-page answers; a vanished article or story is said beside the article. */
function refusal(result: Exclude<CommandResult<unknown>, { kind: 'ok' }>, articleId: number) {
	if (result.kind === 'forbidden') error(403, result.message);
	if (result.kind === 'notFound')
		return fail(404, { articleId, error: 'That article or story no longer exists.' });
	const message = result.kind === 'invalid' ? Object.values(result.errors)[0] : undefined;
	return fail(400, { articleId, error: message ?? 'Reload the page and try again.' });
}

/** Files the article in the story (accepted), keeping the suggestion's score and reasons. */
export async function accept(event: RequestEvent) {
	const { actor, articleId, storyId } = await read(event);
	if (articleId === null || storyId === null)
		return fail(400, { articleId, error: 'Choose an article and a story.' });
	const result = await articles.fileInStory(actor, { articleId, storyId });
	if (result.kind !== 'ok') return refusal(result, articleId);
	return { articleId, message: `Filed in “${result.value.storyTitle}”.` };
}

/** Records that the article does not belong in the story; it is not suggested there again. */
export async function reject(event: RequestEvent) {
	const { actor, articleId, storyId } = await read(event);
	if (articleId === null || storyId === null)
		return fail(400, { articleId, error: 'Choose an article and a story.' });
	const result = await articles.rejectSuggestion(actor, { articleId, storyId });
	if (result.kind !== 'ok') return refusal(result, articleId);
	return { articleId, message: 'Suggestion rejected: it will not be offered again.' };
}

/** Starts a draft story titled by the editor and files the article in it as the first report. */
export async function newStory(event: RequestEvent) {
	const { actor, data, articleId } = await read(event);
	const raw = data.get('title');
	const values = { title: typeof raw === 'string' ? raw : '' };
	if (articleId === null) return fail(400, { articleId, error: 'Choose an article.', values });
	const result = await articles.startStoryWith(actor, { articleId, title: values.title });
	if (result.kind === 'invalid')
		return fail(400, { articleId, values, errors: { title: result.errors.title ?? '' } });
	if (result.kind !== 'ok') return refusal(result, articleId);
	return {
		articleId,
		message: `Started the draft story “${result.value.title}”.`,
		storyId: result.value.storyId
	};
}
