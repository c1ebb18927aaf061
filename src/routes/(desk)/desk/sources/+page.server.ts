import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { formValues } from '$lib/desk/form';
import * as sources from '$lib/server/db/sources';
import { deskActor, unlessRefused } from '$lib/server/desk/outcome';
import { setSourceRights } from '$lib/server/newsroom/sources';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	return { sources: await sources.list() };
};

export const actions: Actions = {
	/** Opens or closes an outlet's full text to readers (the command checks the role). */
	rights: async (event) => {
		const values = formValues(await event.request.formData());
		const open = values.open === '1';
		const result = unlessRefused(await setSourceRights(deskActor(event), values.name, open));
		if (result.kind !== 'ok')
			return fail(400, { errors: result.kind === 'invalid' ? result.errors : {} });
		return { changed: result.value };
	}
};
