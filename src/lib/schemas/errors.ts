/**
 * Field errors from a zod error: one message per field, keyed by the field's name (the first
 * path segment), the first problem found winning. This is the `{fields}` of a 400 answer and the
 * `errors` of a desk form's `fail(400)`.
 */
import type { z } from 'zod';
import { hasControlCharacters } from './text';

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) errors[key] ??= 'Not an editable field.';
			continue;
		}
		const key = issue.path.length > 0 ? String(issue.path[0]) : 'body';
		errors[key] ??= issue.message;
	}
	return errors;
}

type Shape = Record<string, z.ZodType>;
type Values<S extends Shape> = { [K in keyof S]?: z.output<S[K]> };

/**
 * Each field of `input` checked by its own schema (missing ones skipped), so every bad field is
 * reported at once and the good ones are at hand for checks across fields. Keys not in `shape`
 * are ignored: the strict API schemas refuse them before this runs.
 */
export function parseFields<S extends Shape>(
	shape: S,
	input: Record<string, unknown>
): { values: Values<S>; errors: FieldErrors } {
	const values: Values<S> = {};
	const errors: FieldErrors = {};
	for (const key of Object.keys(shape) as (keyof S & string)[]) {
		if (input[key] === undefined) continue;
		const result = shape[key]!.safeParse(input[key]);
		if (result.success) values[key] = result.data as z.output<S[typeof key]>;
		else errors[key] = result.error.issues[0]?.message ?? 'Not valid.';
	}
	return { values, errors };
}

/** Only spaces and line breaks: a control character is not blank, it is refused. */
const blank = (value: string) => value.trim() === '' && !hasControlCharacters(value, true);

/**
 * Form fields arrive as strings: a blank one means "not given", as a missing JSON key does.
 * Null is "not given" too; the parsers supply each field's default.
 */
export function blankToMissing(input: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(input))
		if (value !== null && !(typeof value === 'string' && blank(value))) out[key] = value;
	return out;
}

/** A number typed into a form ('48.5'), as a number; anything else is left for the schema. */
export function formNumber(value: unknown): unknown {
	return typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(value)
		? Number(value)
		: value;
}
