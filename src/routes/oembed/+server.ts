import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as stories from '$lib/server/db/stories';
import { buildOEmbed, parseMax, parseTarget } from '$lib/embed/oembed';
import { edgeHeaders } from '$lib/server/http/edge-cache';

/**
 * oEmbed provider endpoint (https://oembed.com, 2.2): JSON only (501 otherwise); 404 for URLs
 * that are not a published story of this site. The URL is only parsed, never fetched.
 */
export const GET: RequestHandler = async ({ url }) => {
	const format = url.searchParams.get('format') ?? 'json';
	if (format !== 'json') return json({ error: 'Only format=json is supported.' }, { status: 501 });

	const target = parseTarget(url.searchParams.get('url'), url.origin);
	const story = target ? await stories.getPublishedBySlug(target.slug) : undefined;
	if (!target || !story)
		return json({ error: 'Not a published story on this site.' }, { status: 404 });

	const body = buildOEmbed({
		origin: url.origin,
		slug: story.slug,
		title: story.title,
		query: target.query,
		maxWidth: parseMax(url.searchParams.get('maxwidth')),
		maxHeight: parseMax(url.searchParams.get('maxheight'))
	});
	return json(body, {
		headers: {
			...edgeHeaders(story.id, 300),
			'access-control-allow-origin': '*'
		}
	});
};
