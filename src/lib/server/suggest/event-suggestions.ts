import { sql, type Db } from '../db/client';
import * as suggestions from '../db/suggestions';
import { proposeEvents, type EventProposal } from '../extract/events';
import { matchEvent } from '../extract/match';

export interface EventSuggestion extends EventProposal {
	matchesEventId?: number;
}

/**
 * The events an article reports, minus proposals an editor already decided, each matched
 * against the timeline of the stories the article is filed in.
 */
export async function suggestEvents(
	articleId: number,
	db: Db = sql
): Promise<EventSuggestion[] | undefined> {
	const article = await suggestions.getForAnalysis(articleId, db);
	if (!article) return undefined;
	const [known, existing, decided] = await Promise.all([
		suggestions.knownEntities(db),
		suggestions.eventsOfArticleStories(articleId, db),
		suggestions.decidedProposals(articleId, db)
	]);
	return proposeEvents(article.body, article.publishedAt, known, existing)
		.filter((proposal) => !decided.has(proposal.fingerprint))
		.map((proposal) => {
			if (proposal.matchesEventId !== undefined) return proposal;
			const match = matchEvent(proposal, existing);
			return match ? { ...proposal, matchesEventId: match.id } : proposal;
		});
}
