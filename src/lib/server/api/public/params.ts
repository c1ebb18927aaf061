/**
 * Query parameters of the public API: limits clamped, unknown parameters ignored, and a value
 * that cannot mean anything (limit=abc, from=notadate, kind=foo) answered with 400 and a JSON
 * `{error}` naming the parameter.
 */
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { inYearRange, YEAR_MESSAGE } from '$lib/schemas/dates';
import { MAX_ID } from '$lib/schemas/parts';
import { DEFAULT_LIMIT, params as schemas, type ParamName } from '$lib/schemas/query';

export { DEFAULT_LIMIT, MAX_LIMIT } from '$lib/schemas/query';

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

/** One query parameter read by its schema ($lib/schemas/query); undefined when absent or empty. */
export function parseParam<N extends ParamName>(
	searchParams: URLSearchParams,
	name: N,
	as: string = name
): z.output<(typeof schemas)[N]> | undefined {
	const raw = searchParams.get(as);
	if (raw === null || raw === '') return undefined;
	const result = schemas[name].safeParse(raw);
	if (result.success) return result.data as z.output<(typeof schemas)[N]>;
	const message = result.error.issues[0]?.message ?? 'is not valid.';
	throw new BadParameter(message.startsWith(as) ? message : `${as} ${message}`);
}

/** `limit`: 1..100, default 20; a number outside the range is clamped. */
export function parseLimit(params: URLSearchParams): number {
	return parseParam(params, 'limit') ?? DEFAULT_LIMIT;
}

export function parseOffset(params: URLSearchParams): number {
	return parseParam(params, 'offset') ?? 0;
}

/** A positive id that fits the database's integer (a path segment or a query parameter). */
export function parseId(name: string, raw: string | null): number | undefined {
	if (raw === null || raw === '') return undefined;
	if (!/^\s*\d+\s*$/.test(raw)) throw new BadParameter(`${name} must be a whole number.`);
	const id = Number(raw);
	if (id < 1 || id > MAX_ID) throw new BadParameter(`${name} must be a positive id.`);
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

/** `from`/`to`: an ISO 8601 date ("2025-12-06", taken as UTC) or date-time (with an offset). */
export function parseDate(params: URLSearchParams, name: 'from' | 'to'): Date | undefined {
	const value = parseParam(params, name)?.trim();
	if (value === undefined) return undefined;
	const zoned =
		value.length === 10
			? `${value}T00:00:00Z`
			: /(Z|[+-]\d{2}:\d{2})$/.test(value)
				? value
				: `${value}Z`;
	const date = new Date(zoned);
	if (Number.isNaN(date.getTime()))
		throw new BadParameter(`${name} is not a real date: ${value.slice(0, 40)}.`);
	if (!inYearRange(date)) throw new BadParameter(`${name}: ${YEAR_MESSAGE}`);
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
	const raw = parseParam(params, 'cursor');
	if (raw === undefined) return undefined;
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
	if (typeof at !== 'string' || !isId(id)) return undefined;
	const date = new Date(at);
	return Number.isNaN(date.getTime()) || !inYearRange(date) ? undefined : [date, id];
}

/** A row id a cursor may carry: what PostgreSQL's integer holds. */
export function isId(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_ID;
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
