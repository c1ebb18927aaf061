/**
 * Just enough XML writing for feeds: every text and attribute value goes through `escapeXml`,
 * so database text can never become markup. Characters XML 1.0 forbids (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF — https://www.w3.org/TR/xml/#charsets) are dropped rather than
 * escaped: no escape makes them legal, and one of them would make a reader reject the feed.
 */

import { stripForbiddenChars } from '../../format/export-text';

/** Removes the characters XML 1.0 does not allow anywhere in a document. */
export const stripInvalidXmlChars = stripForbiddenChars;

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};

/** Escapes text for XML element content and (double- or single-quoted) attribute values. */
export function escapeXml(text: string): string {
	return stripInvalidXmlChars(text).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export type Attributes = Record<string, string | null | undefined>;

function attributes(attrs: Attributes): string {
	return Object.entries(attrs)
		.filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
		.map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
		.join('');
}

/** `<name attrs>escaped text</name>`: the only way text gets into a document. */
export function textElement(name: string, text: string, attrs: Attributes = {}): string {
	return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}

/** `<name attrs/>`, or `<name attrs>children</name>` where children were built by these helpers. */
export function element(name: string, attrs: Attributes = {}, children: string[] = []): string {
	if (children.length === 0) return `<${name}${attributes(attrs)}/>`;
	return `<${name}${attributes(attrs)}>${children.join('')}</${name}>`;
}
