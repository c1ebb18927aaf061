/**
 * Random tokens and their stored form, per the Lucia guide (https://lucia-auth.com/sessions/basic):
 * 20 random bytes from crypto.getRandomValues, base32 lower-case without padding; only the
 * SHA-256 (hex) is stored, so a leaked table cannot be replayed. 160 bits of entropy make
 * looking the hash up by equality safe: nobody can steer a guess towards a stored hash.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** API tokens carry a prefix so they are recognisable in logs and by secret scanners. */
export const API_TOKEN_PREFIX = 'tl_';

/** A session token: 32 characters of base32 (a–z, 2–7). */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** An API token: `tl_` and 32 characters of base32. Shown to its owner once. */
export function generateApiToken(): string {
	return API_TOKEN_PREFIX + generateSessionToken();
}

/** What the database stores for a token: its SHA-256 as 64 lower-case hex digits. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Compares two secrets without leaking, through timing, how much of them matched. */
export function secretsEqual(a: string, b: string): boolean {
	const encoder = new TextEncoder();
	const left = encoder.encode(a);
	const right = encoder.encode(b);
	return left.length === right.length && constantTimeEqual(left, right);
}
