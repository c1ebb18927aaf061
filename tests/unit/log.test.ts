import { Writable } from 'node:stream';
import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/server/log/logger';
import { createRequestLog, requestIdFor } from '../../src/lib/server/log/request';
import { countSignInFailure, registry } from '../../src/lib/server/log/metrics';
import { GET as metrics } from '../../src/routes/metrics/+server';
import { GET as healthz } from '../../src/routes/healthz/+server';

function capture() {
	const lines: Record<string, unknown>[] = [];
	const destination = new Writable({
		write(chunk: Buffer, _encoding, done) {
			for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
			done();
		}
	});
	return { lines, logger: createLogger({ destination, level: 'info' }) };
}

function fakeEvent(path: string, headers: Record<string, string> = {}): RequestEvent {
	const url = new URL(`http://localhost${path}`);
	return {
		url,
		request: new Request(url, { headers }),
		route: { id: '/(public)/stories/[slug]' },
		locals: {}
	} as unknown as RequestEvent;
}

describe('the logger', () => {
	it('never writes passwords, tokens, cookies or authorization headers', async () => {
		const { lines, logger } = capture();
		logger.info(
			{
				req: { headers: { authorization: 'Bearer tl_secret', cookie: 'session=abc' } },
				user: { password: 'hunter2hunter2', email: 'ada@example.org' },
				token: 'tl_live'
			},
			'sign in'
		);
		logger.flush();
		await new Promise((resolve) => setImmediate(resolve));
		const text = JSON.stringify(lines);
		for (const secret of ['tl_secret', 'session=abc', 'hunter2hunter2', 'tl_live'])
			expect(text).not.toContain(secret);
		expect(text).toContain('ada@example.org');
		expect(lines[0]).toMatchObject({ msg: 'sign in', level: 30 });
	});
});

describe('request ids', () => {
	it('keep a sane incoming id and replace anything else', () => {
		expect(requestIdFor('edge-7f3a9c21-01')).toBe('edge-7f3a9c21-01');
		for (const bad of [
			null,
			'',
			'short',
			'has space in it',
			'x'.repeat(129),
			'a\r\nSet-Cookie: x=1'
		])
			expect(requestIdFor(bad)).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('are echoed and logged with one access line per request', async () => {
		const { lines, logger } = capture();
		const handle = createRequestLog(logger);
		const event = fakeEvent('/stories/peace-talks?token=tl_should_not_appear', {
			'x-request-id': 'lb-1234567890'
		});
		const response = await handle({
			event,
			resolve: async () => new Response('hello', { headers: { 'content-length': '5' } })
		});
		logger.flush();
		await new Promise((resolve) => setImmediate(resolve));
		expect(response.headers.get('x-request-id')).toBe('lb-1234567890');
		expect(event.locals.requestId).toBe('lb-1234567890');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({
			msg: 'request',
			requestId: 'lb-1234567890',
			method: 'GET',
			route: '/(public)/stories/[slug]',
			path: '/stories/peace-talks',
			status: 200,
			bytes: 5
		});
		expect(typeof lines[0]!.ms).toBe('number');
		expect(JSON.stringify(lines)).not.toContain('tl_should_not_appear');
	});

	it('log a failed request as 500 and pass the error on', async () => {
		const { lines, logger } = capture();
		const handle = createRequestLog(logger);
		await expect(
			handle({ event: fakeEvent('/x'), resolve: () => Promise.reject(new Error('boom')) })
		).rejects.toThrow('boom');
		logger.flush();
		await new Promise((resolve) => setImmediate(resolve));
		expect(lines[0]).toMatchObject({ status: 500, bytes: null });
	});
});

describe('/metrics and /healthz', () => {
	const saved = process.env.METRICS_TOKEN;
	afterEach(() => {
		if (saved === undefined) delete process.env.METRICS_TOKEN;
		else process.env.METRICS_TOKEN = saved;
	});
	const call = (authorization?: string) =>
		metrics({
			request: new Request('http://localhost/metrics', {
				headers: authorization ? { authorization } : {}
			})
		} as never);

	it('do not exist without METRICS_TOKEN, and refuse a wrong token', async () => {
		delete process.env.METRICS_TOKEN;
		expect((await call('Bearer anything')).status).toBe(404);
		process.env.METRICS_TOKEN = 'scrape-token-123';
		expect((await call()).status).toBe(401);
		expect((await call('Bearer scrape-token-124')).status).toBe(401);
	});

	it('expose request durations and the counters other modules bump', async () => {
		process.env.METRICS_TOKEN = 'scrape-token-123';
		const { logger } = capture();
		await createRequestLog(logger)({
			event: fakeEvent('/stories/a'),
			resolve: async () => new Response('')
		});
		countSignInFailure('wrong_password');
		const response = await call('Bearer scrape-token-123');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(registry.contentType);
		const text = await response.text();
		expect(text).toMatch(
			/http_request_duration_seconds_count\{method="GET",route="\/\(public\)\/stories\/\[slug\]",status="200"\} \d+/
		);
		expect(text).toMatch(/throughline_sign_in_failures_total\{reason="wrong_password"\} [1-9]/);
		expect(text).toContain('throughline_live_streams 0');
	});

	it('healthz answers without a database', async () => {
		const response = await healthz({} as never);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok' });
	});
});
