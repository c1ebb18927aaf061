/**
 * Decisions on the events an article is proposed to report: accept (optionally edited) as a new
 * draft event of the article's story, merge into the event it matches (the article becomes a
 * source with its evidence), or reject. The proposal is looked up again by its fingerprint, so
 * the evidence stored is always the article's exact words, never what a client sent.
 */
import * as deskEvents from '../db/desk-events';
import * as entities from '../db/entities';
import * as events from '../db/events';
import * as suggestions from '../db/suggestions';
import { isCalendarDay } from '$lib/time/zoned';
import { parseEvent } from '../../desk/event-input';
import { civilDay, zonedMidnight } from '../extract/dates';
import { suggestEvents, type EventSuggestion } from '../suggest/event-suggestions';
import { EVENT_KINDS, VERIFICATIONS, type EventKind, type Verification } from '../../types';
import type { Actor } from './actor';
import { inTransaction, recordEventChange, refusedEverywhere, refusedFor } from './event-command';
import { invalid, notFound, ok, type CommandResult, type FieldErrors } from './result';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GONE = 'That proposal is no longer offered (decided already, or the article changed).';

export interface ProposalRef {
	articleId: number;
	fingerprint: string;
}

async function proposalOf(ref: ProposalRef): Promise<EventSuggestion | undefined> {
	return (await suggestEvents(ref.articleId))?.find((p) => p.fingerprint === ref.fingerprint);
}

/** The day the editor typed, as the proposal's window when unchanged, else that whole day. */
export function chosenTime(proposal: EventSuggestion, date: string) {
	const m = DATE.exec(date);
	if (!m) return null;
	const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
	// A typed day that does not exist (30 February) is refused, not rolled over.
	if (!isCalendarDay(day)) return null;
	const original = civilDay(proposal.start, proposal.timeZone);
	const same =
		original.year === day.year && original.month === day.month && original.day === day.day;
	if (same)
		return { start: proposal.start, end: proposal.end ?? null, precision: proposal.precision };
	return { start: zonedMidnight(day, proposal.timeZone), end: null, precision: 'day' as const };
}

export interface ProposalEdits {
	title?: string;
	kind?: string;
	verification?: string;
	/** YYYY-MM-DD in the event's zone (the API's edit; the desk form sends the fields below). */
	date?: string;
	attribution?: string;
	/** As the event form has them: wall-clock time in `timeZone`, precision, optional end. */
	occurredStart?: string;
	occurredEnd?: string;
	precision?: string;
	timeZone?: string;
}

const TIMING = ['occurredStart', 'occurredEnd', 'precision', 'timeZone'] as const;

/** The time the editor set in the proposal form, checked as the event form checks it. */
function editedTime(edits: ProposalEdits, errors: FieldErrors) {
	const parsed = parseEvent({
		kind: 'other',
		title: 'proposal',
		...Object.fromEntries(TIMING.map((key) => [key, edits[key] ?? '']))
	});
	if (parsed.ok) {
		const { occurredStart, occurredEnd, precision, timeZone } = parsed.value;
		return { start: occurredStart, end: occurredEnd, precision, timeZone: timeZone as string };
	}
	for (const key of TIMING) if (parsed.errors[key]) errors[key] = parsed.errors[key];
	return null;
}

/** Accepts a proposal as a draft event of the article's story (a contributor may: it is a draft). */
export async function acceptProposal(
	actor: Actor,
	ref: ProposalRef,
	edits: ProposalEdits
): Promise<CommandResult<{ event: deskEvents.DeskEvent; storyTitle: string }>> {
	const never =
		refusedEverywhere(actor, 'suggestion.decide') ?? refusedEverywhere(actor, 'event.create');
	if (never) return never;
	const proposal = await proposalOf(ref);
	if (!proposal) return notFound(GONE);
	const [story] = await suggestions.storiesOfArticle(ref.articleId);
	if (!story) return invalid({}, 'File the article in a story first.');
	const errors: FieldErrors = {};
	const title = (edits.title ?? '').trim();
	if (!title || title.length > 300)
		errors.title = 'Give the event a title (at most 300 characters).';
	const kind = EVENT_KINDS.find((known) => known === edits.kind);
	if (!kind) errors.kind = 'Choose a kind.';
	const verification = VERIFICATIONS.find((known) => known === edits.verification);
	if (!verification) errors.verification = 'Choose a verification.';
	const day = edits.occurredStart === undefined ? chosenTime(proposal, edits.date ?? '') : null;
	const time =
		edits.occurredStart !== undefined
			? editedTime(edits, errors)
			: day && { ...day, timeZone: proposal.timeZone };
	if (!time && edits.occurredStart === undefined) errors.date = 'Give the date as YYYY-MM-DD.';
	const attribution = (edits.attribution ?? '').trim();
	if (attribution.length > 300) errors.attribution = 'Keep the attribution under 300 characters.';
	if (Object.keys(errors).length || !time || !kind || !verification) return invalid(errors);

	return inTransaction(actor, async (tx) => {
		const saved = await events.create(
			{
				storyId: story.id,
				kind: kind as EventKind,
				title,
				occurredStart: time.start,
				occurredEnd: time.end,
				precision: time.precision,
				timeZone: time.timeZone,
				placeName: proposal.place,
				attribution: attribution || null,
				verification: verification as Verification,
				status: 'draft'
			},
			tx
		);
		await events.addSource(
			{
				eventId: saved.id,
				articleId: ref.articleId,
				evidence: proposal.evidence,
				addedBy: actor.id
			},
			tx
		);
		const named = await suggestions.entitiesByName(
			[...proposal.actors, ...(proposal.place ? [proposal.place] : [])],
			tx
		);
		for (const entity of named) {
			const role = entity.kind === 'place' && entity.name === proposal.place ? 'place' : 'actor';
			await entities.linkToEvent({ eventId: saved.id, entityId: entity.id, role }, tx);
		}
		await suggestions.recordProposalDecision(
			{ ...ref, decision: 'accepted', eventId: saved.id, decidedBy: actor.id },
			tx
		);
		const event = await deskEvents.get(saved.id, tx);
		if (!event) return notFound('The new event vanished.');
		return ok({ event, storyTitle: story.title });
	});
}

/**
 * Merges a proposal into the event it matches: the article becomes one of its sources. On a
 * published event that is what readers see, so it needs an editor there and is audited.
 */
export async function mergeProposal(
	actor: Actor,
	ref: ProposalRef
): Promise<CommandResult<{ eventId: number }>> {
	const never =
		refusedEverywhere(actor, 'suggestion.decide') ?? refusedEverywhere(actor, 'event.editParts');
	if (never) return never;
	const proposal = await proposalOf(ref);
	if (!proposal) return notFound(GONE);
	const eventId = proposal.matchesEventId;
	if (eventId === undefined) return invalid({}, 'This proposal matches no event.');
	return inTransaction(actor, async (tx) => {
		const event = await deskEvents.getForUpdate(eventId, tx);
		if (!event) return notFound('The matching event was deleted.');
		const refused = refusedFor(actor, 'event.editParts', event);
		if (refused) return refused;
		const cited = await suggestions.isSourceOf(eventId, ref.articleId, tx);
		if (!cited) {
			const source = { eventId, articleId: ref.articleId, evidence: proposal.evidence };
			await events.addSource({ ...source, addedBy: actor.id }, tx);
			if (event.status === 'published')
				await recordEventChange(actor, 'event.source_added', eventId, { after: source }, tx);
		}
		await suggestions.recordProposalDecision(
			{ ...ref, decision: 'merged', eventId, decidedBy: actor.id },
			tx
		);
		return ok({ eventId });
	});
}

/** Rejects a proposal so it is not offered again (nothing readers see changes). */
export async function rejectProposal(actor: Actor, ref: ProposalRef): Promise<CommandResult<null>> {
	const never = refusedEverywhere(actor, 'suggestion.decide');
	if (never) return never;
	const proposal = await proposalOf(ref);
	if (!proposal) return notFound(GONE);
	await suggestions.recordProposalDecision({
		...ref,
		decision: 'rejected',
		eventId: null,
		decidedBy: actor.id
	});
	return ok(null);
}
