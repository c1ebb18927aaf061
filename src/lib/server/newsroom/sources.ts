/**
 * An outlet's reuse right, as an editor decides it: whether readers may see the full text of
 * its articles. Only the newsroom's own desk should be open; wire and competitor copy stays
 * closed (its evidence sentences are still quoted on events).
 */
import * as audit from '../db/audit';
import * as sources from '../db/sources';
import { sql } from '../db/client';
import type { Actor } from './actor';
import { may, refusal } from './policy';
import { forbidden, invalid, ok, type CommandResult } from './result';
import { hasControlCharacters } from '../../schemas/text';

/** Opens (`open` true) or closes an outlet's full text to readers. */
export async function setSourceRights(
	actor: Actor,
	name: unknown,
	open: boolean
): Promise<CommandResult<{ name: string; fullTextPublic: boolean }>> {
	if (!may(actor.role, 'source.rights')) return forbidden(refusal('source.rights', 'published'));
	const outlet = typeof name === 'string' ? name.trim() : '';
	if (!outlet || outlet.length > 200 || hasControlCharacters(outlet))
		return invalid({ name: 'Name the outlet (up to 200 characters).' });
	return sql.begin(async (tx) => {
		const before = await sources.fullTextPublic(outlet, tx);
		const row = await sources.setFullTextPublic(outlet, open, actor.id, tx);
		await audit.record(
			{
				actorId: actor.id,
				action: open ? 'source.opened' : 'source.closed',
				entityType: 'source',
				entityId: row.id,
				before: { fullTextPublic: before },
				after: { fullTextPublic: row.fullTextPublic },
				clientAddress: actor.clientAddress
			},
			tx
		);
		return ok({ name: row.name, fullTextPublic: row.fullTextPublic });
	}) as Promise<CommandResult<{ name: string; fullTextPublic: boolean }>>;
}
