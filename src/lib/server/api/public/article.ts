import { json, type RequestHandler } from '@sveltejs/kit';
import * as articles from '$lib/server/db/articles';
import * as publicApi from '$lib/server/db/public-api';
import { apiError, parseId, respond } from './params';
import { articleDetailJson } from './shape';

/** GET /api/v1/articles/{id}: one public article with its sanitised body. */
export const GET: RequestHandler = ({ params }) =>
	respond(async () => {
		const id = parseId('id', params.id ?? '');
		const article = id === undefined ? undefined : await articles.getPublic(id);
		if (!article) return apiError(404, 'No public article with that id.');
		const storyIds = await publicApi.storyIdsForArticle(article.id);
		return json(articleDetailJson(article, storyIds));
	});
