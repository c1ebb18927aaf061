/** A change the live stream announced: `id` is the event's or article's, `changeId` the stream's. */
export interface PendingChange {
	changeId: number;
	kind: 'event' | 'article';
	id: number;
	change: 'published' | 'updated' | 'corrected';
}

function count(n: number, singular: string, plural: string): string {
	return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * What the reader is offered for changes not yet on the page: "3 new events", "2 new events and
 * 1 new article", "1 new event, 1 new article and 2 updated events". Each event or article counts
 * once; an event both published and changed since is simply new. Empty when there is nothing.
 */
export function summarizeChanges(changes: readonly PendingChange[]): string {
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
		newEvents.size ? count(newEvents.size, 'new event', 'new events') : '',
		newArticles.size ? count(newArticles.size, 'new article', 'new articles') : '',
		updatedEvents.size ? count(updatedEvents.size, 'updated event', 'updated events') : ''
	].filter(Boolean);
	if (parts.length <= 1) return parts.join('');
	return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
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
