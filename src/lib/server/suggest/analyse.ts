import type { Db } from '../db/client';
import * as suggestions from '../db/suggestions';
import { extractEntities } from '../extract/entities';

/**
 * After an article is stored, index what the suggesters need: the people, organisations and
 * places it names (article_entities, creating entities it is the first to name). Called inside
 * the ingest transaction; re-running it replaces the links.
 */
export async function analyseArticle(articleId: number, db: Db): Promise<void> {
	const article = await suggestions.getForAnalysis(articleId, db);
	if (!article) return;
	const known = await suggestions.knownEntities(db);
	const text = [article.headline, article.dek ?? '', article.body].join('\n\n');
	await suggestions.storeArticleEntities(articleId, extractEntities(text, known), db);
}
