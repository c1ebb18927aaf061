/**
 * The one output rule for exports (TimelineJS JSON, Atom and JSON Feed, oEmbed). Every field a
 * format defines is one of two kinds:
 *
 * - markup, which the consumer renders as HTML (TimelineJS headline, text, group and
 *   display_date; feed content_html / Atom `type="html"`; oEmbed `html`): built by us around
 *   database text passed through `asHtml`, so the only tags are ours;
 * - text, which the format says is plain (feed titles and summaries, JSON Feed extension
 *   values, oEmbed title): passed through `asText`, which strips anything tag-like, so a
 *   consumer that wrongly renders it as HTML still shows text only.
 *
 * Both drop the characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF):
 * no escape makes them legal, and one of them makes a feed reader reject the whole document.
 */
import { escapeHtml } from './html';

// Allowed: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a valid surrogate pair is one code point, so only lone halves match here.
const FORBIDDEN_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// A start or end tag, comment, doctype or processing instruction, closed or cut off at the end.
const TAG_LIKE = /<[a-zA-Z!/?][^<>]*>?/g;

/** Removes the characters XML 1.0 does not allow anywhere in a document. */
export function stripForbiddenChars(text: string): string {
	return text.replace(FORBIDDEN_CHARS, () => '');
}

/** Database text for a markup field: escaped, so it shows as text. */
export function asHtml(text: string): string {
	return escapeHtml(stripForbiddenChars(text));
}

/**
 * Database text for a plain-text field: tag-like runs removed until none is left (removing
 * `<b>` from `<<b>img …>` must not leave `<img …>` behind).
 */
export function asText(text: string): string {
	let result = stripForbiddenChars(text);
	for (let previous = ''; previous !== result;) {
		previous = result;
		result = result.replace(TAG_LIKE, () => '');
	}
	return result;
}
