/** The events related to one event, read from either end of the story's relations. */
import type { TimelineEvent } from '$lib/types';

export type RelationKind = 'follows' | 'part_of' | 'responds_to' | 'contradicts' | 'same_as';

export interface RelationLike {
	fromEventId: number;
	toEventId: number;
	relation: RelationKind;
}

export interface RelatedEvent {
	relation: RelationKind;
	/** True when the other event points at this one (this event is "followed by" it). */
	incoming: boolean;
	event: TimelineEvent;
}

/** Relations whose other end is not in `events` (hidden "as of" a date) are left out. */
export function relatedEvents(
	eventId: number,
	relations: readonly RelationLike[],
	events: ReadonlyMap<number, TimelineEvent>
): RelatedEvent[] {
	const result: RelatedEvent[] = [];
	for (const { fromEventId, toEventId, relation } of relations) {
		const incoming = toEventId === eventId;
		if (fromEventId !== eventId && !incoming) continue;
		const other = events.get(incoming ? fromEventId : toEventId);
		if (other) result.push({ relation, incoming, event: other });
	}
	return result.sort((a, b) => a.event.occurredStart.getTime() - b.event.occurredStart.getTime());
}
