/**
 * Bringing a deleted event back from the trash: the Undo the desk offers right after a delete
 * (and the trash page's restore). Editors only, as deleting is; audited like the delete.
 */
import * as deskEvents from '../db/desk-events';
import { trashedStatus } from '../db/soft-delete';
import type { Actor } from './actor';
import { inTransaction, recordEventChange, refusedEverywhere, refusedFor } from './event-command';
import { notFound, ok, type CommandResult } from './result';

export const NOT_IN_TRASH = 'Not in the trash any more (restored, or deleted over 30 days ago).';

export async function restoreEvent(
	actor: Actor,
	id: number
): Promise<CommandResult<deskEvents.DeskEvent>> {
	const never = refusedEverywhere(actor, 'event.restore');
	if (never) return never;
	return inTransaction(actor, async (tx) => {
		const status = await trashedStatus('events', id, tx);
		if (status === undefined) return notFound(NOT_IN_TRASH);
		const refused = refusedFor(actor, 'event.restore', {
			status: status === 'published' ? 'published' : 'draft'
		});
		if (refused) return refused;
		await deskEvents.restore(id, tx);
		const restored = await deskEvents.get(id, tx);
		if (!restored) return notFound(NOT_IN_TRASH);
		await recordEventChange(actor, 'event.restored', id, { after: restored }, tx);
		return ok(restored);
	});
}
