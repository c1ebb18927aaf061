/**
 * Query parameters of the public API: limits clamped, unknown parameters ignored, and a value
 * that cannot mean anything (limit=abc, from=notadate, kind=foo) answered with 400 and a JSON
 * `{error}` naming the parameter.
 */
import { json } from '@sveltejs/kit';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** A bad request, turned into `400 {error}` by `respond`. */
export class BadParameter extends Error {}

export function apiError(status: number, message: string, headers: HeadersInit = {}): Response {
	return json({ error: message }, { status, headers });
}

/** Runs a handler, answering a BadParameter with 400. */
export async function respond(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (err) {
		if (err instanceof BadParameter) return apiError(400, err.message);
		throw err;
	}
}

function integer(name: string, raw: string): number {
	if (!/^-?\d{1,9}$/.test(raw.trim())) throw new BadParameter(`${name} must be a whole number.`);
	return Number(raw);
}

/** `limit`: 1..100, default 20; a number outside the range is clamped. */
export function parseLimit(params: URLSearchParams): number {
	const raw = params.get('limit');
	if (raw === null || raw === '') return DEFAULT_LIMIT;
	return Math.min(MAX_LIMIT, Math.max(1, integer('limit', raw)));
}

export function parseOffset(params: URLSearchParams): number {
	const raw = params.get('offset');
	if (raw === null || raw === '') return 0;
	return Math.min(1_000_000, Math.max(0, integer('offset', raw)));
}

export function parseId(name: string, raw: string | null): number | undefined {
	if (raw === null || raw === '') return undefined;
	const id = integer(name, raw);
	if (id < 1) throw new BadParameter(`${name} must be a positive id.`);
	return id;
}

export function parseEnum<T extends string>(
	params: URLSearchParams,
	name: string,
	allowed: readonly T[]
): T | undefined {
	const raw = params.get(name);
	if (raw === null || raw === '') return undefined;
	if (!(allowed as readonly string[]).includes(raw))
		throw new BadParameter(`${name} must be one of: ${allowed.join(', ')}.`);
	return raw as T;
}

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** `from`/`to`: an ISO 8601 date ("2025-12-06", taken as UTC) or date-time (with an offset). */
export function parseDate(params: URLSearchParams, name: string): Date | undefined {
	const raw = params.get(name);
	if (raw === null || raw === '') return undefined;
	const value = raw.trim();
	if (!DATE.test(value))
		throw new BadParameter(`${name} must be an ISO 8601 date or date-time, e.g. 2025-12-06.`);
	const zoned =
		value.length === 10
			? `${value}T00:00:00Z`
			: /(Z|[+-]\d{2}:\d{2})$/.test(value)
				? value
				: `${value}Z`;
	const date = new Date(zoned);
	if (Number.isNaN(date.getTime()))
		throw new BadParameter(`${name} is not a real date: ${value.slice(0, 40)}.`);
	return date;
}

/** Cursors are opaque to clients: base64url of a JSON array we wrote ourselves. */
export function encodeCursor(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(
	params: URLSearchParams,
	check: (value: unknown) => T | undefined
): T | undefined {
	const raw = params.get('cursor');
	if (raw === null || raw === '') return undefined;
	try {
		const value = check(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
		if (value !== undefined) return value;
	} catch {
		// fall through to the same answer as a well-formed but wrong cursor
	}
	throw new BadParameter('cursor is not one this API gave out.');
}

/** A [ISO instant, id] cursor. */
export function instantIdCursor(value: unknown): [Date, number] | undefined {
	if (!Array.isArray(value) || value.length !== 2) return undefined;
	const [at, id] = value as unknown[];
	if (typeof at !== 'string' || typeof id !== 'number' || !Number.isInteger(id)) return undefined;
	const date = new Date(at);
	return Number.isNaN(date.getTime()) ? undefined : [date, id];
}

/** The list envelope: the page's items and the cursor of the next page (null on the last). */
export function pageJson<T>(items: T[], limit: number, nextCursor: string | null) {
	return { items, limit, nextCursor };
}

/** `ETag: "<row version>"`, the same version the desk's If-Match checks. */
export function etag(version: number): string {
	return `"${version}"`;
}

/** A 304 when the client's If-None-Match already names this version. */
export function notModified(request: Request, tag: string): Response | undefined {
	const match = request.headers.get('If-None-Match');
	if (!match) return undefined;
	const tags = match.split(',').map((t) => t.trim().replace(/^W\//, ''));
	if (tags.includes(tag) || tags.includes('*'))
		return new Response(null, { status: 304, headers: { ETag: tag } });
	return undefined;
}
