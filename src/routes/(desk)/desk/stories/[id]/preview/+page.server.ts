import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as articles from '$lib/server/db/articles';
import * as deskEvents from '$lib/server/db/desk-events';
import * as deskStories from '$lib/server/db/desk-stories';

/** The story as readers would see it once published: its published events, its articles. */
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'contributor');
	const id = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : 0;
	const story = await deskStories.get(id);
	if (!story) error(404, 'Story not found');
	const [events, storyArticles] = await Promise.all([
		deskEvents.listForStory(id),
		articles.listForStory(id)
	]);
	return {
		story,
		events: events.filter((e) => e.status === 'published'),
		draftCount: events.filter((e) => e.status === 'draft').length,
		articles: storyArticles
	};
};
