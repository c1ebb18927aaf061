import { randomBytes } from 'node:crypto';
import { brotliDecompressSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brotliChunks, brotliParts } from '../../src/lib/server/http/brotli-parts';

const attribute = () => Buffer.from(`nonce="${randomBytes(16).toString('base64')}"`);
const LENGTH = attribute().byteLength;
const decode = (chunks: Buffer[]) => brotliDecompressSync(Buffer.concat(chunks)).toString();

describe('brotli of kept pieces around a fresh nonce', () => {
	it('decodes to the pieces joined by each response’s own nonce', async () => {
		let keptCount = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.string({ maxLength: 2000 }), { minLength: 1, maxLength: 5 }),
				async (texts) => {
					const kept = await brotliParts(
						texts.map((text) => Buffer.from(text)),
						LENGTH,
						'=="'
					);
					// Kept only when its check passed: then every nonce decodes right.
					if (!kept) return;
					keptCount += 1;
					for (let i = 0; i < 3; i++) {
						const between = attribute();
						expect(decode(brotliChunks(kept, between))).toBe(texts.join(between.toString()));
					}
				}
			),
			{ numRuns: 100 }
		);
		// The check refuses what it must; it is not the usual outcome.
		expect(keptCount).toBeGreaterThan(90);
	});

	it('keeps a page-like text, far smaller than gzip would, with back-references across the nonce', async () => {
		const row = (i: number) =>
			`<li class="event" id="e${i}"><h3>Talks resume, day ${i}</h3><p>Delegations met in Miami.</p></li>\n`;
		const page = Array.from({ length: 3000 }, (_, i) => row(i)).join('');
		const parts = [
			Buffer.from(`<head>${page.slice(0, 5000)}<script `),
			Buffer.from(`>start()</script>${page}`)
		];
		const kept = await brotliParts(parts, LENGTH, '=="');
		expect(kept).toBeDefined();
		const first = attribute();
		const second = attribute();
		const one = brotliChunks(kept!, first);
		expect(decode(one)).toBe(parts.map(String).join(first.toString()));
		expect(decode(brotliChunks(kept!, second))).toContain(second.toString());
		const size = one.reduce((sum, chunk) => sum + chunk.byteLength, 0);
		expect(size).toBeLessThan(page.length / 20);
	});

	it('refuses a nonce of another length', async () => {
		const kept = await brotliParts([Buffer.from('a'), Buffer.from('b')], LENGTH, '=="');
		expect(() => brotliChunks(kept!, Buffer.from('nonce="short"'))).toThrow();
	});
});
