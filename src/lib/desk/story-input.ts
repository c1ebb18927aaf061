/** Validation of a story's editable fields, shared by the desk form and the JSON API. */
import type { StoryStatus } from '$lib/types';

export interface StoryInput {
	title: string;
	slug: string;
	summary: string;
	status: StoryStatus;
}

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

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

/** Checks a story's fields; an empty slug is made from the title. */
export function parseStory(input: Record<string, unknown>): Parsed<StoryInput> {
	const errors: FieldErrors = {};
	const title = text(input, 'title', errors);
	const summary = text(input, 'summary', errors);
	const slug = text(input, 'slug', errors) || slugify(title);
	const status = text(input, 'status', errors) || 'developing';
	if (!title) errors.title ??= 'Give the story a title.';
	else if (title.length > 300) errors.title = 'Keep the title under 300 characters.';
	// One cap for every door (the desk form, POST, PATCH and PUT all parse here).
	if (summary.length > 5000) errors.summary ??= 'Keep the summary under 5,000 characters.';
	if (!SLUG.test(slug) || slug.length > 120)
		errors.slug ??= 'Use lower-case letters, digits and single hyphens (at most 120).';
	if (status !== 'developing' && status !== 'concluded')
		errors.status ??= 'Choose developing or concluded.';
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, value: { title, slug, summary, status: status as StoryStatus } };
}
