/**
 * "As of": the story as a reader could have known it at a past moment. Events first reported
 * later disappear, articles published later disappear (and stop counting as sources), and an
 * event whose verification changed later shows the state it had then. Pure, so it is unit-tested.
 */
import type { TimelineEvent, Verification } from '$lib/types';

export interface VerificationChangeLike {
	eventId: number;
	verification: Verification;
	attribution: string | null;
	changedAt: Date;
}

export interface StorySnapshot<A extends { publishedAt: Date }, H extends VerificationChangeLike> {
	events: TimelineEvent[];
	articles: A[];
	history: H[];
}

export function replayAsOf<A extends { publishedAt: Date }, H extends VerificationChangeLike>(
	snapshot: StorySnapshot<A, H>,
	cutoff: Date
): StorySnapshot<A, H> {
	const known = (date: Date) => date < cutoff;
	const history = snapshot.history.filter((change) => known(change.changedAt));
	const stateThen = new Map<number, H>();
	for (const change of history) {
		const previous = stateThen.get(change.eventId);
		if (!previous || previous.changedAt <= change.changedAt) stateThen.set(change.eventId, change);
	}
	const events = snapshot.events
		// An event without a first report date has no dated source; it cannot be placed in time.
		.filter((event) => event.firstReportedAt !== null && known(event.firstReportedAt))
		.map((event) => {
			const then = stateThen.get(event.id);
			return {
				...event,
				verification: then?.verification ?? event.verification,
				attribution: then ? then.attribution : event.attribution,
				sources: event.sources.filter((source) => known(source.publishedAt))
			};
		});
	return {
		events,
		articles: snapshot.articles.filter((article) => known(article.publishedAt)),
		history
	};
}
