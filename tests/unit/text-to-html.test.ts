import { describe, it, expect } from 'vitest';
import { splitParagraphs, textToHtml } from '../../src/lib/server/ingest/text-to-html';
import { escapeHtml } from '../../src/lib/format/html';

describe('textToHtml', () => {
	it('turns blank-line-separated paragraphs into <p> elements', () => {
		expect(textToHtml('First paragraph.\n\nSecond paragraph.')).toBe(
			'<p>First paragraph.</p>\n<p>Second paragraph.</p>'
		);
	});

	it('escapes markup so a pasted script is shown as text, never run', () => {
		expect(textToHtml('<script>alert("x")</script> & \'more\'')).toBe(
			'<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;</p>'
		);
	});

	it('does not double-escape entities that were already in the text', () => {
		expect(textToHtml('AT&amp;T')).toBe('<p>AT&amp;amp;T</p>');
	});

	it('accepts Windows and old Mac line endings and blank lines holding only spaces', () => {
		expect(textToHtml('One\r\n\r\nTwo\r\rThree\n  \t\nFour')).toBe(
			'<p>One</p>\n<p>Two</p>\n<p>Three</p>\n<p>Four</p>'
		);
	});

	it('collapses runs of blank lines and trims surrounding whitespace', () => {
		expect(textToHtml('\n\n  One  \n\n\n\nTwo\n\n')).toBe('<p>One</p>\n<p>Two</p>');
	});

	it('keeps a single line break inside a paragraph as <br>', () => {
		expect(textToHtml('Kyiv\nSaturday')).toBe('<p>Kyiv<br>Saturday</p>');
	});

	it('returns an empty string for empty or blank text', () => {
		expect(textToHtml('')).toBe('');
		expect(textToHtml(' \n\n \n')).toBe('');
	});

	it('leaves non-ASCII punctuation (dashes, curly quotes) untouched', () => {
		expect(textToHtml('Russia’s talks — day three')).toBe('<p>Russia’s talks — day three</p>');
	});
});

describe('escapeHtml', () => {
	it('escapes each of & < > " \'', () => {
		expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
	});
});

describe('splitParagraphs', () => {
	it('returns the paragraphs as plain text, in order', () => {
		expect(splitParagraphs('A\n\nB\nC')).toEqual(['A', 'B\nC']);
	});
});
