import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import * as deskEvents from '$lib/server/db/desk-events';
import { historyOf, restoreFromForm } from '$lib/server/revisions/history';

async function eventOf(param: string) {
	const event = /^\d{1,9}$/.test(param) ? await deskEvents.get(Number(param)) : undefined;
	if (!event) error(404, 'Event not found');
	return event;
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'contributor');
	const target = await eventOf(event.params.id);
	return {
		event: target,
		entries: await historyOf('event', target.id),
		canRestore: hasRole(user, 'editor')
	};
};

export const actions: Actions = {
	restore: async (event) => restoreFromForm(event, 'event', (await eventOf(event.params.id)).id)
};
