/**
 * A story page's events travel to the browser with their sources as {articleId, evidence} and
 * each cited article once beside them: the article's headline, outlet, link and date repeated
 * in every source were about a third of a 500-event page's data. The page joins them back.
 */
import type { EventSource, TimelineEvent } from '$lib/types';

export type SourceArticle = Omit<EventSource, 'evidence'>;
export type PackedEvent = Omit<TimelineEvent, 'sources'> & {
	sources: { articleId: number; evidence: string }[];
};

export function packSources(events: readonly TimelineEvent[]): {
	events: PackedEvent[];
	sourceArticles: SourceArticle[];
} {
	const articles = new Map<number, SourceArticle>();
	const packed = events.map(({ sources, ...event }) => ({
		...event,
		sources: sources.map(({ evidence, ...article }) => {
			if (!articles.has(article.articleId)) articles.set(article.articleId, article);
			return { articleId: article.articleId, evidence };
		})
	}));
	return { events: packed, sourceArticles: [...articles.values()] };
}

export function unpackSources(
	events: readonly PackedEvent[],
	sourceArticles: readonly SourceArticle[]
): TimelineEvent[] {
	const articles = new Map(sourceArticles.map((article) => [article.articleId, article]));
	return events.map((event) => ({
		...event,
		sources: event.sources.flatMap(({ articleId, evidence }) => {
			const article = articles.get(articleId);
			return article ? [{ ...article, evidence }] : [];
		})
	}));
}
