import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/newsroom/actor';
import { importTimeline } from '$lib/server/newsroom/articles';
import { importTimelineCsv, importTimelineJson } from '$lib/timelinejs/import';
import type { Actions, PageServerLoad } from './$types';

/**
 * A TimelineJS file is kilobytes; this refuses abuse (the API has the same cap). 2 MB, because
 * the whole request may not be larger (BODY_SIZE_LIMIT, scripts/start.js).
 */
const MAX_BYTES = 2 * 1024 * 1024;
/** Pasted text sent back into the form after an error, at most this much. */
const ECHO_LIMIT = 200_000;

export const load: PageServerLoad = (event) => {
	requireRole(event, 'contributor');
	return {};
};

/** JSON when it opens with a brace (or the file says .json), CSV otherwise. */
const isJson = (text: string, fileName: string) =>
	/\.json$/i.test(fileName) || (!/\.csv$/i.test(fileName) && text.trimStart().startsWith('{'));

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'contributor');
		const form = await event.request.formData();
		const file = form.get('file');
		const pasted = String(form.get('text') ?? '');
		const values = { text: pasted.slice(0, ECHO_LIMIT) };
		const upload = file instanceof File && file.size > 0 ? file : undefined;
		if (!upload && !pasted.trim())
			return fail(400, { errors: ['Choose a file or paste a timeline.'], values });
		if ((upload?.size ?? 0) > MAX_BYTES || pasted.length > MAX_BYTES)
			return fail(413, { errors: ['The timeline is larger than 2 MB.'], values });

		const text = upload ? await upload.text() : pasted;
		const name = upload?.name ?? '';
		const result = isJson(text, name) ? importTimelineJson(text) : importTimelineCsv(text);
		if (!result.ok) return fail(422, { errors: result.errors.slice(0, 50), values });

		const saved = await importTimeline(actorOf(user, event.getClientAddress()), result);
		if (saved.kind !== 'ok') error(403, 'This needs the contributor role.');
		return { imported: { ...saved.value, title: result.story.title } };
	}
};
