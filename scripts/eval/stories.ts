/**
 * Story suggestions, replayed as an editor works: each article of one half is stored and
 * analysed in publication order, its suggestions read, then filed in its labelled story (or a
 * new story is started for it, one-offs included, so later articles meet them as confusers).
 */
import type { Sql } from '../../src/lib/server/db/client';
import * as articles from '../../src/lib/server/db/articles';
import * as suggestionsDb from '../../src/lib/server/db/suggestions';
import { analyseArticle } from '../../src/lib/server/suggest/analyse';
import { suggestStories } from '../../src/lib/server/suggest/suggest';
import type { LabelledArticle } from './set';
import { ratio } from './database';

export interface StoryScores {
	asked: number;
	correct: number;
	oneOffs: number;
	oneOffsNew: number;
	misses: string[];
}

export async function storeArticle(sql: Sql, item: LabelledArticle) {
	return sql.begin(async (tx) => {
		const created = await articles.create(
			{
				source: item.source,
				headline: item.headline,
				dek: item.dek ?? null,
				body: item.body,
				publishedAt: new Date(item.publishedAt)
			},
			tx
		);
		await analyseArticle(created.id, tx);
		return created;
	});
}

export async function evaluateStories(sql: Sql, set: LabelledArticle[]): Promise<StoryScores> {
	const ordered = [...set].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
	const storyOf = new Map<string, number>();
	const scores: StoryScores = { asked: 0, correct: 0, oneOffs: 0, oneOffsNew: 0, misses: [] };
	for (const item of ordered) {
		const article = await storeArticle(sql, item);
		const result = await suggestStories(article.id, {}, sql);
		if (!result) throw new Error(`article ${item.key} vanished`);
		const top = result.suggestions[0];
		const labelled = item.story ? storyOf.get(item.story) : undefined;
		if (labelled !== undefined) {
			scores.asked += 1;
			if (top?.storyId === labelled) scores.correct += 1;
			else scores.misses.push(`${item.key}: top ${top ? top.slug : '(none)'}`);
		} else if (item.story === null) {
			scores.oneOffs += 1;
			if (result.newStory.recommended) scores.oneOffsNew += 1;
			else scores.misses.push(`${item.key}: one-off, top ${top?.slug ?? '-'}`);
		}
		await sql.begin(async (tx) => {
			let storyId = labelled;
			if (storyId === undefined) {
				const story = await suggestionsDb.createDraftStory({ title: item.headline }, tx);
				storyId = story.id;
				if (item.story) storyOf.set(item.story, storyId);
			}
			const suggested = result.suggestions.find((s) => s.storyId === storyId);
			await suggestionsDb.fileArticle(
				{
					storyId,
					articleId: article.id,
					decidedBy: null,
					score: suggested?.score ?? null,
					reasons: suggested?.reasons ?? null
				},
				tx
			);
		});
	}
	return scores;
}

export const storyPrecision = (s: StoryScores) => ratio(s.correct, s.asked);
export const oneOffShare = (s: StoryScores) => ratio(s.oneOffsNew, s.oneOffs);
