import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { buildJsonFeed, JSON_FEED_CONTENT_TYPE } from '$lib/server/feeds/json-feed';
import { FEED_CACHE_CONTROL, loadStoryFeed } from '$lib/server/feeds/story-feed';

/** The story's JSON Feed 1.1: the same entries as the Atom feed. */
export const GET: RequestHandler = async ({ params, url }) => {
	const input = await loadStoryFeed(params.slug, url.origin);
	if (!input) error(404, 'Story not found');
	return new Response(JSON.stringify(buildJsonFeed(input)), {
		headers: { 'Content-Type': JSON_FEED_CONTENT_TYPE, 'Cache-Control': FEED_CACHE_CONTROL }
	});
};
