import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import * as feeds from '$lib/server/db/feeds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	const id = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : null;
	const feed = id ? await feeds.get(id) : undefined;
	if (!feed) error(404, 'No such feed.');
	return { feed, polls: await feeds.polls(feed.id) };
};
