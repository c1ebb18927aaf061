import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as deskStories from '$lib/server/db/desk-stories';
import * as revisions from '$lib/server/db/revisions';
import { changeLines } from '$lib/desk/recent-changes';

/** The desk home: every story by last activity, the unfiled inbox, the latest changes. */
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'contributor');
	const [stories, inbox, recent] = await Promise.all([
		deskStories.listForDesk(),
		deskStories.unfiledArticles(5),
		// Read more than are shown: runs of one change fold into one line.
		revisions.recentWithPrevious(60)
	]);
	return {
		stories,
		inbox,
		recent: changeLines(recent, 15)
	};
};
