import { sql, type Db } from '../db/client';
import * as suggestions from '../db/suggestions';
import { proposeEvents, type EventProposal } from '../extract/events';
import { matchEvent } from '../extract/match';

export interface EventSuggestion extends EventProposal {
	matchesEventId?: number;
}

/**
 * The extractor reads English only (its verbs, date phrases and attributions are English), so
 * other articles get no proposals rather than nonsense. 'und' (too short to tell) is tried.
 */
export function extractsEventsIn(language: string): boolean {
	const primary = language.toLowerCase().split('-')[0];
	return primary === 'en' || primary === 'und';
}

/** Why an article gets no proposals whatever it says (the API's `reason`). */
export const NOT_EXTRACTED = 'Event proposals are available for English articles.';

export interface EventSuggestions {
	events: EventSuggestion[];
	/** Set when the article's language keeps the extractor away: then `events` is empty. */
	reason: string | null;
}

/**
 * The events an article reports, minus proposals an editor already decided, each matched
 * against the timeline of the stories the article is filed in; none, with the reason, for an
 * article in a language the extractor does not read.
 */
export async function suggestEventsFor(
	articleId: number,
	db: Db = sql
): Promise<EventSuggestions | undefined> {
	const article = await suggestions.getForAnalysis(articleId, db);
	if (!article) return undefined;
	if (!extractsEventsIn(article.language)) return { events: [], reason: NOT_EXTRACTED };
	const [known, existing, decided] = await Promise.all([
		suggestions.knownEntities(db),
		suggestions.eventsOfArticleStories(articleId, db),
		suggestions.decidedProposals(articleId, db)
	]);
	const events = proposeEvents(article.body, article.publishedAt, known, existing)
		.filter((proposal) => !decided.has(proposal.fingerprint))
		.map((proposal) => {
			if (proposal.matchesEventId !== undefined) return proposal;
			const match = matchEvent(proposal, existing);
			return match ? { ...proposal, matchesEventId: match.id } : proposal;
		});
	return { events, reason: null };
}

/** The proposals alone (undefined for an unknown article). */
export async function suggestEvents(
	articleId: number,
	db: Db = sql
): Promise<EventSuggestion[] | undefined> {
	return (await suggestEventsFor(articleId, db))?.events;
}
