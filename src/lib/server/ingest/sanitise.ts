/**
 * What an article body may keep once it is in our database: a small allowlist of inline and
 * block markup (sanitize-html), links only to http(s) and mailto with rel="nofollow noopener".
 * Everything else (scripts, styles, event handlers, images, iframes) is dropped. The original
 * stays in `articles.body_raw`; `body_html` is what readers get.
 */
import sanitizeHtml from 'sanitize-html';
import { textToHtml } from './text-to-html';

/** Bodies above this are refused (413 over HTTP): no newsroom article is a megabyte of text. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Thrown for input we refuse; `field` says which form field or JSON key to point at. */
export class IngestError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly status: 400 | 413 = 400
	) {
		super(message);
		this.name = 'IngestError';
	}
}

const BODY_OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: [
		'a',
		'em',
		'strong',
		'i',
		'b',
		'p',
		'br',
		'ul',
		'ol',
		'li',
		'blockquote',
		'q',
		'cite'
	],
	allowedAttributes: { a: ['href', 'rel'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	// Text inside these is code or styling, never article copy: drop it with the tag.
	nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'head'],
	transformTags: {
		// Subheads inside the copy stay as their own paragraph rather than run into the next.
		...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, 'p'])),
		a: (tagName, attribs) => ({
			tagName,
			attribs: { href: (attribs.href ?? '').trim(), rel: 'nofollow noopener' }
		})
	}
};

const TEXT_OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: [],
	allowedAttributes: {},
	nonTextTags: BODY_OPTIONS.nonTextTags
};

/**
 * Unicode NFC, no NUL or other control characters except tab and newline, and `\n` line
 * endings, so the same copy from different systems hashes and searches alike.
 */
export function normaliseText(text: string): string {
	return text
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** sanitize-html re-escapes these in text; everything else it already decoded. */
function unescapeBasic(html: string): string {
	return html
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#0*39;|&#x0*27;/gi, "'")
		.replace(/&amp;/g, '&');
}

/** A headline, dek or title as plain text: tags stripped, entities decoded, spaces collapsed. */
export function plainText(value: string): string {
	const stripped = sanitizeHtml(normaliseText(value), TEXT_OPTIONS);
	return unescapeBasic(stripped).replace(/\s+/g, ' ').trim();
}

/** True when the body carries markup (a tag) rather than plain text with blank-line paragraphs. */
export function looksLikeHtml(body: string): boolean {
	return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|<!--/i.test(body);
}

const BLOCK = /<(p|ul|ol|blockquote)[\s>]/i;

/** The text a reader would see in sanitised HTML: paragraphs split by blank lines. */
function textOf(html: string): string {
	const withBreaks = html
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(p|li|blockquote|ul|ol)>/gi, '\n\n');
	return unescapeBasic(sanitizeHtml(withBreaks, TEXT_OPTIONS))
		.split(/\n[ \t]*\n/)
		.map((paragraph) => paragraph.replace(/[ \t]+/g, ' ').trim())
		.filter((paragraph) => paragraph.length > 0)
		.join('\n\n');
}

export interface SanitisedBody {
	/** Safe to render as is. */
	html: string;
	/** What the reader sees, as plain text (used for the content hash). */
	text: string;
}

/**
 * A body (plain text or HTML) made safe. Plain text becomes escaped paragraphs; HTML keeps only
 * the allowlist, and loose text without block markup is split into paragraphs at blank lines.
 * A body with nothing left to read (only markup, or empty) is refused.
 */
export function sanitiseBody(body: string): SanitisedBody {
	if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
		throw new IngestError('body', 'The body is larger than 1 MB.', 413);
	}
	const normalised = normaliseText(body);
	let html: string;
	if (looksLikeHtml(normalised)) {
		// A link whose href was refused (javascript:, data:, protocol-relative) keeps its text only.
		html = sanitizeHtml(normalised, BODY_OPTIONS)
			.replace(/<a rel="nofollow noopener">([\s\S]*?)<\/a>/g, '$1')
			.trim();
		if (!BLOCK.test(html)) {
			html = html
				.split(/\n[ \t]*\n/)
				.map((paragraph) => paragraph.trim())
				.filter((paragraph) => paragraph.length > 0)
				.map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
				.join('\n');
		}
	} else {
		html = textToHtml(normalised);
	}
	const text = textOf(html);
	if (!text) {
		throw new IngestError(
			'body',
			looksLikeHtml(normalised)
				? 'The body has no text once markup is removed.'
				: 'Enter the article body.'
		);
	}
	return { html, text };
}
