/**
 * The article review page's doors for event proposals: accept (optionally edited) as a draft
 * event, merge into the event it matches, or reject. Each reads the form, calls the command in
 * newsroom/event-proposals.ts and maps its answer beside the proposal it concerns.
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { deskActor } from '$lib/server/desk/outcome';
import {
	acceptProposal,
	mergeProposal,
	rejectProposal,
	type ProposalRef
} from '$lib/server/newsroom/event-proposals';
import {
	publishArticleDrafts,
	publishEvent,
	undoProposalDecision
} from '$lib/server/newsroom/proposal-outcomes';
import { STATUS, type CommandResult } from '$lib/server/newsroom/result';
import { formValues } from '$lib/desk/form';

export { chosenTime } from '$lib/server/newsroom/event-proposals';

async function read(event: RequestEvent) {
	const actor = deskActor(event);
	const values = formValues(await event.request.formData());
	const ref: ProposalRef = {
		articleId: /^\d{1,9}$/.test(event.params.id ?? '') ? Number(event.params.id) : -1,
		fingerprint: values.fingerprint ?? ''
	};
	return { actor, values, ref };
}

/** A refusal is the page's 403; the rest is shown beside the proposal (404: no longer offered). */
function answer<T>(
	result: CommandResult<T>,
	values: Record<string, string>,
	done: (value: T) => string
) {
	if (result.kind === 'ok') return { message: done(result.value) };
	if (result.kind === 'forbidden') error(403, result.message);
	const fingerprint = values.fingerprint;
	if (result.kind === 'invalid')
		return result.message
			? fail(400, { fingerprint, error: result.message })
			: fail(400, { fingerprint, errors: result.errors, values });
	return fail(STATUS[result.kind], {
		fingerprint,
		error: result.kind === 'notFound' ? result.message : 'Changed meanwhile: reload.'
	});
}

export async function acceptEvent(event: RequestEvent) {
	const { actor, values, ref } = await read(event);
	const result = await acceptProposal(actor, ref, values);
	return answer(
		result,
		values,
		(saved) => `Added the draft event “${saved.event.title}” to “${saved.storyTitle}”.`
	);
}

export async function mergeEvent(event: RequestEvent) {
	const { actor, values, ref } = await read(event);
	return answer(
		await mergeProposal(actor, ref),
		values,
		() => 'Added the article as a source of the matching event.'
	);
}

export async function rejectEvent(event: RequestEvent) {
	const { actor, values, ref } = await read(event);
	return answer(
		await rejectProposal(actor, ref),
		values,
		() => 'Proposal rejected: it will not be offered again.'
	);
}

/** Undoes a decision on a proposal (accept, merge or reject): it is offered again. */
export async function undoDecision(event: RequestEvent) {
	const { actor, values, ref } = await read(event);
	return answer(await undoProposalDecision(actor, ref), values, (undone) =>
		undone.decision === 'accepted'
			? 'Undone: the draft went to the trash and the proposal is back.'
			: undone.decision === 'merged'
				? 'Undone: the article is no longer a source of that event; the proposal is back.'
				: 'Undone: the proposal is back.'
	);
}

/** Publishes one draft the article made. */
export async function publishDraft(event: RequestEvent) {
	const { actor, values } = await read(event);
	const eventId = /^\d{1,9}$/.test(values.eventId ?? '') ? Number(values.eventId) : -1;
	return answer(await publishEvent(actor, eventId), values, (done) => `Published “${done.title}”.`);
}

/** Publishes every draft the article made. */
export async function publishDrafts(event: RequestEvent) {
	const { actor, values, ref } = await read(event);
	return answer(await publishArticleDrafts(actor, ref.articleId), values, ({ published }) =>
		published === 1 ? 'Published 1 event.' : `Published ${published} events.`
	);
}
