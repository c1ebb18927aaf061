import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as articles from '$lib/server/db/articles';
import * as events from '$lib/server/db/events';
import { readerLocale } from '$lib/story/reader-locale';

/** Ids are positive 32-bit integers: anything else is not an article (and never reaches SQL). */
const MAX_ID = 2_147_483_647;

export const load: PageServerLoad = async ({ params, url, locals }) => {
	locals.pageLang = readerLocale(url.searchParams).locale;
	const id = /^[1-9][0-9]{0,9}$/.test(params.id) ? Number(params.id) : NaN;
	if (!(id <= MAX_ID)) error(404, 'Article not found');

	// Only an article accepted into a published story is public; the rest is a plain 404.
	const article = await articles.getPublic(id);
	if (!article) error(404, 'Article not found');
	// The article's own language stands for its story's: the page is read around its text.
	const { locale, dir } = readerLocale(url.searchParams, article.language);
	locals.pageLang = locale;

	const [places, reported] = await Promise.all([
		articles.neighbours(id),
		events.listForArticle(id)
	]);
	return { article, places, events: reported, locale, dir };
};
