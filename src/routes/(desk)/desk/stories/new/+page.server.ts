import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/newsroom/actor';
import { createStory } from '$lib/server/newsroom/stories';
import { formValues } from '$lib/desk/form';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'contributor');
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'contributor');
		const values = formValues(await event.request.formData());
		const result = await createStory(actorOf(user, event.getClientAddress()), values);
		if (result.kind === 'invalid') return fail(400, { errors: result.errors, values });
		if (result.kind !== 'ok') error(403, result.kind === 'stale' ? 'Try again.' : result.message);
		redirect(303, `/desk/stories/${result.value.id}`);
	}
};
