import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import type { Story } from '$lib/types';
import * as revisions from '$lib/server/db/revisions';
import { loadStoryPage } from '$lib/server/story/page-data';
import { field } from '$lib/server/revisions/snapshot';
import { asofCutoff, parseAsof } from '$lib/story/url-state';
import { readerLocale, storyLanguage } from '$lib/story/reader-locale';

/** The story's title and summary as its last revision before the "as of" day's end had them. */
async function storyAsOf(story: Story, asof: string): Promise<Story> {
	const snapshot = await revisions.storyBefore(story.id, asofCutoff(asof));
	if (!snapshot) return story;
	const text = (column: string, fallback: string) => {
		const value = field(snapshot, column);
		return typeof value === 'string' ? value : fallback;
	};
	return { ...story, title: text('title', story.title), summary: text('summary', story.summary) };
}

export const load: PageServerLoad = async ({ params, url, locals }) => {
	// Read here even when the page cache loaded the data already: SvelteKit reruns this load in
	// the browser's navigations only for the parts of the URL it saw read ("as of", "lang").
	const { asof } = parseAsof(url.searchParams);
	const loaded = locals.storyPage ?? (await loadStoryPage(params.slug, asof, url.origin));
	if (!loaded) {
		locals.pageLang = readerLocale(url.searchParams).locale;
		error(404, 'Story not found');
	}
	// `?lang=` is part of the page cache's key (the whole URL), so no language is served another's.
	const { locale, dir } = readerLocale(url.searchParams, storyLanguage(loaded.data.story));
	locals.pageLang = locale;
	// The story's JSON-LD, for crawlers (http/head-extras.ts).
	locals.headHtml = loaded.headHtml();
	const story = asof ? await storyAsOf(loaded.data.story, asof) : loaded.data.story;
	return { ...loaded.data, story, locale, dir };
};
