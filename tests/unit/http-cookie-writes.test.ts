import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { cookieWriteOrigin } from '../../src/lib/server/http/cookie-writes';

const ORIGIN = 'https://timelines.example';

/** Runs the handle; 200 means the request reached the route. */
async function send(
	path: string,
	init: { method?: string; headers?: Record<string, string>; cookie?: boolean } = {}
): Promise<number> {
	const url = new URL(path, ORIGIN);
	const request = new Request(url, { method: init.method ?? 'POST', headers: init.headers });
	const cookies = {
		get: (name: string) =>
			init.cookie && name === '__Host-throughline_session' ? 'tok' : undefined
	};
	const event = { request, url, cookies } as unknown as RequestEvent;
	const response = await cookieWriteOrigin({ event, resolve: async () => new Response('ok') });
	return response.status;
}

describe('cookie-authenticated writes', () => {
	it('refuses sign-out without Content-Type from another site, a sibling subdomain, or no origin at all', async () => {
		expect(
			await send('/desk/sign-out', { cookie: true, headers: { origin: 'https://evil.example' } })
		).toBe(403);
		expect(
			await send('/desk/sign-out', {
				cookie: true,
				headers: { origin: 'https://blog.timelines.example', 'sec-fetch-site': 'same-site' }
			})
		).toBe(403);
		expect(await send('/desk/sign-out', { cookie: true })).toBe(403);
	});

	it('lets our own pages sign out and write, by Origin or Sec-Fetch-Site', async () => {
		expect(await send('/desk/sign-out', { cookie: true, headers: { origin: ORIGIN } })).toBe(200);
		expect(
			await send('/desk/sign-out', { cookie: true, headers: { 'sec-fetch-site': 'same-origin' } })
		).toBe(200);
	});

	it('checks /api/v1 writes that carry the session, whatever the Content-Type', async () => {
		for (const type of ['application/json', 'text/plain', 'application/merge-patch+json']) {
			const headers = { 'content-type': type, origin: 'https://evil.example' };
			expect(await send('/api/v1/events/1', { method: 'PATCH', cookie: true, headers }), type).toBe(
				403
			);
			expect(await send('/api/v1/stories', { method: 'POST', cookie: true, headers }), type).toBe(
				403
			);
		}
		const drag = {
			'content-type': 'application/json',
			origin: ORIGIN,
			'sec-fetch-site': 'same-origin'
		};
		expect(await send('/api/v1/events/1', { method: 'PATCH', cookie: true, headers: drag })).toBe(
			200
		);
	});

	it('does not touch Bearer-authenticated API calls, with or without an Origin', async () => {
		const bearer = { authorization: 'Bearer tl_x', 'content-type': 'application/json' };
		expect(await send('/api/v1/articles', { headers: bearer })).toBe(200);
		expect(
			await send('/api/v1/articles', {
				cookie: true,
				headers: { ...bearer, origin: 'https://tool.example' }
			})
		).toBe(200);
	});

	it('leaves reads and cookieless API calls alone, but checks every /desk post', async () => {
		expect(
			await send('/desk/audit', {
				method: 'GET',
				cookie: true,
				headers: { origin: 'https://evil.example' }
			})
		).toBe(200);
		expect(await send('/api/v1/articles', {})).toBe(200);
		expect(await send('/desk/sign-in', { headers: { origin: 'https://evil.example' } })).toBe(403);
	});
});
