import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { buildJsonFeed, JSON_FEED_CONTENT_TYPE } from '$lib/server/feeds/json-feed';
import { FEED_BROWSER_SECONDS, loadStoryFeed } from '$lib/server/feeds/story-feed';
import { edgeResponse } from '$lib/server/http/edge-cache';

/** The story's JSON Feed 1.1: the same entries as the Atom feed. */
export const GET: RequestHandler = async ({ params, url, request }) => {
	const input = await loadStoryFeed(params.slug, url.origin);
	if (!input) error(404, 'Story not found');
	return edgeResponse(
		request,
		input.story.id,
		JSON.stringify(buildJsonFeed(input)),
		{ 'Content-Type': JSON_FEED_CONTENT_TYPE },
		FEED_BROWSER_SECONDS
	);
};
