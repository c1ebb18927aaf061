/**
 * What every event command shares: the answer for a role that may never do an action (given
 * before any lookup, so a refused caller learns nothing about which ids exist), the target's
 * publication state for the policy table, the transaction that names the actor for the revision
 * triggers, and the audit entry for a change readers can see.
 */
import { actAs, sql, type Db } from '../db/client';
import * as audit from '../db/audit';
import type { DeskEvent } from '../db/desk-events';
import type { Actor } from './actor';
import { may, refusal, type Action, type TargetState } from './policy';
import { forbidden, type CommandResult } from './result';

export const stateOf = (event: Pick<DeskEvent, 'status'>): TargetState =>
	event.status === 'published' ? 'published' : 'draft';

/** Forbidden when the role may not do `action` in any state (drafts are the lesser bar). */
export function refusedEverywhere(actor: Actor, action: Action) {
	return may(actor.role, action, 'draft') ? null : forbidden(refusal(action, 'draft'));
}

/** Forbidden when the role may not do `action` to this event as it is now. */
export function refusedFor(actor: Actor, action: Action, event: Pick<DeskEvent, 'status'>) {
	const state = stateOf(event);
	return may(actor.role, action, state) ? null : forbidden(refusal(action, state));
}

/**
 * Runs the command's reads, decisions and writes in one transaction that names the actor. A
 * result other than ok is returned only before anything is written, so it commits nothing.
 */
export function inTransaction<T>(
	actor: Actor,
	work: (tx: Db) => Promise<CommandResult<T>>
): Promise<CommandResult<T>> {
	return sql.begin(async (tx) => {
		if (actor.id !== null) await actAs(actor.id, tx);
		return work(tx);
	}) as Promise<CommandResult<T>>;
}

/** The audit line for an event change readers can see, in the transaction that made it. */
export function recordEventChange(
	actor: Actor,
	action: string,
	eventId: number,
	detail: { before?: unknown; after?: unknown },
	tx: Db
): Promise<void> {
	return audit.record(
		{
			actorId: actor.id,
			action,
			entityType: 'event',
			entityId: eventId,
			...detail,
			clientAddress: actor.clientAddress
		},
		tx
	);
}
