import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import * as deskStories from '$lib/server/db/desk-stories';
import { historyOf, restoreFromForm } from '$lib/server/revisions/history';

async function storyOf(param: string) {
	const story = /^\d{1,9}$/.test(param) ? await deskStories.get(Number(param)) : undefined;
	if (!story) error(404, 'Story not found');
	return story;
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'contributor');
	const story = await storyOf(event.params.id);
	return {
		story,
		entries: await historyOf('story', story.id),
		canRestore: hasRole(user, 'editor')
	};
};

export const actions: Actions = {
	restore: async (event) => restoreFromForm(event, 'story', (await storyOf(event.params.id)).id)
};
