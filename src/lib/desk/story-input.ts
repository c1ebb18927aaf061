/** Validation of a story's editable fields, shared by the desk form and the JSON API. */
import type { StoryStatus } from '$lib/types';
import { blankToMissing, parseFields } from '$lib/schemas/errors';
import { storyFields } from '$lib/schemas/story';

export interface StoryInput {
	title: string;
	slug: string;
	summary: string;
	status: StoryStatus;
}

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * 'Peace talks: Geneva, round 2' → 'peace-talks-geneva-round-2' (accents dropped), at most
 * `maxLength` characters (stories allow 120; a base that may get a "-2" suffix wants less).
 */
export function slugify(title: string, maxLength = 120): string {
	return title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, maxLength)
		.replace(/-+$/, '');
}

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
	const slug = values.slug ?? (values.title ? slugify(values.title) : undefined);
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
			status: values.status ?? 'developing'
		}
	};
}
