import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { loadStoryPage } from '$lib/server/story/page-data';
import { parseAsof } from '$lib/story/url-state';
import { timelineHeadHtml } from '$lib/server/http/timeline-modules';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	// Read here even when the page cache loaded the data already: SvelteKit reruns this load in
	// the browser's navigations only for the parts of the URL it saw read ("as of").
	const { asof } = parseAsof(url.searchParams);
	const loaded = locals.storyPage ?? (await loadStoryPage(params.slug, asof, url.origin));
	if (!loaded) error(404, 'Story not found');
	// The story's JSON-LD, and the early timeline's script (timeline-modules.ts).
	locals.headHtml = loaded.headHtml() + (loaded.data.events.length ? timelineHeadHtml() : '');
	return loaded.data;
};
