/**
 * The event page's actions on its parts: sources, actors, relations, and merging. Each is one
 * small transaction naming the acting user; none changes the event row, so none is versioned.
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { sql } from '$lib/server/db/client';
import * as audit from '$lib/server/db/audit';
import * as deskEvents from '$lib/server/db/desk-events';
import * as deskStories from '$lib/server/db/desk-stories';
import * as entities from '$lib/server/db/entities';
import * as events from '$lib/server/db/events';
import { formValues, intField } from '$lib/desk/form';
import { blankToMissing, fieldErrors } from '$lib/schemas/errors';
import { Actor, RELATIONS, Source } from '$lib/schemas/parts';

export async function eventOf(event: RequestEvent) {
	const param = event.params.id ?? '';
	const found = /^\d{1,9}$/.test(param) ? await deskEvents.get(Number(param)) : undefined;
	if (!found) error(404, 'Event not found');
	return found;
}

/** Another live event of the same story, chosen in a form field. */
async function sibling(data: FormData, key: string, storyId: number, selfId: number) {
	const id = intField(data, key);
	const other = id === null ? undefined : await deskEvents.get(id);
	return other && other.storyId === storyId && other.id !== selfId ? other : undefined;
}

export async function addSource(event: RequestEvent) {
	const user = requireRole(event, 'contributor');
	const target = await eventOf(event);
	const data = await event.request.formData();
	const checked = Source.safeParse(formValues(data));
	if (!checked.success)
		return fail(400, {
			part: 'source',
			errors: fieldErrors(checked.error),
			values: formValues(data)
		});
	const { articleId, evidence } = checked.data;
	if (!(await deskEvents.isFiledIn(target.storyId, articleId)))
		return fail(400, {
			part: 'source',
			errors: { articleId: 'That article is not filed in this story.' },
			values: formValues(data)
		});
	await sql.begin(async (tx) => {
		await deskStories.actAs(user.id, tx);
		await deskEvents.removeSource(target.id, articleId, tx);
		await events.addSource({ eventId: target.id, articleId, evidence, addedBy: user.id }, tx);
	});
	return { message: 'Source added.' };
}

export async function removeSource(event: RequestEvent) {
	requireRole(event, 'contributor');
	const target = await eventOf(event);
	const articleId = intField(await event.request.formData(), 'articleId');
	if (articleId !== null) await deskEvents.removeSource(target.id, articleId);
	return { message: 'Source removed.' };
}

export async function addActor(event: RequestEvent) {
	requireRole(event, 'contributor');
	const target = await eventOf(event);
	const data = await event.request.formData();
	const checked = Actor.safeParse(blankToMissing(formValues(data)));
	if (!checked.success)
		return fail(400, {
			part: 'actor',
			errors: fieldErrors(checked.error),
			values: formValues(data)
		});
	const { name, entityKind: kind, aliases } = checked.data;
	await sql.begin(async (tx) => {
		const entity = await entities.upsert({ kind, name, aliases }, tx);
		await entities.linkToEvent({ eventId: target.id, entityId: entity.id, role: 'actor' }, tx);
	});
	return { message: 'Actor added.' };
}

export async function removeActor(event: RequestEvent) {
	requireRole(event, 'contributor');
	const target = await eventOf(event);
	const entityId = intField(await event.request.formData(), 'entityId');
	if (entityId !== null) await deskEvents.unlinkEntity(target.id, entityId);
	return { message: 'Actor removed.' };
}

export async function addRelation(event: RequestEvent) {
	const user = requireRole(event, 'contributor');
	const target = await eventOf(event);
	const data = await event.request.formData();
	const relation = String(data.get('relation') ?? '');
	const other = await sibling(data, 'toEventId', target.storyId, target.id);
	if (!other || !(RELATIONS as readonly string[]).includes(relation))
		return fail(400, {
			part: 'relation',
			errors: { toEventId: 'Choose a relation and another event of this story.' },
			values: formValues(data)
		});
	await events.relate({
		fromEventId: target.id,
		toEventId: other.id,
		relation: relation as events.EventRelationKind,
		createdBy: user.id
	});
	return { message: 'Relation added.' };
}

export async function removeRelation(event: RequestEvent) {
	requireRole(event, 'contributor');
	const target = await eventOf(event);
	const data = await event.request.formData();
	const to = intField(data, 'toEventId');
	if (to !== null) await deskEvents.unrelate(target.id, to, String(data.get('relation') ?? ''));
	return { message: 'Relation removed.' };
}

/** Folds another event of the story into this one; it deletes, so it needs an editor. */
export async function merge(event: RequestEvent) {
	const user = requireRole(event, 'editor');
	const target = await eventOf(event);
	const data = await event.request.formData();
	const other = await sibling(data, 'otherId', target.storyId, target.id);
	if (!other)
		return fail(400, {
			part: 'merge',
			errors: { otherId: 'Choose another event of this story.' },
			values: formValues(data)
		});
	await sql.begin(async (tx) => {
		await deskStories.actAs(user.id, tx);
		await deskEvents.merge(target.id, other.id, tx);
		const clientAddress = event.getClientAddress();
		await audit.record(
			{
				actorId: user.id,
				action: 'event.merged',
				entityType: 'event',
				entityId: target.id,
				before: { mergedEventId: other.id, title: other.title },
				clientAddress
			},
			tx
		);
	});
	return { message: `Merged “${other.title}” into this event.` };
}
