import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { formValues } from '$lib/desk/form';
import { ArticleRejected, ingestArticle } from '$lib/server/ingest/ingest-article';
import { isTimeZone } from '$lib/server/ingest/published-at';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'contributor');
	return {};
};

export const actions: Actions = {
	/** Paste an article: sanitised, de-duplicated and stored like any other ingest. */
	default: async (event) => {
		const user = requireRole(event, 'contributor');
		const values = formValues(await event.request.formData());
		const timeZone = (values.timeZoneOther ?? '').trim() || (values.timeZone ?? '').trim();
		if (!timeZone || !isTimeZone(timeZone)) {
			const errors = {
				timeZone: timeZone
					? `Unknown time zone "${timeZone}": use an IANA name such as Europe/Kyiv.`
					: 'Choose the time zone the publication time is in.'
			};
			return fail(400, { errors, values });
		}
		let id: number;
		let created: boolean;
		try {
			const result = await ingestArticle(
				{
					headline: values.headline,
					dek: values.dek,
					body: values.body,
					source: values.source,
					section: values.section,
					url: values.url,
					publishedAt: values.publishedAt,
					timeZone
				},
				undefined,
				{ actorId: user.id }
			);
			id = result.article.id;
			created = result.created;
		} catch (error) {
			if (error instanceof ArticleRejected) {
				return fail(error.status, { errors: error.errors, values });
			}
			throw error;
		}
		// An article we already had opens that article instead of storing a copy.
		redirect(303, `/desk/articles/${id}${created ? '' : '?duplicate=1'}`);
	}
};
