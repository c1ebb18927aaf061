import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { sql } from '$lib/server/db/client';
import * as deskStories from '$lib/server/db/desk-stories';
import * as stories from '$lib/server/db/stories';
import { parseStory } from '$lib/desk/story-input';
import { formValues } from '$lib/desk/form';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'contributor');
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'contributor');
		const values = formValues(await event.request.formData());
		const parsed = parseStory(values);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
		if (await deskStories.slugTaken(parsed.value.slug, null))
			return fail(400, {
				errors: { slug: `Another story already uses “${parsed.value.slug}”: choose another slug.` },
				values: { ...values, slug: parsed.value.slug }
			});
		let id: number;
		try {
			const story = await sql.begin(async (tx) => {
				await deskStories.actAs(user.id, tx);
				return stories.create({ ...parsed.value, publication: 'draft' }, tx);
			});
			id = story.id;
		} catch (err) {
			if (!deskStories.isSlugClash(err)) throw err;
			return fail(400, { errors: { slug: 'Another story took that slug just now.' }, values });
		}
		redirect(303, `/desk/stories/${id}`);
	}
};
