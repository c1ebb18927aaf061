import { actAs, sql, type Db } from '../db/client';
import * as suggestions from '../db/suggestions';
import type { FileOutcome } from '../db/suggestions';
import type { ArticleRole } from '../../types';
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

/**
 * Files an article in a story as `userId` (accepted, with who decided and when), keeping
 * the score and reasons the story had among the article's suggestions, if it was one of them.
 * The desk's Accept and POST /api/v1/stories/{id}/articles both go through here.
 */
export async function fileAsSuggested(input: {
	articleId: number;
	storyId: number;
	userId: number;
	role?: ArticleRole;
}): Promise<{ outcome: FileOutcome; storyTitle: string | null }> {
	const suggested = (await suggestStories(input.articleId, { limit: 25 }))?.suggestions.find(
		(s) => s.storyId === input.storyId
	);
	const outcome = await sql.begin(async (tx) => {
		await actAs(input.userId, tx);
		return suggestions.fileArticle(
			{
				storyId: input.storyId,
				articleId: input.articleId,
				...(input.role ? { role: input.role } : {}),
				decidedBy: input.userId,
				score: suggested?.score ?? null,
				reasons: suggested?.reasons ?? null
			},
			tx
		);
	});
	return { outcome, storyTitle: suggested?.title ?? null };
}
