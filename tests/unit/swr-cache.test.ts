import { describe, expect, it } from 'vitest';
import { swrCache } from '../../src/lib/server/http/swr-cache';

describe('swrCache', () => {
	it('serves the old entry while a refresh runs, and hands the refresh the entry it replaces', async () => {
		const cache = swrCache<{ n: number }>({ freshMs: 0, maxEntries: 10 });
		const seen: ({ n: number } | undefined)[] = [];
		let n = 0;
		const make = async (previous?: { n: number }) => {
			seen.push(previous);
			return { n: ++n };
		};
		const first = await cache.get('a', make);
		expect(first).toEqual({ n: 1 });
		// Stale once any time has passed (freshMs 0; within the same millisecond it is still fresh):
		// the old value is served, a refresh starts in the background.
		await new Promise((resolve) => setTimeout(resolve, 5));
		expect(await cache.get('a', make)).toBe(first);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(seen).toEqual([undefined, first]);
		expect(await cache.get('a', make)).toEqual({ n: 2 });
	});
});
