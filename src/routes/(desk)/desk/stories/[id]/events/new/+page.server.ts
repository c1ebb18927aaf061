import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import * as deskEvents from '$lib/server/db/desk-events';
import * as deskStories from '$lib/server/db/desk-stories';
import { deskActor, unlessRefused } from '$lib/server/desk/outcome';
import { createEvent } from '$lib/server/newsroom/events';
import { formValues } from '$lib/desk/form';

async function storyOf(param: string) {
	const story = /^\d{1,9}$/.test(param) ? await deskStories.get(Number(param)) : undefined;
	if (!story) error(404, 'Story not found');
	return story;
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'contributor');
	const story = await storyOf(event.params.id);
	const [events, placeZones] = await Promise.all([
		deskEvents.listForStory(story.id),
		deskEvents.placeZones()
	]);
	// The place's zone: the one this story's latest event used, since its events share places.
	const zones = [...new Set(events.map((e) => e.timeZone))];
	const latest = events.at(-1);
	return {
		story,
		zones,
		placeZones,
		values: { timeZone: latest?.timeZone ?? 'UTC', kind: 'other', precision: 'day' },
		canPublish: hasRole(user, 'editor')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = deskActor(event);
		const storyId = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : null;
		if (storyId === null) error(404, 'Story not found');
		const values = formValues(await event.request.formData());
		const result = unlessRefused(await createEvent(actor, storyId, values));
		if (result.kind !== 'ok')
			return fail(400, { errors: result.kind === 'invalid' ? result.errors : {}, values });
		redirect(303, `/desk/events/${result.value.id}`);
	}
};
