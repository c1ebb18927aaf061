/**
 * Tells the CDN (or a purging proxy) that a story changed: one POST to PURGE_URL per row of
 * story_changes, naming the story's cache tag (edge-cache.ts), so cached embeds, JSON, feeds and
 * oEmbed answers go at once instead of at the end of their s-maxage.
 *
 * It follows the same NOTIFY the live pages do, on a LISTEN of its own. Set PURGE_URL on one
 * instance only (each instance that has it sends the calls). `{tag}` in the URL is replaced by the
 * tag (Fastly's /purge/{key}); the body is always `{"tags":["story-42"]}`, and PURGE_TOKEN, when
 * set, goes along as `Authorization: Bearer …`. A purge that fails or takes longer than 5 s is
 * logged, never retried or thrown: the answer still expires with its s-maxage.
 */
import { sql } from '../db/client';
import { log } from '../log/logger';
import { storyTag } from './edge-cache';

const TIMEOUT_MS = 5_000;
/** Beyond this many calls in flight, further changes are logged and left to expire. */
const MAX_IN_FLIGHT = 64;

interface PurgeState {
	listening?: Promise<{ unlisten(): Promise<void> }>;
	inFlight: Set<Promise<void>>;
}

const global = globalThis as typeof globalThis & { __throughlinePurge?: PurgeState };
const state: PurgeState = (global.__throughlinePurge ??= { inFlight: new Set() });

/** The story a story_changes notification is about, or undefined for a payload we cannot read. */
export function storyOf(payload: string): number | undefined {
	try {
		const value: unknown = JSON.parse(payload);
		const storyId = (value as { storyId?: unknown } | null)?.storyId;
		return typeof storyId === 'number' && Number.isInteger(storyId) ? storyId : undefined;
	} catch {
		return undefined;
	}
}

/** The request a purge of `tag` makes. */
export function purgeRequest(url: string, tag: string, token?: string): Request {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (token) headers.authorization = `Bearer ${token}`;
	return new Request(url.replaceAll('{tag}', encodeURIComponent(tag)), {
		method: 'POST',
		headers,
		body: JSON.stringify({ tags: [tag] })
	});
}

/** Sends one purge; resolves in all cases (failures are logged). */
export async function purge(tag: string, url: string, token?: string): Promise<void> {
	try {
		const response = await fetch(purgeRequest(url, tag, token), {
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
		await response.body?.cancel();
		if (!response.ok) log.warn({ tag, status: response.status }, 'the purge hook refused a purge');
	} catch (error) {
		log.warn({ tag, err: error }, 'the purge hook failed');
	}
}

function onChange(payload: string): void {
	const url = process.env.PURGE_URL;
	const storyId = storyOf(payload);
	if (!url || storyId === undefined) return;
	const tag = storyTag(storyId);
	if (state.inFlight.size >= MAX_IN_FLIGHT) {
		log.warn({ tag, inFlight: MAX_IN_FLIGHT }, 'too many purges in flight; this one is skipped');
		return;
	}
	const call = purge(tag, url, process.env.PURGE_TOKEN).finally(() => state.inFlight.delete(call));
	state.inFlight.add(call);
}

/** Starts following story changes when PURGE_URL is set (once per process). */
export function startEdgePurge(): void {
	if (!process.env.PURGE_URL || state.listening) return;
	const listening = sql.listen('story_changes', onChange);
	state.listening = listening;
	listening.catch((error: unknown) => {
		log.error({ err: error }, 'the purge hook could not listen for story changes');
		if (state.listening === listening) state.listening = undefined;
	});
}

/** Stops following and waits (at most the timeout) for calls in flight. */
export async function stopEdgePurge(): Promise<void> {
	const listening = state.listening;
	state.listening = undefined;
	try {
		await (await listening)?.unlisten();
	} catch {
		// never started, or the connection is already gone
	}
	await Promise.all(state.inFlight);
}
