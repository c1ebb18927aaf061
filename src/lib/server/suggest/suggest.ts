import { sql, type Db } from '../db/client';
import * as suggestions from '../db/suggestions';
import { adviseNewStory, rankStories, type NewStoryAdvice, type ScoredStory } from './score';

export interface StorySuggestions {
	suggestions: ScoredStory[];
	newStory: NewStoryAdvice;
}

/** The stories an article may continue, best first, and whether to start a new one instead. */
export async function suggestStories(
	articleId: number,
	options: { limit?: number } = {},
	db: Db = sql
): Promise<StorySuggestions | undefined> {
	const article = await suggestions.getForAnalysis(articleId, db);
	if (!article) return undefined;
	const features = await suggestions.candidateFeatures(articleId, db);
	const ranked = rankStories(features, article.publishedAt);
	return { suggestions: ranked.slice(0, options.limit ?? 5), newStory: adviseNewStory(ranked) };
}
