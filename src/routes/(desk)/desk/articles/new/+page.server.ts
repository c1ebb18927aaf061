import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { formValues } from '$lib/desk/form';
import { actorOf } from '$lib/server/newsroom/actor';
import { ingestArticle, TOO_LARGE } from '$lib/server/newsroom/articles';
import { isTimeZone } from '$lib/server/ingest/published-at';
import type { Actions, PageServerLoad } from './$types';

// The editor's language comes from the desk layout's data (`locale`), never from a page load:
// page loads run beside the layout's, before it has set locals.pageLang.
export const load: PageServerLoad = (event) => {
	requireRole(event, 'contributor');
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
		const result = await ingestArticle(actorOf(user, event.getClientAddress()), {
			headline: values.headline,
			dek: values.dek,
			body: values.body,
			source: values.source,
			section: values.section,
			url: values.url,
			language: values.language,
			// Left empty: filed now (an instant, so the zone does not change it).
			publishedAt: values.publishedAt?.trim() || new Date().toISOString(),
			timeZone
		});
		if (result.kind === 'invalid')
			return fail(result.message === TOO_LARGE ? 413 : 400, { errors: result.errors, values });
		if (result.kind === 'forbidden') error(403, result.message);
		if (result.kind !== 'ok') return fail(409, { errors: {}, values });
		const { article, created } = result.value;
		// An article we already had opens that article instead of storing a copy.
		redirect(303, `/desk/articles/${article.id}${created ? '' : '?duplicate=1'}`);
	}
};
