import * as suggestions from '$lib/server/db/suggestions';
import type { ArticleForAnalysis } from '$lib/server/db/suggestions';
import { proposeEvents } from '$lib/server/extract/events';
import type { Outcome } from './ArticleOutcomes.svelte';

/**
 * What the article made, as the page lists it: each decided proposal with the event it became
 * or merged into. A rejection made no event, so its title is the proposal's, proposed again
 * from the article's text (decisions keep only the proposal's fingerprint).
 */
export async function articleOutcomes(article: ArticleForAnalysis): Promise<Outcome[]> {
	const rows = await suggestions.outcomesOfArticle(article.id);
	if (rows.length === 0) return [];
	const needsTitle = rows.some((row) => row.eventTitle === null);
	const proposed = needsTitle
		? proposeEvents(article.body, article.publishedAt, await suggestions.knownEntities())
		: [];
	const titles = new Map(proposed.map((p) => [p.fingerprint, p.title]));
	return rows.map((row) => ({
		fingerprint: row.fingerprint,
		decision: row.decision,
		title: row.eventTitle ?? titles.get(row.fingerprint) ?? '—',
		eventId: row.eventId,
		eventStatus: row.eventStatus,
		eventDeleted: row.eventDeleted
	}));
}
