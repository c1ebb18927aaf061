/**
 * Text fields as zod schemas: trimmed, capped by the limits table, and refusing control
 * characters (NUL above all: PostgreSQL cannot store it in text). Multi-line fields keep tab,
 * newline and carriage return; one-line fields keep tab only.
 */
import { z } from 'zod';
import { LIMITS, type TextField } from './limits';

/** C0 controls but tab, LF and CR; DEL; C1 controls. */
export const MULTI_LINE = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$';
/** The same, and no line breaks either. */
export const ONE_LINE = '^[^\\u0000-\\u0008\\u000A-\\u001F\\u007F-\\u009F]*$';

export const CONTROL_MESSAGE = 'Remove the control characters (such as NUL) from this text.';

const formatted = (n: number) => n.toLocaleString('en-GB');

export interface TextOptions {
	/** The message for a missing or blank value; the field is optional without it. */
	required?: string;
	/** Keeps line breaks (descriptions, summaries, quotes). */
	multiline?: boolean;
}

/** A trimmed string within the field's limit; missing or blank is an error only if `required`. */
export function text(field: TextField, options: TextOptions = {}) {
	const limit = LIMITS[field];
	const pattern = new RegExp(options.multiline ? MULTI_LINE : ONE_LINE);
	const schema = z
		.string({
			error: (issue) =>
				issue.input === undefined || issue.input === null
					? (options.required ?? 'Must be text.')
					: 'Must be text.'
		})
		// Before trimming: trim() would quietly drop a trailing vertical tab or form feed.
		.regex(pattern, { error: CONTROL_MESSAGE })
		// An unpaired UTF-16 surrogate is no character: PostgreSQL refuses it (it was a 500).
		.refine((value) => !/\p{Cs}/u.test(value), {
			error: 'Remove the broken characters (unpaired surrogates) from this text.'
		})
		.trim()
		.max(limit, { error: `Keep it to ${formatted(limit)} characters or fewer.` });
	return options.required ? schema.min(1, { error: options.required }) : schema;
}

/** Whether a string holds a character no field accepts (for values checked outside zod). */
export function hasControlCharacters(value: string, multiline = false): boolean {
	return !new RegExp(multiline ? MULTI_LINE : ONE_LINE).test(value);
}
