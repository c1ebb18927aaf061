import type { PageServerLoad } from './$types';
import * as stories from '$lib/server/db/stories';

export const load: PageServerLoad = async () => {
	// The data layer already orders developing stories first, then by latest activity.
	return { stories: await stories.listPublished() };
};
