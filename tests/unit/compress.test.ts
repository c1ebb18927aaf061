import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../src/lib/server/http/compress';
import { deflateParts, gzipJoined } from '../../src/lib/server/http/gzip-parts';

describe('gzip of kept pieces around a fresh nonce', () => {
	it('gunzips to the pieces joined by whatever goes between them', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string({ maxLength: 3000 }), { minLength: 1, maxLength: 6 }),
				fc.string({ minLength: 0, maxLength: 60 }),
				(texts, between) => {
					const parts = texts.map((text) => Buffer.from(text));
					const gzip = gzipJoined(deflateParts(parts), Buffer.from(between));
					expect(gunzipSync(gzip).toString()).toBe(texts.join(between));
				}
			),
			{ numRuns: 200 }
		);
	});

	it('compresses a page-like text well, twice with different nonces', () => {
		const page = '<li class="event"><h3>Talks resume</h3><p>Delegations met.</p></li>\n'.repeat(
			5000
		);
		const parts = [Buffer.from('<script nonce="'), Buffer.from(`">boot()</script>${page}`)];
		const kept = deflateParts(parts);
		const first = gzipJoined(kept, Buffer.from('nonce="aaaa"'));
		const second = gzipJoined(kept, Buffer.from('nonce="bbbb"'));
		expect(first.byteLength).toBeLessThan(page.length / 20);
		expect(gunzipSync(first).toString()).toContain('nonce="aaaa"');
		expect(gunzipSync(second).toString()).toContain('nonce="bbbb"');
	});
});

describe('choosing an encoding', () => {
	it('prefers brotli, falls back to gzip, honours q=0 and *', () => {
		expect(chooseEncoding('gzip, deflate, br')).toBe('br');
		expect(chooseEncoding('gzip')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding(null)).toBeNull();
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding('*, br;q=0')).toBe('gzip');
		expect(chooseEncoding('gzip, br', ['gzip'])).toBe('gzip');
	});
});
