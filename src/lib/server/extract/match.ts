/**
 * Whether a proposal tells of an event the story already has: same kind, overlapping date, no
 * other place, and a shared actor, its place or its words. Pure.
 */
import { PRECISIONS, type Precision } from '../../types';
import { calendarDay } from '../../time/wall-clock';
import type { ResolvedDate } from './dates';
import type { EventProposal } from './events';

/** An event already on the story's timeline, as matching needs it. */
export interface KnownEvent {
	id: number;
	kind: string;
	title: string;
	occurredStart: Date;
	occurredEnd: Date | null;
	precision: string;
	timeZone: string;
	placeName?: string | null;
	actors: string[];
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);
const COMMON = new Set(
	'after about against also been before between from have into more over said says than that their there they this were when where which while will with would'.split(
		' '
	)
);
/** Words of four letters or more that say what a text is about. */
const topicWords = (text: string) =>
	new Set([...words(text)].filter((word) => word.length >= 4 && !COMMON.has(word)));

/** The two name one place, or at least one of them names none. */
export function placesAgree(place: string | null, evidence: string, event: KnownEvent): boolean {
	if (!event.placeName || !place) return true;
	return place === event.placeName || evidence.includes(event.placeName);
}

/** Something beyond kind and day ties a clause to a known event: an actor, its place, its words. */
export function related(evidence: string, actors: string[], event: KnownEvent): boolean {
	if (actors.some((actor) => event.actors.includes(actor))) return true;
	if (event.placeName && evidence.includes(event.placeName)) return true;
	const a = topicWords(evidence);
	const b = topicWords(event.title);
	const shared = [...b].filter((word) => a.has(word)).length;
	return shared >= 2 || (b.size > 0 && shared / b.size >= 0.5);
}

function sameDay(proposal: EventProposal, event: KnownEvent): boolean {
	const eventDay = calendarDay(event.occurredStart, event.timeZone);
	const key = (d: { year: number; month: number; day: number }) => `${d.year}-${d.month}-${d.day}`;
	if (proposal.precision === 'approximate' && proposal.end) {
		return event.occurredStart >= proposal.start && event.occurredStart <= proposal.end;
	}
	if (event.precision === 'approximate' && event.occurredEnd) {
		return proposal.start >= event.occurredStart && proposal.start <= event.occurredEnd;
	}
	// Each on its own calendar: "15 November" read in Kigali is the ruling of 15 November in London.
	return key(calendarDay(proposal.start, proposal.timeZone)) === key(eventDay);
}

/**
 * The existing event a proposal reports again: same kind, same day (or inside its window), no
 * other place, and a shared actor, its place or its words; failing those, the only event of that
 * kind on that day in the story. The same meeting in a second article is a new source.
 */
export function matchEvent(proposal: EventProposal, events: KnownEvent[]): KnownEvent | undefined {
	const candidates = events.filter(
		(event) =>
			event.kind === proposal.kind &&
			sameDay(proposal, event) &&
			placesAgree(proposal.place, proposal.evidence, event)
	);
	const tied = candidates.find((event) => related(proposal.evidence, proposal.actors, event));
	if (tied) return tied;
	return proposal.precision === 'day' && candidates.length === 1 ? candidates[0] : undefined;
}

/** A known event's date, as a resolved date. */
export function knownDate(event: KnownEvent): ResolvedDate {
	const precision = (PRECISIONS as readonly string[]).includes(event.precision)
		? (event.precision as Precision)
		: 'day';
	return {
		start: event.occurredStart,
		...(event.occurredEnd ? { end: event.occurredEnd } : {}),
		precision,
		timeZone: event.timeZone,
		phrase: ''
	};
}
