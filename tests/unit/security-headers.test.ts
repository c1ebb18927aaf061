import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { securityHeaders } from '../../src/lib/server/http/security-headers';

async function headersFor(href: string, signedIn = false, cacheControl?: string) {
	const event = {
		url: new URL(href),
		locals: { user: signedIn ? { id: 1, role: 'editor' } : null }
	} as unknown as RequestEvent;
	const response = await securityHeaders({
		event,
		resolve: async () =>
			new Response('x', { headers: cacheControl ? { 'cache-control': cacheControl } : {} })
	});
	return response.headers;
}

describe('security headers', () => {
	it('send HSTS for a year when the origin is https, and none over plain http', async () => {
		expect((await headersFor('https://timelines.example/')).get('strict-transport-security')).toBe(
			'max-age=31536000'
		);
		expect(
			(await headersFor('http://localhost:3000/')).get('strict-transport-security')
		).toBeNull();
	});

	it.each(['/desk', '/desk/tokens', '/desk/audit', '/desk/sign-in', '/desk/stories/1/__data.json'])(
		'keep %s out of every cache',
		async (path) => {
			expect(
				(await headersFor(`https://timelines.example${path}`, true)).get('cache-control')
			).toBe('private, no-store');
		}
	);

	it('keep API answers to signed-in callers out of caches, and leave public ones cacheable', async () => {
		const mine = await headersFor('https://t.example/api/v1/stories/1', true, 'public, max-age=0');
		expect(mine.get('cache-control')).toBe('private, no-store');
		const anyone = await headersFor(
			'https://t.example/api/v1/stories/1',
			false,
			'public, max-age=0'
		);
		expect(anyone.get('cache-control')).toBe('public, max-age=0');
		const page = await headersFor('https://t.example/stories/talks', true, 'public, max-age=60');
		expect(page.get('cache-control')).toBe('public, max-age=60');
	});
});
