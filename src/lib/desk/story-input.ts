/** Validation of a story's editable fields, shared by the desk form and the JSON API. */
import type { StoryStatus } from '$lib/types';
import { blankToMissing, parseFields } from '$lib/schemas/errors';
import { storyFields } from '$lib/schemas/story';
import { slugify } from './slug';

export { slugify };

export interface StoryInput {
	title: string;
	slug: string;
	summary: string;
	status: StoryStatus;
	/** BCP 47; null when not given (a new story's is then guessed from its title and summary). */
	language: string | null;
}

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** A string field, trimmed; non-strings are reported rather than coerced. */
export function text(input: Record<string, unknown>, key: string, errors: FieldErrors): string {
	const value = input[key];
	if (value === undefined || value === null) return '';
	if (typeof value !== 'string') {
		errors[key] = 'Must be text.';
		return '';
	}
	return value.trim();
}

/** Checks a story's fields (schemas in $lib/schemas/story); an empty slug is made from the title. */
export function parseStory(input: Record<string, unknown>): Parsed<StoryInput> {
	const given = blankToMissing(input);
	const { values, errors } = parseFields(storyFields, given);
	if (given.title === undefined) errors.title = 'Give the story a title.';
	const slug =
		values.slug ?? (values.title ? slugify(values.title, 120, values.language ?? '') : undefined);
	// A title of only punctuation makes no slug: ask for one.
	if (given.slug === undefined && values.title && !slug)
		errors.slug = storyFields.slug.safeParse('').error?.issues[0]?.message ?? 'Give a slug.';
	if (Object.keys(errors).length > 0 || !values.title || !slug) return { ok: false, errors };
	return {
		ok: true,
		value: {
			title: values.title,
			slug,
			summary: values.summary ?? '',
			status: values.status ?? 'developing',
			language: values.language ?? null
		}
	};
}
