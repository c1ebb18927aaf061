import type { Story } from '$lib/types';

/**
 * When the story last changed as the reader sees it: its own edit, an event first reported or an
 * article published, whichever is latest. Replayed "as of" a date, the story's own later edits
 * do not count. Shared by the page and the JSON-LD the server adds to its head.
 */
export function storyLastUpdated(
	story: Pick<Story, 'updatedAt'>,
	events: readonly { firstReportedAt: Date | null; occurredStart: Date }[],
	articles: readonly { publishedAt: Date }[],
	asof: string | null
): Date {
	let latest = asof ? 0 : story.updatedAt.getTime();
	for (const event of events)
		latest = Math.max(latest, (event.firstReportedAt ?? event.occurredStart).getTime());
	for (const article of articles) latest = Math.max(latest, article.publishedAt.getTime());
	return new Date(latest);
}
