import type { TimelineEventInput } from '$lib/charts/timeline-items';

let nextId = 1;

/** An event as the timeline reads it (no database): the Moscow meeting unless told otherwise. */
export const timelineEvent = (over: Partial<TimelineEventInput> = {}): TimelineEventInput => ({
	id: nextId++,
	kind: 'meeting',
	title: 'Witkoff and Kushner meet Putin in Moscow',
	occurredStart: new Date('2025-12-01T21:00:00Z'),
	occurredEnd: null,
	precision: 'day',
	timeZone: 'Europe/Moscow',
	placeName: 'Moscow',
	attribution: null,
	verification: 'reported',
	...over
});
