import { describe, expect, it } from 'vitest';
import {
	configuredLimit,
	DEFAULT_PER_MINUTE,
	limitKind,
	rateLimiter
} from '../../src/lib/server/http/rate-limit';

describe('limitKind', () => {
	it('sorts requests into ingest, the public API and oEmbed', () => {
		expect(limitKind('POST', '/api/v1/articles')).toBe('ingest');
		expect(limitKind('POST', '/api/v1/import/timelinejs')).toBe('ingest');
		expect(limitKind('GET', '/api/v1/stories')).toBe('api');
		expect(limitKind('HEAD', '/api/v1/events/3')).toBe('api');
		expect(limitKind('GET', '/oembed')).toBe('oembed');
		expect(limitKind('OPTIONS', '/api/v1/stories')).toBeNull();
		expect(limitKind('PATCH', '/api/v1/events/3')).toBeNull();
		expect(limitKind('GET', '/stories/talks')).toBeNull();
		expect(limitKind('GET', '/api/v10')).toBeNull();
	});
});

describe('rateLimiter', () => {
	it('lets a burst of the limit through, then says how long to wait, then refills', () => {
		const limiter = rateLimiter();
		const t = 1_000_000;
		for (let i = 0; i < 60; i += 1) expect(limiter.take('a', 60, t)).toBe(0);
		expect(limiter.take('a', 60, t)).toBe(1);
		expect(limiter.take('b', 60, t)).toBe(0); // another client is not affected
		expect(limiter.take('a', 60, t + 1_000)).toBe(0);
		expect(limiter.take('a', 60, t + 1_000)).toBe(1);
	});

	it('says the wait of a slow limit in whole seconds', () => {
		const limiter = rateLimiter();
		expect(limiter.take('a', 2, 0)).toBe(0);
		expect(limiter.take('a', 2, 0)).toBe(0);
		expect(limiter.take('a', 2, 0)).toBe(30);
		expect(limiter.take('a', 2, 29_000)).toBe(1);
		expect(limiter.take('a', 2, 30_000)).toBe(0);
	});

	it('keeps at most the given number of buckets', () => {
		const limiter = rateLimiter(100);
		for (let i = 0; i < 1_000; i += 1) limiter.take(`client ${i}`, 10, 0);
		expect(limiter.size).toBe(100);
	});
});

describe('configuredLimit', () => {
	it('reads per-minute limits from the environment, with generous defaults and an off switch', () => {
		expect(configuredLimit('api', {})).toBe(DEFAULT_PER_MINUTE.api);
		expect(configuredLimit('ingest', { RATE_LIMIT_INGEST: '5' })).toBe(5);
		expect(configuredLimit('oembed', { RATE_LIMIT_OEMBED: 'lots' })).toBe(
			DEFAULT_PER_MINUTE.oembed
		);
		expect(configuredLimit('api', { RATE_LIMIT: 'off', RATE_LIMIT_API: '5' })).toBeNull();
	});
});
