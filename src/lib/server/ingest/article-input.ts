/**
 * The one shape every way in (JSON API, paste form, feed poller) hands to ingestArticle, and
 * its validation on the NewArticle schema ($lib/schemas/article): each problem is reported
 * against the field it concerns.
 */
import { articleFields } from '$lib/schemas/article';
import { inYearRange, YEAR_MESSAGE } from '$lib/schemas/dates';
import { blankToMissing, parseFields } from '$lib/schemas/errors';
import { LIMITS } from '$lib/schemas/limits';
import { plainText } from './sanitise';
import { parsePublishedAt } from './published-at';
import { detectLanguage } from './language';

export interface ArticleInput {
	headline: unknown;
	dek?: unknown;
	/** Plain text (blank-line paragraphs) or HTML; sanitised before it is stored. */
	body: unknown;
	/** The outlet. */
	source: unknown;
	section?: unknown;
	url?: unknown;
	/** ISO 8601 with an offset, a wall-clock time with `timeZone`, or a Date. */
	publishedAt: unknown;
	language?: unknown;
	timeZone?: unknown;
}

export interface ValidArticle {
	headline: string;
	dek: string | null;
	body: string;
	source: string;
	section: string | null;
	url: string | null;
	publishedAt: Date;
	language: string;
}

export type FieldErrors = Record<string, string>;

export type Validation = { ok: true; value: ValidArticle } | { ok: false; errors: FieldErrors };

/** Dates before 1800 are typing errors, not newspaper archives we ingest. */
const EARLIEST = Date.UTC(1800, 0, 1);

/** Plain text of a field that may carry markup, checked again: entities can spell NUL. */
function plain(key: 'headline' | 'dek' | 'source' | 'section', raw: string, errors: FieldErrors) {
	const value = plainText(raw);
	const checked = articleFields[key].safeParse(value);
	if (!checked.success) errors[key] ??= checked.error.issues[0]?.message ?? 'Not valid.';
	return value;
}

/** Checks and normalises an article before anything touches the database. */
export function validateArticle(input: ArticleInput): Validation {
	const given = blankToMissing({ ...input });
	// A Date (the feed poller's) is read as it is; the schema describes the JSON string.
	const publishedAt = given.publishedAt;
	delete given.publishedAt;
	const { values, errors } = parseFields(articleFields, given);

	const headline = values.headline ? plain('headline', values.headline, errors) : '';
	if (!headline) errors.headline ??= 'Enter the headline.';
	const source = values.source ? plain('source', values.source, errors) : '';
	if (!source) errors.source ??= 'Enter the outlet that published the article.';
	const dek = values.dek ? plain('dek', values.dek, errors) || null : null;
	const section = values.section ? plain('section', values.section, errors) || null : null;
	if (given.body === undefined) errors.body = 'Enter the article body.';

	let url: string | null = null;
	if (values.url) {
		url = normaliseUrl(values.url);
		if (!url) errors.url = 'Enter the full http:// or https:// address of the article.';
	}

	const checkedAt =
		typeof publishedAt === 'string'
			? articleFields.publishedAt.safeParse(publishedAt)
			: { success: true as const };
	const published = checkedAt.success
		? parsePublishedAt(publishedAt, values.timeZone ?? null)
		: ({ ok: false, error: 'Not a valid date.' } as const);
	if (!published.ok) errors.publishedAt = published.error;
	else if (published.date.getTime() <= EARLIEST)
		errors.publishedAt = 'The date must be after 1800.';
	else if (!inYearRange(published.date)) errors.publishedAt = YEAR_MESSAGE;

	// BCP 47 primary subtags are case-insensitive; the column stores them lower-case.
	const language = values.language?.replace(/^[A-Za-z]+/, (primary) => primary.toLowerCase());

	if (Object.keys(errors).length > 0 || !published.ok || !values.body) return { ok: false, errors };
	return {
		ok: true,
		value: {
			headline,
			dek,
			body: values.body,
			source,
			section,
			url,
			publishedAt: published.date,
			// Not given: guessed from the copy (the first few thousand characters are plenty).
			language:
				language ??
				detectLanguage(`${headline}\n${dek ?? ''}\n${plainText(values.body.slice(0, 4000))}`)
		}
	};
}

/** An absolute http(s) URL in canonical form, or null. */
export function normaliseUrl(value: unknown): string | null {
	if (typeof value !== 'string' || value.trim().length === 0 || value.length > LIMITS.url)
		return null;
	try {
		const url = new URL(value.trim());
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
		url.hash = '';
		return url.href;
	} catch {
		return null;
	}
}
