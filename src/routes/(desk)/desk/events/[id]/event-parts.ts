/**
 * The event page's doors for its parts (sources, actors, relations) and merging: each parses its
 * form, calls the command, and shows field errors beside the part's form.
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import * as deskEvents from '$lib/server/db/desk-events';
import { deskActor, unlessRefused } from '$lib/server/desk/outcome';
import * as parts from '$lib/server/newsroom/event-parts';
import { mergeEvents } from '$lib/server/newsroom/events';
import type { Actor } from '$lib/server/newsroom/actor';
import type { CommandResult } from '$lib/server/newsroom/result';
import { formValues, intField } from '$lib/desk/form';

/** The event id in the URL, or a 404 for one that cannot be an id. */
export function idOf(event: RequestEvent): number {
	const param = event.params.id ?? '';
	if (!/^\d{1,9}$/.test(param)) error(404, 'Event not found');
	return Number(param);
}

/** The event the page shows (drafts too). */
export async function eventOf(event: RequestEvent) {
	const found = await deskEvents.get(idOf(event));
	if (!found) error(404, 'Event not found');
	return found;
}

type Part = 'source' | 'actor' | 'relation' | 'merge';

/** Runs a part's command with the form's fields and maps its answer. */
async function partAction(
	event: RequestEvent,
	part: Part,
	run: (actor: Actor, id: number, data: FormData) => Promise<CommandResult<unknown>>,
	message: (data: FormData) => string
) {
	const actor = deskActor(event);
	const id = idOf(event);
	const data = await event.request.formData();
	const result = unlessRefused(await run(actor, id, data));
	if (result.kind === 'invalid')
		return fail(400, { part, errors: result.errors, values: formValues(data) });
	if (result.kind === 'stale') return fail(409, { part, errors: {}, values: formValues(data) });
	return { message: message(data) };
}

const text = (data: FormData, key: string) => String(data.get(key) ?? '');

export const addSource = (event: RequestEvent) =>
	partAction(
		event,
		'source',
		(actor, id, data) =>
			parts.addSource(actor, id, {
				articleId: intField(data, 'articleId'),
				evidence: text(data, 'evidence')
			}),
		() => 'Source added.'
	);

export const removeSource = (event: RequestEvent) =>
	partAction(
		event,
		'source',
		(actor, id, data) => parts.removeSource(actor, id, intField(data, 'articleId')),
		() => 'Source removed.'
	);

export const addActor = (event: RequestEvent) =>
	partAction(
		event,
		'actor',
		(actor, id, data) =>
			parts.addActor(actor, id, {
				name: text(data, 'name'),
				kind: text(data, 'entityKind') || 'person',
				aliases: text(data, 'aliases').split(',')
			}),
		() => 'Actor added.'
	);

export const removeActor = (event: RequestEvent) =>
	partAction(
		event,
		'actor',
		(actor, id, data) => parts.removeActor(actor, id, intField(data, 'entityId')),
		() => 'Actor removed.'
	);

export const addRelation = (event: RequestEvent) =>
	partAction(
		event,
		'relation',
		(actor, id, data) =>
			parts.addRelation(actor, id, {
				relation: text(data, 'relation'),
				toEventId: intField(data, 'toEventId')
			}),
		() => 'Relation added.'
	);

export const removeRelation = (event: RequestEvent) =>
	partAction(
		event,
		'relation',
		(actor, id, data) =>
			parts.removeRelation(actor, id, {
				relation: text(data, 'relation'),
				toEventId: intField(data, 'toEventId')
			}),
		() => 'Relation removed.'
	);

/** Folds another event of the story into this one. */
export async function merge(event: RequestEvent) {
	const actor = deskActor(event);
	const id = idOf(event);
	const data = await event.request.formData();
	const result = unlessRefused(await mergeEvents(actor, id, intField(data, 'otherId')));
	if (result.kind === 'ok')
		return { message: `Merged “${result.value.merged.title}” into this event.` };
	return fail(400, {
		part: 'merge',
		errors: result.kind === 'invalid' ? result.errors : {},
		values: formValues(data)
	});
}
