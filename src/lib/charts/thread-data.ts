/**
 * Shapes a story's coverage into a thread: its articles in publication order, each with the
 * events it reports (linked through the events' sources), and which of those it was the first to
 * report, so the chain shows how successive coverage builds the story. Pure, for unit tests.
 */
import type { StoryArticle, TimelineEvent } from '$lib/types';
import type { Translate } from '$lib/i18n';

export type ThreadArticleInput = Pick<
	StoryArticle,
	'id' | 'headline' | 'source' | 'publishedAt' | 'demo' | 'role' | 'position'
>;
export type ThreadEventInput = Pick<TimelineEvent, 'id' | 'kind' | 'title' | 'occurredStart'> & {
	sources: readonly { articleId: number }[];
};

export interface ThreadEvent {
	id: number;
	kind: TimelineEvent['kind'];
	title: string;
	/** No earlier article in the thread reports it: this article brought it to the story. */
	isNew: boolean;
}

/** What the reader points at: an article (with its events) or a single event. */
export interface ThreadHighlight {
	articleId: number | null;
	eventIds: number[];
}

export interface ThreadNode {
	article: ThreadArticleInput;
	/** The events the article reports, in the order they happened. */
	events: ThreadEvent[];
	newCount: number;
}

/** Articles oldest first (ties by their place in the story), each with its events. */
export function toThread(
	articles: readonly ThreadArticleInput[],
	events: readonly ThreadEventInput[]
): ThreadNode[] {
	const ordered = [...articles].sort(
		(a, b) =>
			a.publishedAt.getTime() - b.publishedAt.getTime() || a.position - b.position || a.id - b.id
	);
	const chronological = [...events].sort(
		(a, b) => a.occurredStart.getTime() - b.occurredStart.getTime() || a.id - b.id
	);
	const seen = new Set<number>();
	return ordered.map((article) => {
		const reported = chronological.filter((event) =>
			event.sources.some((source) => source.articleId === article.id)
		);
		const threadEvents = reported.map((event) => ({
			id: event.id,
			kind: event.kind,
			title: event.title,
			isNew: !seen.has(event.id)
		}));
		for (const event of reported) seen.add(event.id);
		return {
			article,
			events: threadEvents,
			newCount: threadEvents.filter((event) => event.isNew).length
		};
	});
}

/** The articles that report any of the events: the other half of the two-way highlight. */
export function articlesReporting(
	thread: readonly ThreadNode[],
	eventIds: readonly number[]
): Set<number> {
	const wanted = new Set(eventIds);
	return new Set(
		thread
			.filter((node) => node.events.some((event) => wanted.has(event.id)))
			.map((node) => node.article.id)
	);
}

/** "3 events, 2 new", "1 event, new", "No events linked". */
export function describeNode(node: ThreadNode, t: Translate): string {
	const count = node.events.length;
	if (count === 0) return t('reader.thread.none');
	if (node.newCount === count) return t('reader.thread.allNew', { count });
	if (node.newCount === 0) return t('reader.thread.noneNew', { count });
	return t('reader.thread.someNew', { count, fresh: node.newCount });
}
