import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as stories from '$lib/server/db/stories';
import * as events from '$lib/server/db/events';
import * as articles from '$lib/server/db/articles';

export const load: PageServerLoad = async ({ params }) => {
	const story = await stories.getPublishedBySlug(params.slug);
	if (!story) error(404, 'Story not found');

	const [eventList, articleList] = await Promise.all([
		events.listForStory(story.id, { publishedOnly: true }),
		articles.listForStory(story.id)
	]);
	return { story, events: eventList, articles: articleList };
};
