/**
 * What an editor does with what an article made, from the article page: publish a draft it made
 * (one, or all of them at once), and undo a decision on a proposal. Undo puts the proposal back
 * on offer: an accepted one loses the draft it made (to the trash), a merged one its source on
 * the matching event, a rejected one only the decision. Publishing is a save of the status, so
 * it goes through saveEvent's policy, revision and audit like any other publication.
 */
import * as deskEvents from '../db/desk-events';
import * as suggestions from '../db/suggestions';
import type { Actor } from './actor';
import { inTransaction, recordEventChange, refusedEverywhere, refusedFor } from './event-command';
import { saveEvent, saveEventIn } from './events';
import { invalid, notFound, ok, type CommandResult } from './result';
import type { ProposalRef } from './event-proposals';

const GONE = 'That decision is no longer on record (undone already?).';

/** Publishes one event at the version it has now (the article page shows no form for it). */
export async function publishEvent(
	actor: Actor,
	eventId: number
): Promise<CommandResult<{ title: string }>> {
	const never = refusedEverywhere(actor, 'event.publish');
	if (never) return never;
	const current = await deskEvents.get(eventId);
	if (!current) return notFound('That event was deleted.');
	const result = await saveEvent(actor, eventId, {
		version: current.version,
		values: { status: 'published' },
		only: ['status']
	});
	if (result.kind !== 'ok') return result;
	return ok({ title: result.value.event.title });
}

/** A command's refusal inside a batch: thrown so that its transaction rolls back, then answered. */
class Undone extends Error {
	constructor(readonly result: CommandResult<unknown>) {
		super('undone');
	}
}

/** Publishes every draft the article's accepted proposals made; answers how many. */
export async function publishArticleDrafts(
	actor: Actor,
	articleId: number
): Promise<CommandResult<{ published: number }>> {
	const never = refusedEverywhere(actor, 'event.publish');
	if (never) return never;
	try {
		// One transaction: the drafts are published together or, when one cannot be, none is.
		return await inTransaction(actor, async (tx) => {
			const drafts = (await suggestions.outcomesOfArticle(articleId, tx)).filter(
				(row) => row.decision === 'accepted' && row.eventStatus === 'draft' && !row.eventDeleted
			);
			if (drafts.length === 0)
				return invalid({}, 'No drafts from this article are left to publish.');
			let published = 0;
			for (const draft of drafts) {
				const current = await deskEvents.get(draft.eventId!, tx);
				if (!current) continue; // deleted meanwhile: nothing of it to publish
				const result = await saveEventIn(
					actor,
					current.id,
					{ version: current.version, values: { status: 'published' }, only: ['status'] },
					tx
				);
				if (result.kind !== 'ok') throw new Undone(result);
				published++;
			}
			return ok({ published });
		});
	} catch (error) {
		if (error instanceof Undone) return error.result as CommandResult<{ published: number }>;
		throw error;
	}
}

/**
 * Undoes a decision on a proposal. An accepted proposal's draft is deleted (it goes to the
 * trash); once published it stays, and the editor unpublishes or deletes it on its own page.
 */
export async function undoProposalDecision(
	actor: Actor,
	ref: ProposalRef
): Promise<CommandResult<{ decision: string }>> {
	const never = refusedEverywhere(actor, 'suggestion.decide');
	if (never) return never;
	return inTransaction(actor, async (tx) => {
		const decided = await suggestions.decisionForUpdate(ref.articleId, ref.fingerprint, tx);
		if (!decided) return notFound(GONE);
		const event =
			decided.eventId === null ? undefined : await deskEvents.getForUpdate(decided.eventId, tx);
		if (decided.decision === 'accepted' && event) {
			if (event.status === 'published')
				return invalid(
					{},
					`“${event.title}” is published: unpublish or delete it on its own page first.`
				);
			const refused = refusedFor(actor, 'event.delete', event);
			if (refused) return refused;
			await deskEvents.softDelete(event.id, null, tx);
			await recordEventChange(actor, 'event.deleted', event.id, { before: event }, tx);
		}
		if (decided.decision === 'merged' && event) {
			const refused = refusedFor(actor, 'event.editParts', event);
			if (refused) return refused;
			// Another proposal of the same article merged there too: the source is still its.
			const shared = await suggestions.otherDecisionsFor(
				ref.articleId,
				ref.fingerprint,
				event.id,
				tx
			);
			if (!shared && (await deskEvents.removeSource(event.id, ref.articleId, tx))) {
				if (event.status === 'published')
					await recordEventChange(
						actor,
						'event.source_removed',
						event.id,
						{ before: { eventId: event.id, articleId: ref.articleId } },
						tx
					);
			}
		}
		await suggestions.forgetProposalDecision(ref.articleId, ref.fingerprint, tx);
		return ok({ decision: decided.decision });
	});
}
