import { translator, type Translate } from '$lib/i18n';
import { joinList } from '$lib/format/locale-dates';

/** A change the live stream announced: `id` is the event's or article's, `changeId` the stream's. */
export interface PendingChange {
	changeId: number;
	kind: 'event' | 'article';
	id: number;
	change: 'published' | 'updated' | 'corrected';
}

/**
 * What the reader is offered for changes not yet on the page: "3 new events", "2 new events and
 * 1 new article", "1 new event, 1 new article and 2 updated events", in the page's language
 * (the list joined as that language joins one). Each event or article counts once; an event both
 * published and changed since is simply new. Empty when there is nothing.
 */
export function summarizeChanges(
	changes: readonly PendingChange[],
	locale = 'en',
	t: Translate = translator(locale)
): string {
	const newEvents = new Set<number>();
	const newArticles = new Set<number>();
	const updatedEvents = new Set<number>();
	for (const { kind, id, change } of changes) {
		if (kind === 'article') newArticles.add(id);
		else if (change === 'published') newEvents.add(id);
		else updatedEvents.add(id);
	}
	for (const id of newEvents) updatedEvents.delete(id);

	const parts = [
		newEvents.size ? t('reader.page.newEvents', { count: newEvents.size }) : '',
		newArticles.size ? t('reader.page.newArticles', { count: newArticles.size }) : '',
		updatedEvents.size ? t('reader.page.updatedEvents', { count: updatedEvents.size }) : ''
	].filter(Boolean);
	return joinList(parts, locale);
}

/** Reads the data of one `change` message; undefined for anything unexpected. */
export function parseChange(changeId: string, data: string): PendingChange | undefined {
	if (!/^\d+$/.test(changeId)) return undefined;
	try {
		const value = JSON.parse(data) as Record<string, unknown>;
		const { kind, id, change } = value;
		if ((kind !== 'event' && kind !== 'article') || typeof id !== 'number') return undefined;
		if (change !== 'published' && change !== 'updated' && change !== 'corrected') return undefined;
		return { changeId: Number(changeId), kind, id, change };
	} catch {
		return undefined;
	}
}
