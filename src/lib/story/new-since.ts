/**
 * "New since your last visit": the browser keeps, per story, when the reader last opened it
 * (localStorage, no account). Events count as new by when they were first reported, articles by
 * when they were published. On a first visit nothing is new.
 */
export const lastVisitKey = (slug: string) => `throughline:last-visit:${slug}`;

export interface NewSince {
	eventIds: Set<number>;
	articleIds: Set<number>;
}

export function newSince(
	events: readonly { id: number; firstReportedAt: Date | null }[],
	articles: readonly { id: number; publishedAt: Date }[],
	since: Date | null
): NewSince {
	if (!since) return { eventIds: new Set(), articleIds: new Set() };
	return {
		eventIds: new Set(
			events
				.filter((event) => event.firstReportedAt && event.firstReportedAt > since)
				.map((event) => event.id)
		),
		articleIds: new Set(
			articles.filter((article) => article.publishedAt > since).map((article) => article.id)
		)
	};
}

/** A stored visit time, or null when it is missing or unreadable. */
export function parseVisit(value: string | null): Date | null {
	if (!value) return null;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
}
