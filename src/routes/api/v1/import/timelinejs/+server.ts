import { json, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import * as imports from '$lib/server/db/imports';
import { importTimelineCsv, importTimelineJson } from '$lib/timelinejs/import';

/** A TimelineJS file is kilobytes; 5 MB leaves room for long texts and refuses abuse. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const problem = (status: number, error: string, extra: object = {}) =>
	json({ error, ...extra }, { status });

/** Reads at most `max` bytes of the body; undefined when it is longer. */
async function readCapped(request: Request, max: number): Promise<string | undefined> {
	const declared = Number(request.headers.get('Content-Length') ?? '0');
	if (declared > max) return undefined;
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > max) {
			await reader.cancel();
			return undefined;
		}
		chunks.push(value);
	}
	return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * POST /api/v1/import/timelinejs: a TimelineJS3 JSON file (application/json) or the TimelineJS
 * Google Sheets template as CSV (text/csv) becomes a new draft story. 201 {storyId, slug,
 * events}; 422 {error, errors} when the file cannot be imported (nothing is stored then).
 */
export const POST: RequestHandler = async (event) => {
	const user = requireApiRole(event, 'editor');
	const type = (event.request.headers.get('Content-Type') ?? '')
		.split(';')[0]
		?.trim()
		.toLowerCase();
	if (type !== 'application/json' && type !== 'text/csv')
		return problem(415, 'Send a TimelineJS file as application/json or text/csv.');
	const text = await readCapped(event.request, MAX_IMPORT_BYTES);
	if (text === undefined)
		return problem(413, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
	const result = type === 'text/csv' ? importTimelineCsv(text) : importTimelineJson(text);
	if (!result.ok) {
		const [first, ...rest] = result.errors;
		const more = rest.length
			? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})`
			: '';
		return problem(422, `${first}${more}`, { errors: result.errors.slice(0, 50) });
	}
	const saved = await imports.importTimeline(result, {
		id: user.id,
		clientAddress: event.getClientAddress()
	});
	return json(saved, { status: 201, headers: { Location: `/api/v1/stories/${saved.storyId}` } });
};
