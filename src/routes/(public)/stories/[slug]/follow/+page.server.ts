import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as stories from '$lib/server/db/stories';
import { readerLocale, storyLanguage } from '$lib/story/reader-locale';

/** How to follow a story: its feeds' addresses, for readers who have never used a feed reader. */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const story = await stories.getPublishedBySlug(params.slug);
	if (!story) {
		locals.pageLang = readerLocale(url.searchParams).locale;
		error(404, 'Story not found');
	}
	const { locale, dir } = readerLocale(url.searchParams, storyLanguage(story));
	locals.pageLang = locale;
	const base = `${url.origin}/stories/${encodeURIComponent(story.slug)}`;
	return {
		story: { slug: story.slug, title: story.title },
		atomUrl: `${base}/feed.atom`,
		jsonUrl: `${base}/feed.json`,
		locale,
		dir
	};
};
