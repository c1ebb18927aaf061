import { log } from '$lib/server/log/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	edgeCacheControl,
	edgeResponse,
	storyTag,
	strongEtag
} from '../../src/lib/server/http/edge-cache';
import { purge, purgeRequest, storyOf } from '../../src/lib/server/http/edge-purge';

afterEach(() => {
	delete process.env.EDGE_CACHE_SECONDS;
});

describe('edge cache headers', () => {
	it('lets shared caches keep an answer for EDGE_CACHE_SECONDS and browsers for less', () => {
		process.env.EDGE_CACHE_SECONDS = '5';
		expect(edgeCacheControl(60)).toBe(
			'public, max-age=5, s-maxage=5, stale-while-revalidate=60, stale-if-error=86400'
		);
		process.env.EDGE_CACHE_SECONDS = 'soon';
		expect(edgeCacheControl(0)).toContain('s-maxage=30');
	});

	it('tags the answer with its story and answers 304 to the ETag it gave', async () => {
		const first = edgeResponse(new Request('http://x/'), 42, '{"a":1}', {
			'Content-Type': 'application/json'
		});
		expect(first.status).toBe(200);
		expect(first.headers.get('cache-tag')).toBe('story-42');
		expect(first.headers.get('surrogate-key')).toBe('story-42');
		const etag = first.headers.get('etag') ?? '';
		expect(etag).toMatch(/^"[\w-]{27}"$/);
		expect(await first.text()).toBe('{"a":1}');

		const again = edgeResponse(
			new Request('http://x/', { headers: { 'if-none-match': `"other", ${etag}` } }),
			42,
			'{"a":1}',
			{}
		);
		expect(again.status).toBe(304);
		const changed = edgeResponse(
			new Request('http://x/', { headers: { 'if-none-match': etag } }),
			42,
			'{"a":2}',
			{}
		);
		expect(changed.status).toBe(200);
		expect(strongEtag('{"a":2}')).toBe(changed.headers.get('etag'));
	});
});

describe('purge hook', () => {
	it('reads the story from a story_changes payload and nothing from a bad one', () => {
		expect(storyOf('{"storyId":7,"id":1,"kind":"event","entityId":3,"change":"updated"}')).toBe(7);
		expect(storyOf('{"storyId":"7"}')).toBeUndefined();
		expect(storyOf('not json')).toBeUndefined();
		expect(storyOf('null')).toBeUndefined();
	});

	it('posts the tag, fills {tag} in the URL and sends the token', async () => {
		const request = purgeRequest('https://cdn.example/purge/{tag}', storyTag(9), 'secret');
		expect(request.method).toBe('POST');
		expect(request.url).toBe('https://cdn.example/purge/story-9');
		expect(request.headers.get('authorization')).toBe('Bearer secret');
		expect(await request.json()).toEqual({ tags: ['story-9'] });
	});

	it('logs a failing hook instead of throwing', async () => {
		const server = createServer((_req, res) => res.writeHead(503).end());
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
		try {
			await purge('story-1', `http://127.0.0.1:${port}/`);
			await purge('story-1', 'http://127.0.0.1:1/');
		} finally {
			server.close();
		}
		// One log line per failed purge, the refusal with its status; nothing thrown.
		expect(warn).toHaveBeenCalledTimes(2);
		expect(JSON.stringify(warn.mock.calls[0])).toContain('503');
		warn.mockRestore();
	});
});
