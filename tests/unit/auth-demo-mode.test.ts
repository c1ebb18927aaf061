import { describe, expect, it } from 'vitest';
import { demoMode, isLocalOrigin } from '../../src/lib/server/auth/demo';

describe('demo mode', () => {
	it('makes the demo editor only on a local origin', () => {
		for (const ORIGIN of ['http://localhost:3000', 'http://127.0.0.1:3206', 'http://[::1]:3000']) {
			expect(demoMode({ ORIGIN }), ORIGIN).toEqual({ story: true, editor: true });
			expect(demoMode({ ORIGIN, SEED_DEMO: 'true' }), ORIGIN).toEqual({
				story: true,
				editor: true
			});
		}
		expect(demoMode({ NODE_ENV: 'development' })).toEqual({ story: true, editor: true });
	});

	it('refuses to start a demo on any other origin unless DEMO_PUBLIC=1, and then makes no editor', () => {
		for (const ORIGIN of [
			'https://timelines.example',
			'https://localhost.example',
			'http://10.0.0.5:3000'
		]) {
			expect(() => demoMode({ ORIGIN, SEED_DEMO: 'true' }), ORIGIN).toThrow(/DEMO_PUBLIC=1/);
			expect(demoMode({ ORIGIN, SEED_DEMO: 'true', DEMO_PUBLIC: '1' })).toEqual({
				story: true,
				editor: false
			});
		}
		// Behind a proxy without ORIGIN the origin is unknown: not local.
		expect(() => demoMode({ SEED_DEMO: 'true', PROTOCOL_HEADER: 'x-forwarded-proto' })).toThrow();
	});

	it('starts a public origin empty by default, and never seeds with SEED_DEMO=false', () => {
		expect(demoMode({ ORIGIN: 'https://timelines.example' })).toEqual({
			story: false,
			editor: false
		});
		expect(demoMode({ ORIGIN: 'http://localhost:3000', SEED_DEMO: 'false' })).toEqual({
			story: false,
			editor: false
		});
	});

	it('reads the origin by host name, not by prefix', () => {
		expect(isLocalOrigin({ ORIGIN: 'http://localhost.evil.example' })).toBe(false);
		expect(isLocalOrigin({ ORIGIN: 'http://127.0.0.1.nip.io' })).toBe(false);
		expect(isLocalOrigin({ ORIGIN: 'not a url' })).toBe(false);
	});
});
