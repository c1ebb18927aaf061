/**
 * Commands on an event's parts: the articles that source it, the actors taking part, and its
 * relations to other events of the story. Parts of a published event are what readers see, so
 * there they need an editor and leave an audit entry; on a draft a contributor may change them.
 */
import { fieldErrors } from '../../schemas/errors';
import { Actor as ActorSchema, Source as SourceSchema } from '../../schemas/parts';
import type { Db } from '../db/client';
import * as deskEvents from '../db/desk-events';
import * as entities from '../db/entities';
import * as events from '../db/events';
import type { Actor } from './actor';
import { inTransaction, recordEventChange, refusedEverywhere, refusedFor } from './event-command';
import { invalid, notFound, ok, type CommandResult } from './result';

export const RELATIONS = ['follows', 'part_of', 'responds_to', 'contradicts', 'same_as'] as const;
export const ACTOR_KINDS = ['person', 'organisation', 'place'] as const;

/**
 * The common frame: refuse a role that may never edit parts, find the event (locked), refuse by
 * its state, then do the change and audit it when readers see the event.
 */
function onParts(
	actor: Actor,
	eventId: number,
	change: (
		event: deskEvents.DeskEvent,
		tx: Db
	) => Promise<CommandResult<{ action: string; detail: unknown } | null>>
): Promise<CommandResult<null>> {
	const never = refusedEverywhere(actor, 'event.editParts');
	if (never) return Promise.resolve(never);
	return inTransaction(actor, async (tx) => {
		const event = await deskEvents.getForUpdate(eventId, tx);
		if (!event) return notFound('No event with that id.');
		const refused = refusedFor(actor, 'event.editParts', event);
		if (refused) return refused;
		const done = await change(event, tx);
		if (done.kind !== 'ok') return done;
		if (done.value && event.status === 'published')
			await recordEventChange(actor, done.value.action, event.id, { after: done.value.detail }, tx);
		return ok(null);
	});
}

/** Cites a story's article as a source with the quoted words (again: replaces the quote). */
export function addSource(
	actor: Actor,
	eventId: number,
	input: { articleId: number | null; evidence: string }
): Promise<CommandResult<null>> {
	return onParts(actor, eventId, async (event, tx) => {
		// One schema for every door (Source): the article, and the quote without control characters
		// and within the evidence limit.
		const checked = SourceSchema.safeParse({
			articleId: input.articleId ?? undefined,
			evidence: input.evidence
		});
		if (!checked.success || input.articleId === null)
			return invalid(checked.success ? {} : fieldErrors(checked.error));
		const evidence = checked.data.evidence;
		const articleId = input.articleId;
		if (!(await deskEvents.isFiledIn(event.storyId, articleId, tx)))
			return invalid({ articleId: 'That article is not filed in this story.' });
		await deskEvents.removeSource(event.id, articleId, tx);
		await events.addSource({ eventId: event.id, articleId, evidence, addedBy: actor.id }, tx);
		return ok({ action: 'event.source_added', detail: { articleId, evidence } });
	});
}

export function removeSource(
	actor: Actor,
	eventId: number,
	articleId: number | null
): Promise<CommandResult<null>> {
	return onParts(actor, eventId, async (event, tx) => {
		if (articleId === null) return invalid({ articleId: 'Choose a source to remove.' });
		const removed = await deskEvents.removeSource(event.id, articleId, tx);
		return ok(removed ? { action: 'event.source_removed', detail: { articleId } } : null);
	});
}

/** Names a person, organisation or place as an actor (found or created by name and kind). */
export function addActor(
	actor: Actor,
	eventId: number,
	input: { name: string; kind: string; aliases: string[] }
): Promise<CommandResult<null>> {
	return onParts(actor, eventId, async (event, tx) => {
		const checked = ActorSchema.safeParse({
			name: input.name,
			entityKind: input.kind,
			aliases: input.aliases.join(',')
		});
		if (!checked.success) return invalid(fieldErrors(checked.error));
		const { name, entityKind: kind, aliases } = checked.data;
		const entity = await entities.upsert({ kind, name, aliases }, tx);
		await entities.linkToEvent({ eventId: event.id, entityId: entity.id, role: 'actor' }, tx);
		return ok({ action: 'event.actor_added', detail: { entityId: entity.id, name, kind } });
	});
}

export function removeActor(
	actor: Actor,
	eventId: number,
	entityId: number | null
): Promise<CommandResult<null>> {
	return onParts(actor, eventId, async (event, tx) => {
		if (entityId === null) return invalid({ entityId: 'Choose an actor to remove.' });
		const removed = await deskEvents.unlinkEntity(event.id, entityId, tx);
		return ok(removed ? { action: 'event.actor_removed', detail: { entityId } } : null);
	});
}

/** Relates the event to another live event of its story (`this <relation> other`). */
export function addRelation(
	actor: Actor,
	eventId: number,
	input: { relation: string; toEventId: number | null }
): Promise<CommandResult<null>> {
	return onParts(actor, eventId, async (event, tx) => {
		const relation = RELATIONS.find((known) => known === input.relation);
		const other = input.toEventId === null ? undefined : await deskEvents.get(input.toEventId, tx);
		if (!relation || !other || other.storyId !== event.storyId || other.id === event.id)
			return invalid({ toEventId: 'Choose a relation and another event of this story.' });
		await events.relate(
			{ fromEventId: event.id, toEventId: other.id, relation, createdBy: actor.id },
			tx
		);
		return ok({ action: 'event.relation_added', detail: { toEventId: other.id, relation } });
	});
}

export function removeRelation(
	actor: Actor,
	eventId: number,
	input: { relation: string; toEventId: number | null }
): Promise<CommandResult<null>> {
	return onParts(actor, eventId, async (event, tx) => {
		if (input.toEventId === null) return invalid({ toEventId: 'Choose a relation to remove.' });
		const removed = await deskEvents.unrelate(event.id, input.toEventId, input.relation, tx);
		const detail = { toEventId: input.toEventId, relation: input.relation };
		return ok(removed ? { action: 'event.relation_removed', detail } : null);
	});
}
