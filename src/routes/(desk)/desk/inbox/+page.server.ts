import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as suggestions from '$lib/server/db/suggestions';
import { suggestStories } from '$lib/server/suggest/suggest';
import { accept, newStory, reject } from '$lib/server/suggest/desk-actions';

/** Unfiled articles, newest first, each with its top three story suggestions. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'contributor');
	const unfiled = await suggestions.listUnfiled(30);
	const items = await Promise.all(
		unfiled.map(async (article) => ({
			article,
			...((await suggestStories(article.id, { limit: 3 })) ?? {
				suggestions: [],
				newStory: { recommended: true, reason: '' }
			})
		}))
	);
	return { items, canDecide: user.role !== 'contributor' };
};

export const actions: Actions = { accept, reject, newStory };
