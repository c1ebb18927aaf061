/**
 * The form actions the inbox and the article review page share: file an article in a suggested
 * story, reject a suggestion, or start a new story with the article. Each checks the editor role
 * itself (a layout guard does not protect actions) and answers bad input with fail(400).
 */
import { actAs } from '$lib/server/db/client';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { sql } from '$lib/server/db/client';
import * as suggestions from '$lib/server/db/suggestions';
import { fileAsSuggested } from './suggest';
import { intField } from '$lib/desk/form';

async function ids(event: RequestEvent) {
	const data = await event.request.formData();
	return { data, articleId: intField(data, 'articleId'), storyId: intField(data, 'storyId') };
}

/** Files the article in the story (accepted), keeping the suggestion's score and reasons. */
export async function accept(event: RequestEvent) {
	const user = requireRole(event, 'editor');
	const { articleId, storyId } = await ids(event);
	if (articleId === null || storyId === null)
		return fail(400, { articleId, error: 'Choose an article and a story.' });
	const { outcome, storyTitle } = await fileAsSuggested({ articleId, storyId, userId: user.id });
	if (outcome === 'not_found')
		return fail(404, { articleId, error: 'That article or story no longer exists.' });
	return { articleId, message: `Filed in “${storyTitle ?? 'the story'}”.` };
}

/** Records that the article does not belong in the story; it is not suggested there again. */
export async function reject(event: RequestEvent) {
	const user = requireRole(event, 'editor');
	const { articleId, storyId } = await ids(event);
	if (articleId === null || storyId === null)
		return fail(400, { articleId, error: 'Choose an article and a story.' });
	const done = await sql.begin(async (tx) => {
		await actAs(user.id, tx);
		return suggestions.rejectSuggestion({ storyId, articleId, decidedBy: user.id }, tx);
	});
	if (!done) return fail(404, { articleId, error: 'That article or story no longer exists.' });
	return { articleId, message: 'Suggestion rejected: it will not be offered again.' };
}

/** Starts a draft story titled by the editor and files the article in it as the first report. */
export async function newStory(event: RequestEvent) {
	const user = requireRole(event, 'editor');
	const { data, articleId } = await ids(event);
	const raw = data.get('title');
	const title = typeof raw === 'string' ? raw.trim() : '';
	const values = { title: typeof raw === 'string' ? raw : '' };
	if (articleId === null) return fail(400, { articleId, error: 'Choose an article.', values });
	if (title === '' || title.length > 300)
		return fail(400, {
			articleId,
			values,
			errors: { title: title ? 'Keep the title under 300 characters.' : 'Give the story a title.' }
		});
	const story = await sql.begin(async (tx) => {
		await actAs(user.id, tx);
		const created = await suggestions.createDraftStory({ title }, tx);
		const outcome = await suggestions.fileArticle(
			{ storyId: created.id, articleId, role: 'first_report', decidedBy: user.id },
			tx
		);
		if (outcome === 'not_found') throw new Error('article vanished');
		return created;
	});
	return { articleId, message: `Started the draft story “${story.title}”.`, storyId: story.id };
}
