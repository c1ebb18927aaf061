import { describe, expect, it } from 'vitest';
import {
	IngestError,
	looksLikeHtml,
	normaliseText,
	plainText,
	sanitiseBody
} from '../../src/lib/server/ingest/sanitise';

describe('sanitiseBody', () => {
	it('removes scripts, styles, event handlers and images but keeps the copy', () => {
		const { html } = sanitiseBody(
			'<p onclick="steal()">Talks <strong>resume</strong><script>alert(1)</script>' +
				'<img src=x onerror=alert(1)></p><style>p{display:none}</style>'
		);
		expect(html).toBe('<p>Talks <strong>resume</strong></p>');
	});

	it('drops javascript:, data: and protocol-relative links, keeping their text', () => {
		const { html } = sanitiseBody(
			'<p><a href="javascript:alert(1)">one</a> <a href="data:text/html,x">two</a> ' +
				'<a href="//evil.example/">three</a> <a href=" JaVaScRiPt:alert(1)">four</a></p>'
		);
		expect(html).toBe('<p>one two three four</p>');
		expect(html).not.toMatch(/href|javascript|evil/i);
	});

	it('keeps http(s) and mailto links, with rel="nofollow noopener" and no other attributes', () => {
		const { html } = sanitiseBody(
			'<p><a href="https://example.org/a?b=1&c=2" target="_blank" style="x">source</a> ' +
				'<a href="mailto:desk@example.org">mail</a></p>'
		);
		expect(html).toBe(
			'<p><a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener">source</a> ' +
				'<a href="mailto:desk@example.org" rel="nofollow noopener">mail</a></p>'
		);
	});

	it('keeps the allowed structure: emphasis, lists, quotes, citations, breaks', () => {
		const body =
			'<p><em>a</em> <i>b</i> <b>c</b><br />d</p><ul><li>one</li></ul><ol><li>two</li></ol>' +
			'<blockquote>said <q>this</q> <cite>Reuters</cite></blockquote>';
		expect(sanitiseBody(body).html).toBe(body);
	});

	it('unwraps tags outside the allowlist (div, span) and makes subheads paragraphs', () => {
		const { html, text } = sanitiseBody('<div><h2>Sub</h2><p>Body <span>text</span></p></div>');
		expect(html).toBe('<p>Sub</p><p>Body text</p>');
		expect(text).toBe('Sub\n\nBody text');
	});

	it('turns plain text into escaped paragraphs', () => {
		const { html, text } = sanitiseBody('First & foremost.\r\n\r\nSecond line\nwrapped.');
		expect(html).toBe('<p>First &amp; foremost.</p>\n<p>Second line<br>wrapped.</p>');
		expect(text).toBe('First & foremost.\n\nSecond line\nwrapped.');
	});

	it('splits loose HTML text without paragraphs at blank lines', () => {
		expect(sanitiseBody('Hello <b>world</b>\n\nNext').html).toBe(
			'<p>Hello <b>world</b></p>\n<p>Next</p>'
		);
	});

	it('refuses a body of only markup with a clear error', () => {
		const attempt = () => sanitiseBody('<div><script>x()</script><img src=x></div>');
		expect(attempt).toThrow(IngestError);
		expect(attempt).toThrow('The body has no text once markup is removed.');
	});

	it('refuses a body over 1 MB with status 413', () => {
		try {
			sanitiseBody('a'.repeat(1024 * 1024 + 1));
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(IngestError);
			expect((error as IngestError).status).toBe(413);
		}
	});
});

describe('normaliseText', () => {
	it('composes to NFC, removes NUL and control characters, and uses \\n line endings', () => {
		expect(normaliseText('cafe\u0301\u0000 a\r\nb\rc\u0007\td')).toBe('café a\nb\nc\td');
	});

	it('makes the decomposed and composed forms of the same copy identical', () => {
		expect(sanitiseBody('Zaporizhzhia cafe\u0301').text).toBe(
			sanitiseBody('Zaporizhzhia café').text
		);
	});
});

describe('plainText', () => {
	it('strips tags, drops script content, decodes entities and collapses spaces', () => {
		expect(plainText('  <b>Talks</b>\n resume &amp; stall <script>x()</script> ')).toBe(
			'Talks resume & stall'
		);
		expect(plainText('Kyiv &lt;update&gt; &quot;live&quot;')).toBe('Kyiv <update> "live"');
	});
});

describe('looksLikeHtml', () => {
	it('tells markup from plain text with angle brackets', () => {
		expect(looksLikeHtml('<p>x</p>')).toBe(true);
		expect(looksLikeHtml('a <br/> b')).toBe(true);
		expect(looksLikeHtml('prices rose 5% and 3 < 4 > 2')).toBe(false);
	});
});
