import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseOptions } from '@node-rs/argon2';
import {
	hashPassword,
	needsRehash,
	passwordProblem,
	verifyPassword
} from '../../src/lib/server/auth/password';
import {
	generateApiToken,
	generateSessionToken,
	hashToken,
	secretsEqual
} from '../../src/lib/server/auth/secret';
import { bearerToken, tokenNameProblem } from '../../src/lib/server/auth/tokens';
import { needsSecureCookie, sessionCookieName } from '../../src/lib/server/auth/cookie';
import { safeNextPath } from '../../src/routes/(desk)/desk/sign-in/next-path';

describe('password rules', () => {
	it('refuses fewer than 8 and more than 256 characters, counting emoji once', () => {
		expect(passwordProblem('seven77')).toMatch(/at least 8/);
		expect(passwordProblem('eight888')).toBeUndefined();
		expect(passwordProblem('x'.repeat(256))).toBeUndefined();
		expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
		// Seven emoji are 14 UTF-16 units but seven characters to the person typing them.
		expect(passwordProblem('🔑'.repeat(7))).toMatch(/at least 8/);
	});

	it('will not hash a password the rules refuse', async () => {
		await expect(hashPassword('short')).rejects.toThrow(/at least 8/);
		await expect(hashPassword('y'.repeat(300))).rejects.toThrow(/at most 256/);
	});

	it('hashes with argon2id at the OWASP minimum and verifies only the right password', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(parseOptions(stored)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
		expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(stored, 'correct horse battery ')).toBe(false);
		expect(await verifyPassword(stored, 'z'.repeat(10_000))).toBe(false);
		expect(await verifyPassword('not a hash', 'correct horse battery')).toBe(false);
		expect(needsRehash(stored)).toBe(false);
		expect(
			needsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA')
		).toBe(true);
	});

	it('salts every hash, so the same password never hashes the same twice', async () => {
		expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
	});
});

describe('tokens', () => {
	it('makes session tokens of 32 base32 characters (160 random bits), all different', () => {
		const tokens = new Set(Array.from({ length: 200 }, generateSessionToken));
		expect(tokens.size).toBe(200);
		for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
	});

	it('prefixes API tokens with tl_', () => {
		expect(generateApiToken()).toMatch(/^tl_[a-z2-7]{32}$/);
	});

	it('stores the SHA-256 of a token as 64 lower-case hex digits', () => {
		const token = generateApiToken();
		expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('compares secrets exactly', () => {
		expect(secretsEqual('abc', 'abc')).toBe(true);
		expect(secretsEqual('abc', 'abd')).toBe(false);
		expect(secretsEqual('abc', 'abcd')).toBe(false);
	});

	it('reads Bearer headers, and treats any other Authorization header as a failed one', () => {
		expect(bearerToken(null)).toBeUndefined();
		expect(bearerToken('Bearer tl_abc')).toBe('tl_abc');
		expect(bearerToken('bearer   tl_abc ')).toBe('tl_abc');
		expect(bearerToken('Basic dXNlcjpwYXNz')).toBe('');
		expect(bearerToken('Bearer a b')).toBe('');
	});

	it('wants a token name of 1 to 100 characters', () => {
		expect(tokenNameProblem('  ')).toMatch(/name/);
		expect(tokenNameProblem('nightly import')).toBeUndefined();
		expect(tokenNameProblem('n'.repeat(101))).toMatch(/100 characters/);
	});
});

describe('the session cookie', () => {
	it('is __Host- and Secure over https or away from this machine, plain on http localhost', () => {
		expect(sessionCookieName(new URL('https://news.example.org/desk'))).toBe(
			'__Host-throughline_session'
		);
		expect(needsSecureCookie(new URL('http://news.example.org/desk'))).toBe(true);
		expect(sessionCookieName(new URL('http://localhost:3000/desk'))).toBe('throughline_session');
		expect(sessionCookieName(new URL('http://127.0.0.1:5173/desk'))).toBe('throughline_session');
		expect(needsSecureCookie(new URL('https://localhost/desk'))).toBe(true);
	});
});

describe('where sign-in goes next', () => {
	const origin = 'https://news.example.org';
	it('follows desk paths on this site, with their query', () => {
		expect(safeNextPath('/desk/tokens?x=1', origin)).toBe('/desk/tokens?x=1');
		expect(safeNextPath('/desk', origin)).toBe('/desk');
	});
	it('refuses other sites, other sections and sign-in itself', () => {
		for (const next of [
			'https://evil.example/desk',
			'//evil.example/desk',
			'/\\evil.example/desk',
			'/stories/x',
			'/desktop',
			'/desk/sign-in',
			'javascript:alert(1)',
			'',
			null
		]) {
			expect(safeNextPath(next, origin)).toBe('/desk');
		}
	});
});
