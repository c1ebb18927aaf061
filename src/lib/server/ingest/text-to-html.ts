/**
 * Plain-text article bodies (pasted copy, wire text) become HTML the reader page can render as is.
 * Everything is escaped, so no markup from the source survives: that is what makes the output safe
 * without a sanitiser. Paragraphs are separated by blank lines; a single line break inside a
 * paragraph is kept as `<br>` because we cannot tell a hard wrap from an intended break.
 */

import { escapeHtml } from '../../format/html';

/** Splits plain text into trimmed, non-empty paragraphs (blank-line separated, any line ending). */
export function splitParagraphs(text: string): string[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((paragraph) => paragraph.trim())
		.filter((paragraph) => paragraph.length > 0);
}

/** Turns a plain-text body into escaped `<p>` paragraphs, one per line, `''` for empty text. */
export function textToHtml(text: string): string {
	return splitParagraphs(text)
		.map((paragraph) => {
			const lines = paragraph.split('\n').map((line) => escapeHtml(line.trim()));
			return `<p>${lines.join('<br>')}</p>`;
		})
		.join('\n');
}
