import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import { sql } from '$lib/server/db/client';
import * as articles from '$lib/server/db/articles';
import * as audit from '$lib/server/db/audit';
import * as deskEvents from '$lib/server/db/desk-events';
import * as deskStories from '$lib/server/db/desk-stories';
import * as entities from '$lib/server/db/entities';
import { parseEvent } from '$lib/desk/event-input';
import { EVENT_LABELS, eventValues } from '$lib/desk/event-values';
import { conflictRows, formValues, intField } from '$lib/desk/form';
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
		const user = requireRole(event, 'contributor');
		const current = await parts.eventOf(event);
		const data = await event.request.formData();
		const values = formValues(data);
		const version = intField(data, 'version');
		const parsed = parseEvent(values);
		if (!parsed.ok || version === null)
			return fail(400, { errors: parsed.ok ? {} : parsed.errors, values, version });
		// Publishing, withdrawing, or changing what readers already see is an editor's call.
		if (current.status === 'published' || parsed.value.status !== current.status)
			requireRole(event, 'editor');
		const result = await sql.begin(async (tx) => {
			await deskStories.actAs(user.id, tx);
			const updated = await deskEvents.update(current.id, version, parsed.value, tx);
			if (updated.ok && parsed.value.status !== current.status) {
				const action =
					parsed.value.status === 'published' ? 'event.published' : 'event.unpublished';
				const clientAddress = event.getClientAddress();
				await audit.record(
					{ actorId: user.id, action, entityType: 'event', entityId: current.id, clientAddress },
					tx
				);
			}
			return updated;
		});
		if (!result.ok) {
			const theirs = result.current ?? current;
			// Their version becomes the base: saving again applies these values over it.
			return fail(409, {
				conflict: conflictRows(EVENT_LABELS, eventValues(theirs), values),
				values,
				version: theirs.version,
				errors: {}
			});
		}
		return { message: 'Saved.' };
	},
	delete: async (event) => {
		const user = requireRole(event, 'editor');
		const current = await parts.eventOf(event);
		await sql.begin(async (tx) => {
			await deskStories.actAs(user.id, tx);
			if (await deskEvents.softDelete(current.id, null, tx)) {
				const clientAddress = event.getClientAddress();
				await audit.record(
					{
						actorId: user.id,
						action: 'event.deleted',
						entityType: 'event',
						entityId: current.id,
						before: current,
						clientAddress
					},
					tx
				);
			}
		});
		redirect(303, `/desk/stories/${current.storyId}`);
	},
	addSource: parts.addSource,
	removeSource: parts.removeSource,
	addActor: parts.addActor,
	removeActor: parts.removeActor,
	addRelation: parts.addRelation,
	removeRelation: parts.removeRelation,
	merge: parts.merge
};
