import type { PageServerLoad } from './$types';
import * as articles from '$lib/server/db/articles';
import * as stories from '$lib/server/db/stories';
import { sparkline, type DayCount } from '$lib/charts/sparkline';
import { normaliseQuery } from '$lib/format/search-text';
import { readerLocale } from '$lib/story/reader-locale';

export const load: PageServerLoad = async ({ url, locals }) => {
	// Many stories, many languages: the index speaks `?lang=`, else English.
	const { locale, dir } = readerLocale(url.searchParams);
	locals.pageLang = locale;
	const q = normaliseQuery(url.searchParams.get('q'));
	if (q) {
		const [storyHits, articleHits] = await Promise.all([stories.search(q), articles.search(q)]);
		return { q, locale, dir, search: { stories: storyHits, articles: articleHits }, stories: [] };
	}

	// The data layer already orders developing stories first, then by latest activity.
	const list = await stories.listPublished();
	const activity = await stories.listDailyActivity(list.map((story) => story.id));
	const days = new Map<number, DayCount[]>();
	for (const { storyId, day, count } of activity) {
		days.set(storyId, [...(days.get(storyId) ?? []), { day, count }]);
	}
	return {
		q,
		locale,
		dir,
		search: null,
		stories: list.map((story) => ({
			...story,
			activity: sparkline(days.get(story.id) ?? [], { width: 160, height: 32 })
		}))
	};
};
