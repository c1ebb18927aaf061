/** An event's fields as the strings the desk form shows (dates as local time in its zone). */
import type { EventInput } from './event-input';
import { toLocalInput } from './zoned';

export const EVENT_LABELS: Record<string, string> = {
	kind: 'Kind',
	title: 'Title',
	description: 'Description',
	occurredStart: 'Start',
	occurredEnd: 'End',
	precision: 'Precision',
	timeZone: 'Time zone',
	placeName: 'Place',
	latitude: 'Latitude',
	longitude: 'Longitude',
	attribution: 'Attribution',
	verification: 'Verification',
	status: 'Status',
	pinned: 'Key event',
	mediaKind: 'Media kind',
	mediaUrl: 'Media address',
	mediaCaption: 'Caption',
	mediaCredit: 'Credit',
	mediaAlt: 'Alt text',
	mediaWidth: 'Width',
	mediaHeight: 'Height'
};

export function eventValues(event: EventInput): Record<string, string> {
	return {
		kind: event.kind,
		title: event.title,
		description: event.description,
		occurredStart: toLocalInput(event.occurredStart, event.timeZone),
		occurredEnd: event.occurredEnd ? toLocalInput(event.occurredEnd, event.timeZone) : '',
		precision: event.precision,
		timeZone: event.timeZone,
		placeName: event.placeName ?? '',
		latitude: event.latitude === null ? '' : String(event.latitude),
		longitude: event.longitude === null ? '' : String(event.longitude),
		attribution: event.attribution ?? '',
		verification: event.verification,
		status: event.status,
		// A checkbox: "on" when ticked, as the browser posts it.
		pinned: event.pinned ? 'on' : '',
		mediaKind: event.mediaKind ?? '',
		mediaUrl: event.mediaUrl ?? '',
		mediaCaption: event.mediaCaption ?? '',
		mediaCredit: event.mediaCredit ?? '',
		mediaAlt: event.mediaAlt ?? '',
		mediaWidth: event.mediaWidth === null ? '' : String(event.mediaWidth),
		mediaHeight: event.mediaHeight === null ? '' : String(event.mediaHeight)
	};
}
