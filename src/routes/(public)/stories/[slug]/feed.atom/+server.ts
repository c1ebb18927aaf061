import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { atomContentType, buildAtomFeed } from '$lib/server/feeds/atom';
import { FEED_BROWSER_SECONDS, loadStoryFeed } from '$lib/server/feeds/story-feed';
import { edgeResponse } from '$lib/server/http/edge-cache';

/**
 * The story's Atom feed: one entry per published event and accepted article. Opened in a
 * browser it shows as a page (atomContentType, static/feed.xsl).
 */
export const GET: RequestHandler = async ({ params, url, request }) => {
	const input = await loadStoryFeed(params.slug, url.origin);
	if (!input) error(404, 'Story not found');
	return edgeResponse(
		request,
		input.story.id,
		buildAtomFeed(input),
		{ 'Content-Type': atomContentType(request.headers.get('accept')), Vary: 'Accept' },
		FEED_BROWSER_SECONDS
	);
};
