/**
 * An article as a newsroom system sends it (POST /api/v1/articles, the paste form, the feed
 * poller): the raw fields before sanitising. Headline, dek, outlet and section may carry markup
 * and line breaks (feeds do); they become one line of plain text afterwards.
 */
import { z } from 'zod';
import { LIMITS } from './limits';
import { CONTROL_MESSAGE, MULTI_LINE, text } from './text';

/** The body's cap in bytes (UTF-8), checked before sanitising. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Bytes as UTF-8, without making a 1 MB buffer (lone surrogates count as the 3 bytes of U+FFFD). */
function utf8Length(value: string): number {
	let bytes = 0;
	for (let i = 0; i < value.length; i++) {
		const unit = value.charCodeAt(i);
		if (unit < 0x80) bytes += 1;
		else if (unit < 0x800) bytes += 2;
		else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
			const next = value.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				bytes += 4;
				i++;
			} else bytes += 3;
		} else bytes += 3;
	}
	return bytes;
}

export const LANGUAGE_PATTERN = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$';

export const articleFields = {
	headline: text('headline', { required: 'Enter the headline.', multiline: true }),
	dek: text('dek', { multiline: true }).nullable(),
	body: z
		.string({ error: 'Enter the article body.' })
		.max(MAX_BODY_BYTES, { error: 'The body is larger than 1 MB.' })
		.refine((body) => utf8Length(body) <= MAX_BODY_BYTES, {
			error: 'The body is larger than 1 MB.'
		})
		.regex(new RegExp(MULTI_LINE), { error: CONTROL_MESSAGE })
		.refine((body) => body.trim() !== '', { error: 'Enter the article body.' })
		.meta({ description: 'Plain text (blank-line paragraphs) or HTML; at most 1 MB as UTF-8.' }),
	source: text('outlet', {
		required: 'Enter the outlet that published the article.',
		multiline: true
	}),
	section: text('section', { multiline: true }).nullable(),
	url: z
		.string({ error: 'Enter the full http:// or https:// address of the article.' })
		.max(LIMITS.url, { error: `Keep the address to ${LIMITS.url} characters or fewer.` })
		.nullable()
		.meta({ format: 'uri' }),
	publishedAt: z
		.string({ error: 'Enter the publication date and time.' })
		.max(LIMITS.dateText, { error: 'Not a valid date.' })
		.meta({
			description: 'ISO 8601 with an offset, or a wall-clock time with timeZone. Years 1800–9999.'
		}),
	language: z
		.string({ error: 'Use a language tag such as en or uk.' })
		.trim()
		.max(LIMITS.language, { error: 'Use a language tag such as en or uk.' })
		.regex(new RegExp(LANGUAGE_PATTERN), { error: 'Use a language tag such as en or uk.' })
		.nullable(),
	timeZone: text('timeZone')
		.nullable()
		.meta({ description: 'The IANA zone of a wall-clock publishedAt.' })
};

export const NewArticle = z
	.object(articleFields)
	.partial()
	.required({ headline: true, body: true, source: true, publishedAt: true });
