import { json, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import { may, refusal } from '$lib/server/newsroom/policy';
import { actorOf } from '$lib/server/newsroom/actor';
import { importTimeline } from '$lib/server/newsroom/articles';
import { readCapped, TooLarge } from '$lib/server/http/read-capped';
import { importTimelineCsv, importTimelineJson } from '$lib/timelinejs/import';

/**
 * A TimelineJS file is kilobytes; 2 MB leaves room for long texts and refuses abuse. No request
 * may be larger anyway (BODY_SIZE_LIMIT, scripts/start.js): a higher cap here was never reached.
 */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const problem = (status: number, error: string, extra: object = {}) =>
	json({ error, ...extra }, { status });

/**
 * POST /api/v1/import/timelinejs: a TimelineJS3 JSON file (application/json) or the TimelineJS
 * Google Sheets template as CSV (text/csv) becomes a new draft story. 201 {storyId, slug,
 * events}; 422 {error, errors} when the file cannot be imported (nothing is stored then).
 */
export const POST: RequestHandler = async (event) => {
	const user = requireApiRole(event, 'contributor');
	const type = (event.request.headers.get('Content-Type') ?? '')
		.split(';')[0]
		?.trim()
		.toLowerCase();
	if (!may(user.role, 'import.timelinejs'))
		return problem(403, refusal('import.timelinejs', 'draft'));
	if (type !== 'application/json' && type !== 'text/csv')
		return problem(415, 'Send a TimelineJS file as application/json or text/csv.');
	let text: string;
	try {
		text = await readCapped(event.request, MAX_IMPORT_BYTES);
	} catch (error) {
		if (!(error instanceof TooLarge)) throw error;
		// Before the rest of the upload is read: close the connection rather than take it.
		return json(
			{ error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` },
			{ status: 413, headers: { connection: 'close' } }
		);
	}
	const result = type === 'text/csv' ? importTimelineCsv(text) : importTimelineJson(text);
	if (!result.ok) {
		const [first, ...rest] = result.errors;
		const more = rest.length
			? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})`
			: '';
		return problem(422, `${first}${more}`, { errors: result.errors.slice(0, 50) });
	}
	const saved = await importTimeline(actorOf(user, event.getClientAddress()), result);
	if (saved.kind !== 'ok') return problem(403, 'This needs the contributor role.');
	return json(saved.value, {
		status: 201,
		headers: { Location: `/api/v1/stories/${saved.value.storyId}` }
	});
};
