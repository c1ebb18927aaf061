import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as deskStories from '$lib/server/db/desk-stories';
import * as revisions from '$lib/server/db/revisions';

/** The desk home: every story by last activity, the unfiled inbox, the latest changes. */
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'contributor');
	const [stories, inbox, recent] = await Promise.all([
		deskStories.listForDesk(),
		deskStories.unfiledArticles(5),
		revisions.recent(15)
	]);
	return {
		stories,
		inbox,
		recent: recent.map(
			({ id, storyId, storyTitle, entityType, entityId, authorName, createdAt, snapshot }) => ({
				id,
				storyId,
				storyTitle,
				entityType,
				entityId,
				authorName,
				createdAt,
				title: typeof snapshot.title === 'string' ? snapshot.title : ''
			})
		)
	};
};
