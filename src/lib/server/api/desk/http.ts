/**
 * The desk API's HTTP conventions: `If-Match: "<version>"` on every change (428 without it, 412
 * with the current ETag when it is stale), JSON bodies checked field by field (400
 * `{error, fields}`), and the updated resource back with its new ETag.
 */
import { json } from '@sveltejs/kit';

export const etag = (version: number) => `"${version}"`;

export function problem(
	status: number,
	error: string,
	extra: Record<string, unknown> = {},
	headers: HeadersInit = {}
) {
	return json({ error, ...extra }, { status, headers });
}

/** The version the client last saw, or a ready answer when the header is missing or garbled. */
export function expectedVersion(request: Request): number | Response {
	const header = request.headers.get('if-match');
	if (!header) return problem(428, 'Send If-Match: "<version>" (the ETag you last read).');
	// A story read with its events carries "<version>-r<revision>" (its ETag must change when an
	// event does); the row's version is what a change is checked against.
	const match = /^\s*(?:W\/)?"(\d{1,9})(?:-r\d{1,9})?"\s*$/.exec(header);
	if (!match) return problem(412, 'If-Match must be one quoted version, e.g. "3".');
	return Number(match[1]);
}

export function stale(current: number): Response {
	return problem(
		412,
		'Someone changed this since you read it: fetch it again.',
		{},
		{ ETag: etag(current) }
	);
}

/** A JSON object body, or a 400 answer. */
export async function readObject(request: Request): Promise<Record<string, unknown> | Response> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return problem(400, 'The body must be JSON.', { fields: {} });
	}
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return problem(400, 'The body must be a JSON object.', { fields: {} });
	return body as Record<string, unknown>;
}

export function parseId(raw: string | undefined): number | null {
	return raw && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export const invalid = (fields: Record<string, string>) =>
	problem(400, 'Some fields are not valid.', { fields });
