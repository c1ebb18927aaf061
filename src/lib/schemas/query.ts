/**
 * The public API's query parameters. Each is a zod schema of the value once read (the OpenAPI
 * document's parameter schema) with a preprocess that reads it from the query string, so a value
 * that cannot mean anything (limit=abc, story=99999999999999, from=0000-01-01, q with NUL) is a
 * 400 naming the parameter, and a value past a range is clamped where that is what a reader
 * meant (limit=100000 is "as many as you give").
 */
import { z } from 'zod';
import { EVENT_KINDS, VERIFICATIONS } from '$lib/types';
import { LIMITS } from './limits';
import { MAX_ID } from './parts';
import { SLUG_PATTERN, SLUG_REGEX } from './story';
import { text } from './text';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const MAX_OFFSET = 1_000_000;

/** Whole numbers as typed, of any size: clamped after reading. */
const wholeNumber = (value: unknown) =>
	typeof value === 'string' && /^\s*[+-]?\d{1,30}\s*$/.test(value) ? Number(value) : value;
const idOrText = (value: unknown) =>
	typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;

const clamp = (min: number, max: number) => (n: number) => Math.min(max, Math.max(min, n));

export const ID_PARAM_PATTERN = `^\\d{1,10}$|${SLUG_PATTERN}`;
export const DATE_PARAM_PATTERN =
	'^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2})?)?$';

export const params = {
	limit: z
		.preprocess(wholeNumber, z.number({ error: 'limit must be a whole number.' }))
		.transform(clamp(1, MAX_LIMIT))
		.meta({ description: `Page size, clamped to 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT}).` }),
	offset: z
		.preprocess(wholeNumber, z.number({ error: 'offset must be a whole number.' }))
		.transform(clamp(0, MAX_OFFSET))
		.meta({ description: `Rows to skip when no cursor is given (at most ${MAX_OFFSET}).` }),
	cursor: z
		.string()
		.max(512, { error: 'cursor is not one this API gave out.' })
		.regex(/^[A-Za-z0-9_-]*$/, { error: 'cursor is not one this API gave out.' })
		.meta({ description: "The previous page's nextCursor." }),
	/** A story by id or slug (events). */
	story: z
		.preprocess(
			idOrText,
			z.union([z.int().min(1).max(MAX_ID), z.string().max(LIMITS.slug).regex(SLUG_REGEX)], {
				error: 'story must be a story id or slug.'
			})
		)
		.meta({ description: 'Story id or slug.' }),
	/** A story by id (articles). */
	storyId: z
		.preprocess(
			idOrText,
			z
				.int({ error: 'story must be a story id.' })
				.min(1, { error: 'story must be a story id.' })
				.max(MAX_ID, { error: 'story must be a story id.' })
		)
		.meta({ description: 'Story id.' }),
	kind: z.enum(EVENT_KINDS, { error: `kind must be one of: ${EVENT_KINDS.join(', ')}.` }),
	verification: z.enum(VERIFICATIONS, {
		error: `verification must be one of: ${VERIFICATIONS.join(', ')}.`
	}),
	status: z.enum(['developing', 'concluded'], {
		error: 'status must be one of: developing, concluded.'
	}),
	q: text('query').meta({ description: 'Words to find in the title or summary.' }),
	from: z
		.string()
		.regex(new RegExp(DATE_PARAM_PATTERN), {
			error: 'must be an ISO 8601 date or date-time, e.g. 2025-12-06.'
		})
		.meta({ description: 'ISO 8601 date or date-time (UTC unless an offset is given).' }),
	to: z
		.string()
		.regex(new RegExp(DATE_PARAM_PATTERN), {
			error: 'must be an ISO 8601 date or date-time, e.g. 2025-12-06.'
		})
		.meta({ description: 'ISO 8601 date or date-time, inclusive.' })
};

export type ParamName = keyof typeof params;
