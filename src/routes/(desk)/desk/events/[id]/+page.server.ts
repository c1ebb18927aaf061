import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import * as articles from '$lib/server/db/articles';
import * as deskEvents from '$lib/server/db/desk-events';
import * as deskStories from '$lib/server/db/desk-stories';
import * as entities from '$lib/server/db/entities';
import { deskActor, unlessRefused } from '$lib/server/desk/outcome';
import { deleteEvent, saveEvent, type SaveConflict } from '$lib/server/newsroom/events';
import { EVENT_LABELS, eventValues } from '$lib/desk/event-values';
import { conflictRows, formValues, intField } from '$lib/desk/form';
import { NOT_IN_TRASH, restoreEvent } from '$lib/server/newsroom/event-trash';
import * as parts from './event-parts';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'contributor');
	const target = await parts.eventOf(event);
	const story = await deskStories.get(target.storyId);
	if (!story) error(404, 'Story not found');
	const [sources, storyArticles, actors, relations, siblings, placeZones] = await Promise.all([
		deskEvents.sources(target.id),
		articles.listForStory(story.id),
		entities.listForEvent(target.id),
		deskEvents.relations(target.id),
		deskEvents.listForStory(story.id),
		deskEvents.placeZones()
	]);
	return {
		event: target,
		story: { id: story.id, title: story.title },
		values: eventValues(target),
		sources,
		articles: storyArticles.map(({ id, headline, source }) => ({ id, headline, source })),
		actors: actors.map(({ id, name, kind, aliases }) => ({ id, name, kind, aliases })),
		relations,
		others: siblings
			.filter((other) => other.id !== target.id)
			.map(({ id, title }) => ({ id, title })),
		zones: [...new Set(siblings.map((other) => other.timeZone))],
		placeZones,
		canPublish: hasRole(user, 'editor')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = deskActor(event);
		const id = parts.idOf(event);
		const data = await event.request.formData();
		const values = formValues(data);
		const version = intField(data, 'version');
		if (version === null)
			return fail(400, {
				errors: { version: 'The form lost the version it started from: reload the page.' },
				values,
				version
			});
		const result = unlessRefused(await saveEvent(actor, id, { version, values }));
		if (result.kind === 'invalid') return fail(400, { errors: result.errors, values, version });
		if (result.kind === 'stale') {
			const { event: theirs, conflicts, merged } = result.current as SaveConflict;
			// The form now holds theirs with your other changes; in the fields both changed it keeps
			// what you typed, and the view shows theirs beside it. Their version is the new base, so
			// saving again writes only what differs from it.
			const yours = Object.fromEntries(conflicts.map((key) => [key, values[key] ?? '']));
			return fail(409, {
				conflict: conflictRows(EVENT_LABELS, eventValues(theirs), values, conflicts),
				values: { ...eventValues(merged), ...yours },
				version: theirs.version,
				errors: {}
			});
		}
		return { message: 'Saved.' };
	},
	delete: async (event) => {
		const actor = deskActor(event);
		const result = unlessRefused(await deleteEvent(actor, parts.idOf(event), null));
		if (result.kind !== 'ok') return fail(409, { message: 'Not deleted: reload and try again.' });
		// The story page says it is gone and offers Undo (the restore action below).
		redirect(303, `/desk/stories/${result.value.storyId}?deleted=${result.value.id}`);
	},
	restore: async (event) => {
		const result = await restoreEvent(deskActor(event), parts.idOf(event));
		if (result.kind === 'forbidden') error(403, result.message);
		if (result.kind !== 'ok') error(404, NOT_IN_TRASH);
		redirect(303, `/desk/events/${result.value.id}?restored=1`);
	},
	addSource: parts.addSource,
	removeSource: parts.removeSource,
	addActor: parts.addActor,
	removeActor: parts.removeActor,
	addRelation: parts.addRelation,
	removeRelation: parts.removeRelation,
	merge: parts.merge
};
