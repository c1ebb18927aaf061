import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { insertBefore } from '../../src/lib/server/http/splice';
import { headExtras } from '../../src/lib/server/http/head-extras';
import { jsonLdScript } from '../../src/lib/story/json-ld';

describe('insertBefore', () => {
	const page = '<html><head><title>T</title></head><body>B</body></html>';

	it.each(["$'", '$`', '$&', '$1', '$$', "$'$`$&"])('inserts %s as written', (pattern) => {
		const script = `<script type="application/ld+json">{"name":"${pattern}"}</script>`;
		expect(insertBefore(page, '</head>', script)).toBe(
			`<html><head><title>T</title>${script}</head><body>B</body></html>`
		);
	});

	it('grows the page by exactly the insertion, whatever it holds', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				const out = insertBefore(page, '</head>', text);
				expect(out).toHaveLength(page.length + text.length);
				const at = page.indexOf('</head>');
				expect(out.slice(at, at + text.length)).toBe(text);
				expect(out.slice(at + text.length)).toBe(page.slice(at));
			})
		);
	});

	it('leaves a page without the marker alone', () => {
		expect(insertBefore('<p>no head</p>', '</head>', "$'")).toBe('<p>no head</p>');
	});
});

describe('the JSON-LD in a served page', () => {
	it('appears once, as written, when event titles hold replacement patterns', async () => {
		const page =
			'<html><head><title>Story</title></head><body>' + 'x'.repeat(1000) + '</body></html>';
		const title = "$'".repeat(100) + '$`$&$1';
		const headHtml = jsonLdScript({ name: title });
		const event = { locals: { headHtml } } as unknown as RequestEvent;
		const response = await headExtras({
			event,
			resolve: async (_event: RequestEvent, options?: ResolveOptions) =>
				new Response(await options?.transformPageChunk?.({ html: page, done: true }))
		});
		const html = await response.text();
		expect(html.length).toBe(page.length + headHtml.length);
		expect(html).toContain(`${headHtml}</head>`);
	});
});
