/**
 * The article review page's decisions on event proposals: accept (optionally edited) as a new
 * draft event of the story, merge into the event it matches (the article becomes a source, with
 * its evidence), or reject. The proposal is looked up again on the server by its fingerprint,
 * so the evidence stored is always the article's exact words, never what a form sent.
 */
import { actAs } from '$lib/server/db/client';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { sql } from '$lib/server/db/client';
import * as entities from '$lib/server/db/entities';
import * as events from '$lib/server/db/events';
import * as suggestions from '$lib/server/db/suggestions';
import { civilDay, zonedMidnight } from '$lib/server/extract/dates';
import { isCalendarDay } from '$lib/time/zoned';
import { EVENT_KINDS, VERIFICATIONS, type EventKind, type Verification } from '$lib/types';
import { formValues } from '$lib/desk/form';
import { suggestEvents, type EventSuggestion } from './event-suggestions';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

async function proposalOf(event: RequestEvent) {
	const articleId = Number(event.params.id);
	const data = await event.request.formData();
	const values = formValues(data);
	const found = Number.isInteger(articleId)
		? (await suggestEvents(articleId))?.find((p) => p.fingerprint === values.fingerprint)
		: undefined;
	return { articleId, values, proposal: found };
}

const gone = (values: Record<string, string>) =>
	fail(404, {
		fingerprint: values.fingerprint,
		error: 'That proposal is no longer offered (decided already, or the article changed).'
	});

/** The day the editor typed, as the proposal's window when unchanged, else that whole day. */
export function chosenTime(proposal: EventSuggestion, date: string) {
	const m = DATE.exec(date);
	if (!m) return null;
	const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
	if (!isCalendarDay(day)) return null;
	const original = civilDay(proposal.start, proposal.timeZone);
	const same =
		original.year === day.year && original.month === day.month && original.day === day.day;
	if (same)
		return { start: proposal.start, end: proposal.end ?? null, precision: proposal.precision };
	return { start: zonedMidnight(day, proposal.timeZone), end: null, precision: 'day' as const };
}

export async function acceptEvent(event: RequestEvent) {
	const user = requireRole(event, 'editor');
	const { articleId, values, proposal } = await proposalOf(event);
	if (!proposal) return gone(values);
	const [story] = await suggestions.storiesOfArticle(articleId);
	if (!story)
		return fail(400, {
			fingerprint: values.fingerprint,
			error: 'File the article in a story first.'
		});
	const errors: Record<string, string> = {};
	const title = (values.title ?? '').trim();
	if (!title || title.length > 300)
		errors.title = 'Give the event a title (at most 300 characters).';
	if (!(EVENT_KINDS as readonly string[]).includes(values.kind ?? ''))
		errors.kind = 'Choose a kind.';
	if (!(VERIFICATIONS as readonly string[]).includes(values.verification ?? ''))
		errors.verification = 'Choose a verification.';
	const time = chosenTime(proposal, values.date ?? '');
	if (!time) errors.date = 'Give the date as YYYY-MM-DD.';
	const attribution = (values.attribution ?? '').trim();
	if (attribution.length > 300) errors.attribution = 'Keep the attribution under 300 characters.';
	if (Object.keys(errors).length || !time)
		return fail(400, { fingerprint: values.fingerprint, errors, values });

	const created = await sql.begin(async (tx) => {
		await actAs(user.id, tx);
		const saved = await events.create(
			{
				storyId: story.id,
				kind: values.kind as EventKind,
				title,
				occurredStart: time.start,
				occurredEnd: time.end,
				precision: time.precision,
				timeZone: proposal.timeZone,
				placeName: proposal.place,
				attribution: attribution || null,
				verification: values.verification as Verification
			},
			tx
		);
		await events.addSource(
			{ eventId: saved.id, articleId, evidence: proposal.evidence, addedBy: user.id },
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
			{
				articleId,
				fingerprint: proposal.fingerprint,
				decision: 'accepted',
				eventId: saved.id,
				decidedBy: user.id
			},
			tx
		);
		return saved;
	});
	return { message: `Added the draft event “${created.title}” to “${story.title}”.` };
}

export async function mergeEvent(event: RequestEvent) {
	const user = requireRole(event, 'editor');
	const { articleId, values, proposal } = await proposalOf(event);
	if (!proposal) return gone(values);
	const eventId = proposal.matchesEventId;
	if (eventId === undefined)
		return fail(400, { fingerprint: values.fingerprint, error: 'This proposal matches no event.' });
	await sql.begin(async (tx) => {
		await actAs(user.id, tx);
		if (!(await suggestions.isSourceOf(eventId, articleId, tx))) {
			await events.addSource(
				{ eventId, articleId, evidence: proposal.evidence, addedBy: user.id },
				tx
			);
		}
		await suggestions.recordProposalDecision(
			{
				articleId,
				fingerprint: proposal.fingerprint,
				decision: 'merged',
				eventId,
				decidedBy: user.id
			},
			tx
		);
	});
	return { message: 'Added the article as a source of the matching event.' };
}

export async function rejectEvent(event: RequestEvent) {
	const user = requireRole(event, 'editor');
	const { articleId, values, proposal } = await proposalOf(event);
	if (!proposal) return gone(values);
	await suggestions.recordProposalDecision({
		articleId,
		fingerprint: proposal.fingerprint,
		decision: 'rejected',
		eventId: null,
		decidedBy: user.id
	});
	return { message: 'Proposal rejected: it will not be offered again.' };
}
