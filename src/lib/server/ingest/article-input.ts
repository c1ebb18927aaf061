/**
 * The one shape every way in (JSON API, paste form, feed poller) hands to ingestArticle, and
 * its validation: each problem is reported against the field it concerns.
 */
import { MAX_BODY_BYTES, plainText } from './sanitise';
import { parsePublishedAt } from './published-at';

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

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function optionalText(value: unknown): string | null | undefined {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') return undefined;
	return plainText(value) || null;
}

/** Checks and normalises an article before anything touches the database. */
export function validateArticle(input: ArticleInput): Validation {
	const errors: FieldErrors = {};

	const headline = typeof input.headline === 'string' ? plainText(input.headline) : '';
	if (!headline) errors.headline = 'Enter the headline.';
	else if (headline.length > 500) errors.headline = 'Keep the headline under 500 characters.';

	const source = typeof input.source === 'string' ? plainText(input.source) : '';
	if (!source) errors.source = 'Enter the outlet that published the article.';
	else if (source.length > 200) errors.source = 'Keep the outlet name under 200 characters.';

	const dek = optionalText(input.dek);
	if (dek === undefined) errors.dek = 'The dek must be text.';
	else if (dek && dek.length > 2000) errors.dek = 'Keep the dek under 2,000 characters.';

	const section = optionalText(input.section);
	if (section === undefined) errors.section = 'The section must be text.';
	else if (section && section.length > 200)
		errors.section = 'Keep the section under 200 characters.';

	let body = '';
	if (typeof input.body !== 'string' || !input.body.trim()) errors.body = 'Enter the article body.';
	else if (Buffer.byteLength(input.body, 'utf8') > MAX_BODY_BYTES) {
		errors.body = 'The body is larger than 1 MB.';
	} else body = input.body;

	let url: string | null = null;
	if (input.url !== undefined && input.url !== null && input.url !== '') {
		url = normaliseUrl(input.url);
		if (!url) errors.url = 'Enter the full http:// or https:// address of the article.';
	}

	const timeZone = typeof input.timeZone === 'string' ? input.timeZone.trim() : null;
	const published = parsePublishedAt(input.publishedAt, timeZone);
	if (!published.ok) errors.publishedAt = published.error;
	else if (published.date.getTime() <= Date.UTC(1800, 0, 1)) {
		errors.publishedAt = 'The date must be after 1800.';
	}

	let language = 'en';
	if (input.language !== undefined && input.language !== null && input.language !== '') {
		const tag = typeof input.language === 'string' ? input.language.trim() : '';
		// BCP 47 primary subtags are case-insensitive; the column stores them lower-case.
		const normalised = tag.replace(/^[A-Za-z]+/, (primary) => primary.toLowerCase());
		if (LANGUAGE.test(normalised)) language = normalised;
		else errors.language = 'Use a language tag such as en or uk.';
	}

	if (Object.keys(errors).length > 0 || !published.ok) return { ok: false, errors };
	return {
		ok: true,
		value: {
			headline,
			dek: dek ?? null,
			body,
			source,
			section: section ?? null,
			url,
			publishedAt: published.date,
			language
		}
	};
}

/** An absolute http(s) URL in canonical form, or null. */
export function normaliseUrl(value: unknown): string | null {
	if (typeof value !== 'string' || value.trim().length === 0 || value.length > 2000) return null;
	try {
		const url = new URL(value.trim());
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
		url.hash = '';
		return url.href;
	} catch {
		return null;
	}
}
