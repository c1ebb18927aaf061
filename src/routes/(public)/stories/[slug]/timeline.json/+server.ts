import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as events from '$lib/server/db/events';
import * as imports from '$lib/server/db/imports';
import * as stories from '$lib/server/db/stories';
import { toTimelineJs } from '$lib/timelinejs/export';
import { edgeResponse } from '$lib/server/http/edge-cache';

/** The story as TimelineJS3 JSON, for newsrooms that embed Knight Lab's TimelineJS. */
export const GET: RequestHandler = async ({ params, url, request }) => {
	const story = await stories.getPublishedBySlug(params.slug);
	if (!story) error(404, 'Story not found');
	const [list, groups] = await Promise.all([
		events.listForStory(story.id, { publishedOnly: true }),
		imports.groupLabels(story.id)
	]);
	const document = toTimelineJs(
		{ title: story.title, summary: story.summary, url: `${url.origin}/stories/${story.slug}` },
		list,
		groups
	);
	// Other sites' TimelineJS embeds fetch this: readable from anywhere, like the API.
	return edgeResponse(
		request,
		story.id,
		JSON.stringify(document),
		{ 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
		60
	);
};
