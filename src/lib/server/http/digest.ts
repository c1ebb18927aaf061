import { createHash } from 'node:crypto';

/**
 * A digest of data as JSON: the in-memory caches (page-cache.ts, the embed) compare it to tell
 * whether what a page was rendered from has changed, so they never serve a stale page.
 */
export function digestOf(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}
