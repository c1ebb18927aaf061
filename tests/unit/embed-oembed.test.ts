import { describe, expect, it } from 'vitest';
import { buildOEmbed, parseMax, parseTarget } from '../../src/lib/embed/oembed';
import { embedSnippets } from '../../src/lib/embed/snippets';
import { parseEmbedOptions } from '../../src/lib/embed/options';

const ORIGIN = 'https://timelines.example';
const HOSTILE = `Talks "end" <script>alert(1)</script> & 'more'`;

describe('parseTarget', () => {
	it('takes story and embed URLs of this site only', () => {
		expect(parseTarget(`${ORIGIN}/stories/peace-talks`, ORIGIN)).toEqual({
			slug: 'peace-talks',
			query: ''
		});
		expect(parseTarget(`${ORIGIN}/embed/stories/peace-talks?theme=dark&bogus=1`, ORIGIN)).toEqual({
			slug: 'peace-talks',
			query: '?theme=dark'
		});
		expect(parseTarget('https://evil.example/stories/peace-talks', ORIGIN)).toBeNull();
		expect(parseTarget('http://timelines.example/stories/peace-talks', ORIGIN)).toBeNull();
		expect(parseTarget(`${ORIGIN}/desk/stories/1`, ORIGIN)).toBeNull();
		expect(parseTarget(`${ORIGIN}/stories/a/b`, ORIGIN)).toBeNull();
		expect(parseTarget('not a url', ORIGIN)).toBeNull();
		expect(parseTarget(null, ORIGIN)).toBeNull();
	});

	it('reads maxwidth and maxheight as positive integers only', () => {
		expect(parseMax('300')).toBe(300);
		expect(parseMax('0')).toBeNull();
		expect(parseMax('-4')).toBeNull();
		expect(parseMax('3e2')).toBeNull();
	});
});

describe('buildOEmbed', () => {
	const build = (maxWidth: number | null, maxHeight: number | null) =>
		buildOEmbed({ origin: ORIGIN, slug: 'a"b<c', title: HOSTILE, query: '', maxWidth, maxHeight });

	it('is a rich 1.0 response whose iframe respects the maximum size', () => {
		const body = build(300, 250);
		expect(body).toMatchObject({ type: 'rich', version: '1.0', width: 300, height: 250 });
		expect(body.provider_name).toBe('Throughline');
		expect(body.html).toContain('width="300" height="250"');
		expect(build(null, null)).toMatchObject({ width: 640, height: 560 });
	});

	it('escapes every value inside html', () => {
		const { html, title } = build(null, null);
		// title is plain text (format/export-text.ts): tags stripped, the rest as it was.
		expect(title).toBe(`Talks "end" alert(1) & 'more'`);
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('Talks &quot;end&quot;');
		expect(html).toContain('&#39;more&#39;');
		expect(html).toContain('/embed/stories/a%22b%3Cc"');
		// Exactly one element: nothing closed the iframe's attributes early.
		expect(html.match(/</g)).toHaveLength(2);
	});
});

describe('embedSnippets', () => {
	it('builds iframe, script and oEmbed snippets with escaped values', () => {
		const options = parseEmbedOptions(new URLSearchParams('theme=dark&version=4'));
		const s = embedSnippets(ORIGIN, { slug: 'peace-talks', title: HOSTILE }, options);
		expect(s.url).toBe(`${ORIGIN}/embed/stories/peace-talks?theme=dark&version=4`);
		expect(s.iframe).toContain(
			'src="https://timelines.example/embed/stories/peace-talks?theme=dark&amp;version=4"'
		);
		// Titled with the story's title, escaped; the loader after it sizes the frame.
		expect(s.iframe).not.toContain('<script>alert');
		expect(s.iframe).toContain('title="Talks &quot;end&quot;');
		expect(s.iframe).toContain(`<script src="${ORIGIN}/embed.js" async></script>`);
		expect(s.script).toContain('data-throughline-story="peace-talks" data-title="Talks &quot;end');
		expect(s.script).toContain('data-theme="dark" data-version="4"');
		expect(s.script).toContain(`<script src="${ORIGIN}/embed.js" async></script>`);
		expect(s.oembed).toBe(`${ORIGIN}/oembed?url=${encodeURIComponent(s.url)}&format=json`);
	});
});
