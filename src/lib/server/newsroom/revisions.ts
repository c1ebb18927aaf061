/**
 * Restoring a story's or an event's revision: its snapshot's editable fields written back as an
 * ordinary, version-checked update, so the restore is itself a new revision (by the restoring
 * actor) and an audit entry. The revision is named by the entity version it recorded.
 *
 * Policy (`story.restoreRevision`, `event.restoreRevision`) is judged by what readers would see:
 * the target's publication now, and for an event also the status the revision would bring back,
 * so a contributor cannot publish by restoring. An unknown id answers as a published target
 * would, so a role that may not touch published work cannot tell which ids exist.
 */
import { sql, actAs, type Db, type Sql } from '../db/client';
import * as audit from '../db/audit';
import * as deskEvents from '../db/desk-events';
import * as deskStories from '../db/desk-stories';
import * as revisions from '../db/revisions';
import { eventFieldsOf, storyFieldsOf } from '../revisions/snapshot';
import type { Story } from '../../types';
import type { Actor } from './actor';
import { may, refusal, type Action, type TargetState } from './policy';
import { forbidden, invalid, notFound, ok, stale, type CommandResult } from './result';

type EntityType = 'story' | 'event';

const ACTION: Record<EntityType, Action> = {
	story: 'story.restoreRevision',
	event: 'event.restoreRevision'
};

/** Whether readers see the event now or would see it once `restored` is written back. */
export function eventRestoreState(
	current: { status: string },
	restored: { status: string }
): TargetState {
	return current.status === 'published' || restored.status === 'published' ? 'published' : 'draft';
}

export const storyRestoreState = (current: Pick<Story, 'publication'>): TargetState =>
	current.publication === 'published' ? 'published' : 'draft';

/** The answer for a target that is not there: the same a hidden published one would get. */
function absent(actor: Actor, entityType: EntityType) {
	const action = ACTION[entityType];
	return may(actor.role, action, 'published')
		? notFound(`No ${entityType} with that id.`)
		: forbidden(refusal(action, 'published'));
}

/** Names the actor for the revision and verification triggers (system actors stay anonymous). */
async function begin(actor: Actor, tx: Db) {
	if (actor.id !== null) await actAs(actor.id, tx);
}

/**
 * Writes back the story's fields as revision `revisionVersion` recorded them, over the story at
 * `expected` (its version when the editor looked). Publication is not an editable field and
 * stays as it is.
 */
export async function restoreStoryRevision(
	actor: Actor,
	storyId: number,
	revisionVersion: number,
	expected: number,
	db: Sql = sql
): Promise<CommandResult<Story>> {
	const action = ACTION.story;
	if (!may(actor.role, action, 'draft')) return forbidden(refusal(action, 'draft'));
	return db.begin(async (tx) => {
		const current = await deskStories.get(storyId, tx);
		if (!current) return absent(actor, 'story');
		const state = storyRestoreState(current);
		if (!may(actor.role, action, state)) return forbidden(refusal(action, state));
		const revision = await revisions.atVersion('story', storyId, revisionVersion, tx);
		if (!revision) return notFound(`The story has no revision at version ${revisionVersion}.`);
		if (current.version !== expected) return stale(current, current.version);
		const fields = storyFieldsOf(revision.snapshot);
		if (await deskStories.slugTaken(fields.slug, storyId, tx))
			return invalid(
				{ slug: 'Another story now uses this slug: change that one first.' },
				'The revision’s slug is taken.'
			);
		await begin(actor, tx);
		const updated = await deskStories.update(storyId, expected, fields, tx);
		if (!updated.ok) return stale(updated.current, updated.current?.version ?? expected);
		await audit.record(
			{
				actorId: actor.id,
				clientAddress: actor.clientAddress,
				action: 'story.revision_restored',
				entityType: 'story',
				entityId: storyId,
				before: { version: current.version, title: current.title, slug: current.slug },
				after: { restoredVersion: revisionVersion, storyRevision: revision.storyRevision }
			},
			tx
		);
		return ok(updated.value);
	});
}

/** Writes back the event's fields as revision `revisionVersion` recorded them, at `expected`. */
export async function restoreEventRevision(
	actor: Actor,
	eventId: number,
	revisionVersion: number,
	expected: number,
	db: Sql = sql
): Promise<CommandResult<deskEvents.DeskEvent>> {
	const action = ACTION.event;
	if (!may(actor.role, action, 'draft')) return forbidden(refusal(action, 'draft'));
	return db.begin(async (tx) => {
		const current = await deskEvents.get(eventId, tx);
		if (!current) return absent(actor, 'event');
		// Judged on the current state first, before the revision's existence is told.
		const now = eventRestoreState(current, current);
		if (!may(actor.role, action, now)) return forbidden(refusal(action, now));
		const revision = await revisions.atVersion('event', eventId, revisionVersion, tx);
		if (!revision) return notFound(`The event has no revision at version ${revisionVersion}.`);
		const fields = eventFieldsOf(revision.snapshot);
		const state = eventRestoreState(current, fields);
		if (!may(actor.role, action, state)) return forbidden(refusal(action, state));
		if (current.version !== expected) return stale(current, current.version);
		await begin(actor, tx);
		const updated = await deskEvents.update(eventId, expected, fields, tx);
		if (!updated.ok) return stale(updated.current, updated.current?.version ?? expected);
		await audit.record(
			{
				actorId: actor.id,
				clientAddress: actor.clientAddress,
				action: 'event.revision_restored',
				entityType: 'event',
				entityId: eventId,
				before: { version: current.version, title: current.title },
				after: { restoredVersion: revisionVersion, storyRevision: revision.storyRevision }
			},
			tx
		);
		return ok(updated.value);
	});
}

/** Either command by entity type, for doors shared by stories and events. */
export function restoreRevision(
	actor: Actor,
	entityType: EntityType,
	id: number,
	revisionVersion: number,
	expected: number
): Promise<CommandResult<Story | deskEvents.DeskEvent>> {
	return entityType === 'story'
		? restoreStoryRevision(actor, id, revisionVersion, expected)
		: restoreEventRevision(actor, id, revisionVersion, expected);
}
