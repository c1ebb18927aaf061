import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import * as articles from '$lib/server/db/articles';
import * as deskEvents from '$lib/server/db/desk-events';
import * as deskStories from '$lib/server/db/desk-stories';
import { actorOf } from '$lib/server/newsroom/actor';
import { may } from '$lib/server/newsroom/policy';
import * as stories from '$lib/server/newsroom/stories';
import { formValues, intField } from '$lib/desk/form';
import type { Story } from '$lib/types';
import { refusedOrMissing, saveAnswer } from './save-answer';

const storyId = (event: RequestEvent) => {
	const id = Number(event.params.id);
	if (!Number.isInteger(id) || id < 1) error(404, 'Story not found');
	return id;
};

const asValues = (story: Story): Record<string, string> => ({
	title: story.title,
	slug: story.slug,
	summary: story.summary,
	status: story.status,
	language: story.language
});

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'contributor');
	const id = storyId(event);
	const story = await deskStories.get(id);
	if (!story) error(404, 'Story not found');
	const [storyArticles, events, inbox] = await Promise.all([
		articles.listForStory(id),
		deskEvents.listForStory(id),
		deskStories.unfiledArticles(50)
	]);
	const state = story.publication === 'published' ? 'published' : 'draft';
	return {
		story,
		values: asValues(story),
		articles: storyArticles,
		events: events.map(({ sources, ...rest }) => ({ ...rest, sourceCount: sources.length })),
		candidates: inbox.first,
		canPublish: hasRole(user, 'editor'),
		canArrange: may(user.role, 'story.arrangeArticles', state)
	};
};

/** The signed-in staff member as the commands take them (anonymous callers go to sign in). */
const actor = (event: RequestEvent, role: 'contributor' | 'editor' = 'contributor') =>
	actorOf(requireRole(event, role), event.getClientAddress());

/** Publishes or withdraws, against the version the page showed. */
async function publication(event: RequestEvent, to: 'draft' | 'published') {
	const who = actor(event);
	const id = storyId(event);
	// A form without its version is answered as stale, after the role check, like any other.
	const version = intField(await event.request.formData(), 'version') ?? 0;
	const result = await stories.setStoryPublication(who, id, version, to);
	if (result.kind !== 'ok') return refusedOrMissing(result);
	return { message: to === 'published' ? 'Published.' : 'Withdrawn: readers no longer see it.' };
}

/** The article links: each change is one row, checked against the story's publication. */
async function articleChange(
	event: RequestEvent,
	run: (
		who: ReturnType<typeof actor>,
		id: number,
		articleId: number,
		data: FormData
	) => ReturnType<typeof stories.detachArticle>
) {
	const who = actor(event);
	const id = storyId(event);
	const data = await event.request.formData();
	const articleId = intField(data, 'articleId');
	if (articleId === null) return fail(400, { message: 'Choose an article.' });
	const result = await run(who, id, articleId, data);
	if (result.kind !== 'ok') return refusedOrMissing(result);
	return { message: 'Articles updated.' };
}

export const actions: Actions = {
	save: async (event) => {
		const who = actor(event);
		const id = storyId(event);
		const data = await event.request.formData();
		const values = formValues(data);
		const version = intField(data, 'version');
		if (version === null)
			return fail(400, { errors: {}, values, version, message: 'Reload the page.' });
		const input = Object.fromEntries(stories.STORY_FIELDS.map((key) => [key, values[key] ?? '']));
		return saveAnswer(await stories.saveStory(who, id, version, input), values, version);
	},
	publish: (event) => publication(event, 'published'),
	unpublish: (event) => publication(event, 'draft'),
	delete: async (event) => {
		const result = await stories.deleteStory(actor(event), storyId(event), null);
		if (result.kind !== 'ok') return refusedOrMissing(result);
		redirect(303, '/desk/trash');
	},
	attach: (event) =>
		articleChange(event, (who, id, articleId, data) =>
			stories.attachArticle(who, { storyId: id, articleId, role: data.get('role') || undefined })
		),
	move: (event) =>
		articleChange(event, (who, id, articleId, data) =>
			stories.moveArticle(who, id, articleId, data.get('direction') === 'up' ? 'up' : 'down')
		),
	role: (event) =>
		articleChange(event, (who, id, articleId, data) =>
			stories.setArticleRole(who, id, articleId, data.get('role'))
		),
	detach: (event) =>
		articleChange(event, (who, id, articleId) => stories.detachArticle(who, id, articleId))
};
