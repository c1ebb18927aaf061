/**
 * The headers scripts/start.js gives the files adapter-node serves before the hooks run, on a
 * real HTTP server whose handler writes its own headers the way the static handler does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { staticHeaders, staticPaths } from '../../scripts/static-headers.js';

let server: http.Server;
let base: string;
let dir: string;

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'static-headers-'));
	mkdirSync(path.join(dir, '_app', 'immutable'), { recursive: true });
	writeFileSync(path.join(dir, 'embed.js'), '1');
	writeFileSync(path.join(dir, '_app', 'immutable', 'entry.js'), '1');
	const set = staticHeaders(staticPaths(dir), { https: true });
	server = http.createServer((request, response) => {
		set(request, response);
		response.writeHead(200, { 'content-type': 'text/javascript' });
		response.end('1');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
	server.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('static file headers', () => {
	it.each(['/embed.js', '/_app/immutable/entry.js', '/embed%2Ejs'])(
		'%s gets nosniff, a CSP and HSTS',
		async (file) => {
			const response = await fetch(base + file);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
			expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
		}
	);

	it('leaves other paths to the hooks', async () => {
		const response = await fetch(`${base}/stories/talks`);
		expect(response.headers.get('content-security-policy')).toBeNull();
	});

	it('sends no HSTS over plain http', () => {
		const headers = new Map<string, string>();
		const set = staticHeaders(new Set(['/embed.js']), { https: false });
		set(
			{ url: '/embed.js' } as http.IncomingMessage,
			{
				setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value)
			} as unknown as http.ServerResponse
		);
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.has('strict-transport-security')).toBe(false);
	});
});
