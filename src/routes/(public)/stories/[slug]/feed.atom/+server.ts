import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { ATOM_CONTENT_TYPE, buildAtomFeed } from '$lib/server/feeds/atom';
import { FEED_CACHE_CONTROL, loadStoryFeed } from '$lib/server/feeds/story-feed';

/** The story's Atom feed: one entry per published event and accepted article. */
export const GET: RequestHandler = async ({ params, url }) => {
	const input = await loadStoryFeed(params.slug, url.origin);
	if (!input) error(404, 'Story not found');
	return new Response(buildAtomFeed(input), {
		headers: { 'Content-Type': ATOM_CONTENT_TYPE, 'Cache-Control': FEED_CACHE_CONTROL }
	});
};
