/**
 * Proposes the events an article reports: one proposal per sentence (or clause joined by
 * "while" / "even as" / ";") that reads as a meeting, statement, battlefield report or policy
 * step, with its date resolved against the publication date, its place, actors, who asserts it
 * and how far that can be trusted, and the evidence quoted exactly from the text. Pure.
 */
import { createHash } from 'node:crypto';
import type { EventKind, Precision, Verification } from '../../types';
import { resolveDate } from './dates';
import { calendarDay } from '../../time/wall-clock';
import { addDays, startOfDay } from '../../time/zoned';
import { extractEntities, isCountry, placeByName, type KnownEntity } from './entities';
import { sentences } from './sentences';
import { kindOf } from './kinds';

export interface EventProposal {
	kind: EventKind;
	title: string;
	start: Date;
	end?: Date;
	precision: Precision;
	timeZone: string;
	place: string | null;
	actors: string[];
	attribution: string | null;
	verification: Verification;
	/** The article's words, exactly as they appear in the text. */
	evidence: string;
	/** Stable key for an editor's decision on this proposal. */
	fingerprint: string;
}

const SPEECH =
	/\b(said|says|reported|claimed|claims|wrote|told|stated|announced|warned|called|described|posted)\b/;
const INTERESTED =
	/\b(ministry|military|army|forces|general staff|kremlin|defen[cs]e|spokes\w+|hamas|houthis?|rsf|government|security service|state media|news agencies|rebels)\b/i;
const FIGURE = /\b(\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)\b/i;
const SPEAKER_WORD =
	/^(?:[A-Z][\p{L}’'.-]*|of|the|and|defence|defense|foreign|ministry|regional|governor|presidential|adviser|aide|officials?|military|spokes\w+|army|forces|general|staff|chief|minister|envoy|representatives|negotiators|special|health|interior|state|media|news|agencies|security|service|electoral|commission|council|court|police|authorities|government|office|prime|president|secretary|national|emergency|services|company|operator|party|guards?|revolutionary|[\p{Lu}][\p{L}’'-]*[’']s|US|Ukrainian|Russian)$/u;
// Actors and places of the clause as named in the wider press, by zone of the speaker's country.
const ZONE_HINTS: [RegExp, string][] = [
	[/\b(Russia|Russian|Kremlin|Moscow)/, 'Europe/Moscow'],
	[/\b(Ukrain\w*|Kyiv|Kiev)/, 'Europe/Kyiv'],
	[/\b(Israel\w*)/, 'Asia/Jerusalem'],
	[/\b(US|American|Washington|White House)\b/, 'America/New_York']
];

/** A speaker named by an alias ("Witkoff") under the known entity's full name. */
function canonical(attribution: string | null, known: KnownEntity[]): string | null {
	if (!attribution) return null;
	const entity = known.find((e) => e.aliases.includes(attribution));
	return entity?.name ?? attribution;
}

/** Sentences, then clauses, with their offsets in the text (so evidence is an exact slice). */
export function clauses(text: string): { text: string; index: number; sentence: number }[] {
	const out: { text: string; index: number; sentence: number }[] = [];
	for (const [n, sentence] of sentences(text).entries()) {
		const parts = sentence.text.split(/(?:, (?:while|even as|whereas) |; )/);
		let offset = sentence.index;
		for (const part of parts) {
			const at = text.indexOf(part, offset);
			const trimmed = part.trim().replace(/[.;,]$/, '');
			const start = at + part.indexOf(trimmed);
			if (trimmed.split(/\s+/).length >= 5) out.push({ text: trimmed, index: start, sentence: n });
			offset = at + part.length;
		}
	}
	return out;
}

/** Who the clause says asserts it: the words before "said", "reported", "wrote" …. */
export function attributionOf(clause: string): string | null {
	const according = /according to ((?:the )?[A-Z][^,.;]+)/.exec(clause);
	if (according) return according[1]!.trim();
	const verb = SPEECH.exec(clause);
	if (!verb) return null;
	// "The RSF, led by Gen Mohamed Hamdan Dagalo, claimed…": the subject speaks, not the aside.
	const apposed = /^(?:The |the )?([A-Z][\p{L}’'. -]{1,40}), [^,]{3,60}, $/u.exec(
		clause.slice(0, verb.index)
	);
	if (apposed) return apposed[1]!.trim();
	const words = clause.slice(0, verb.index).trim().split(/\s+/);
	const picked: string[] = [];
	for (let i = words.length - 1; i >= 0; i--) {
		const word = words[i]!.replace(/^["“]|[,"”]$/g, '');
		// "its prime minister, Pedro Sánchez, said": the comma closing the name is no break.
		const closesName = i === words.length - 1 && /,$/.test(words[i]!);
		if (!SPEAKER_WORD.test(word) || (/[,"”]$/.test(words[i]!) && !closesName)) break;
		picked.unshift(word);
	}
	while (picked.length && /^(the|and|of)$/i.test(picked[0]!)) picked.shift();
	if (picked.length === 0 || picked.every((w) => /^[a-z]/.test(w))) return null;
	if (/^(they|it|he|she|we)$/i.test(picked.join(' '))) return null;
	return picked.join(' ');
}

function verificationOf(
	clause: string,
	attribution: string | null,
	kind: EventKind,
	framed: boolean
): Verification {
	// A party's word for what happened, or its account of the facts, not seen by the reporter.
	if ((framed || kind === 'statement') && attribution && INTERESTED.test(attribution))
		return 'claimed';
	if (/\b(claimed|claims|unverified|could not be (?:independently )?verified)\b/i.test(clause))
		return 'claimed';
	if (attribution && INTERESTED.test(attribution) && kind === 'battlefield' && FIGURE.test(clause))
		return 'claimed';
	return 'reported';
}

function titleOf(clause: string): string {
	const words = clause.replace(/^["“]/, '').split(/\s+/);
	const short = words
		.slice(0, 14)
		.join(' ')
		.replace(/[,;:"“”]+$/, '');
	return words.length > 14 ? `${short}…` : short;
}

/** The article's lead place: the first gazetteer place its first dated sentence names. */
function leadZone(text: string, publishedAt: Date): string {
	for (const { text: clause } of clauses(text)) {
		const place = extractEntities(clause, []).find((e) => e.kind === 'place');
		if (place && resolveDate(clause, publishedAt)) return placeByName(place.name)!.timeZone;
	}
	return 'UTC';
}

/**
 * The events `text` (an article body) reports. Undated sentences take the day of the lead's
 * date (news reports the day's statements), past-tense asides a window up to it.
 */
export function proposeEvents(
	text: string,
	publishedAt: Date,
	known: KnownEntity[] = []
): EventProposal[] {
	const defaultZone = leadZone(text, publishedAt);
	const lead = clauses(text)
		.map((c) => resolveDate(c.text, publishedAt, defaultZone))
		.find((d) => d?.precision === 'day');
	const proposals: EventProposal[] = [];
	for (const clause of clauses(text)) {
		const reading = kindOf(clause.text);
		if (!reading) continue;
		let kind = reading.kind;
		const speaker = attributionOf(clause.text);
		const attribution = canonical(speaker, known);
		if (kind === 'statement' && !attribution) continue;
		// "Trump called the meeting good": a speaker opening the clause makes it their statement.
		const speakerFirst = speaker !== null && clause.text.indexOf(speaker) < 25;
		if (kind === 'meeting' && speakerFirst && SPEECH.test(clause.text)) kind = 'statement';
		const entities = extractEntities(clause.text, known);
		// A city or region places an event; a whole country does not.
		const placeEntity = entities.find(
			(e) => e.kind === 'place' && placeByName(e.name) && !isCountry(e.name)
		);
		const place = placeEntity ? placeByName(placeEntity.name)! : undefined;
		// The speaker's country dates what they say, unless the speaker is two countries at once.
		const hints = ZONE_HINTS.filter(([pattern]) => pattern.test(attribution ?? ''));
		const hinted = hints.length === 1 ? hints[0]![1] : undefined;
		const timeZone = place?.timeZone ?? hinted ?? defaultZone;
		let date = resolveDate(clause.text, publishedAt, timeZone);
		const verification = verificationOf(clause.text, attribution, kind, reading.framed);
		// "Trump said earlier in the day": the day of the article's news, not of its publication.
		if (date && lead && /\b(?:earlier|later) (?:in the|that) day\b/i.test(date.phrase))
			date = { ...date, start: startOfDay(calendarDay(lead.start, lead.timeZone), timeZone) };
		const undated = !date;
		if (!date) {
			const leadDay = calendarDay(lead?.start ?? publishedAt, lead?.timeZone ?? defaultZone);
			// A statement is made when it is reported; what it says may lie further back.
			const past =
				kind !== 'statement' && /\b(earlier|previous|had|followed|before|last)\b/.test(clause.text);
			const start = startOfDay(leadDay, timeZone);
			date = past
				? {
						// The fortnight before the lead's day, counted in days at the place.
						start: startOfDay(addDays(leadDay, -14), timeZone),
						end: new Date(start.getTime() - 1000),
						precision: 'approximate',
						timeZone,
						phrase: ''
					}
				: { start, precision: 'day', timeZone, phrase: '' };
		}
		const actors = entities
			.filter((e) => e.kind !== 'place')
			.map((e) => e.name)
			.slice(0, 8);
		const evidence = text.slice(clause.index, clause.index + clause.text.length);
		const fingerprint = createHash('sha256')
			.update(`${kind}\n${evidence}`)
			.digest('hex')
			.slice(0, 32);
		// An undated clause that tells again an event already proposed for the same day (same
		// kind, and the same speaker, actor or place) is that event: its actors join it.
		if (!date.phrase) {
			const same = proposals.find(
				(p) =>
					p.kind === kind &&
					p.start.getTime() === date.start.getTime() &&
					(kind === 'statement'
						? p.attribution === attribution
						: p.place === (place?.name ?? p.place) ||
							p.actors.some((actor) => actors.includes(actor)))
			);
			if (same) {
				same.actors = [...new Set([...same.actors, ...actors])].slice(0, 8);
				continue;
			}
		}
		// Past the lead, a sentence that names no date is background or colour ("The meeting
		// lasted less than two hours"), unless it carries a party's claim, a quoted statement, or
		// a meeting somewhere the article has not placed one yet ("followed a meeting in Moscow").
		const quoted = /["“][^"”]{12,}["”]/.test(clause.text);
		const elsewhere =
			kind === 'meeting' && !!place && !proposals.some((p) => p.place === place.name);
		if (
			undated &&
			clause.sentence > 0 &&
			verification !== 'claimed' &&
			!(kind === 'statement' && quoted) &&
			!elsewhere
		)
			continue;
		const duplicate = proposals.findIndex(
			(p) =>
				kind === 'meeting' &&
				p.kind === 'meeting' &&
				p.place === (place?.name ?? null) &&
				p.start.getTime() === date.start.getTime()
		);
		if (duplicate >= 0 && proposals[duplicate]!.evidence.length >= clause.text.length) continue;
		if (duplicate >= 0) proposals.splice(duplicate, 1);
		proposals.push({
			kind,
			title: titleOf(clause.text),
			start: date.start,
			...(date.end ? { end: date.end } : {}),
			precision: date.precision,
			timeZone: date.timeZone,
			place: place?.name ?? null,
			actors,
			attribution,
			verification,
			evidence,
			fingerprint
		});
	}
	return proposals;
}

/** An event already on the story's timeline, as matching needs it. */
export interface KnownEvent {
	id: number;
	kind: string;
	title: string;
	occurredStart: Date;
	occurredEnd: Date | null;
	precision: string;
	timeZone: string;
	actors: string[];
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);

function sameDay(proposal: EventProposal, event: KnownEvent): boolean {
	const eventDay = calendarDay(event.occurredStart, event.timeZone);
	const key = (d: { year: number; month: number; day: number }) => `${d.year}-${d.month}-${d.day}`;
	if (proposal.precision === 'approximate' && proposal.end) {
		return event.occurredStart >= proposal.start && event.occurredStart <= proposal.end;
	}
	if (event.precision === 'approximate' && event.occurredEnd) {
		return proposal.start >= event.occurredStart && proposal.start <= event.occurredEnd;
	}
	return key(calendarDay(proposal.start, event.timeZone)) === key(eventDay);
}

/**
 * The existing event a proposal reports again: same kind, same day (or inside its window), and
 * a shared actor or similar title words. The same meeting in a second article is a new source.
 */
export function matchEvent(proposal: EventProposal, events: KnownEvent[]): KnownEvent | undefined {
	return events.find((event) => {
		if (event.kind !== proposal.kind || !sameDay(proposal, event)) return false;
		const actors = new Set(event.actors);
		if (proposal.actors.some((actor) => actors.has(actor))) return true;
		const a = words(proposal.evidence);
		const b = words(event.title);
		const shared = [...b].filter((word) => a.has(word)).length;
		return b.size > 0 && shared / b.size >= 0.5;
	});
}
