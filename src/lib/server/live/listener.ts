/**
 * One LISTEN per process on the `story_changes` channel (migration 00002), fanned out to the
 * live pages of this process by story. postgres.js gives `listen` a dedicated connection and
 * listens again after it reconnects; notifications sent while it was away are lost, so each
 * subscriber is then asked to catch up from the table.
 */
import { onPoolReplaced } from '../db/availability';
import { sql } from '../db/client';
import type { StoryChange } from '../db/changes';
import { log } from '../log/logger';

/** A change as NOTIFY carries it: the row of story_changes without its timestamp. */
export type LiveChange = Pick<StoryChange, 'id' | 'kind' | 'entityId' | 'change'>;

export interface Subscriber {
	/** A change to the subscribed story, in commit order (which is id order within a story). */
	change(change: LiveChange): void;
	/** The LISTEN connection came back: changes may have been missed, read them from the table. */
	resync(): void;
	/** The process is shutting down: end the stream (the browser reconnects elsewhere). */
	close(): void;
}

interface ListenerState {
	subscribers: Map<number, Set<Subscriber>>;
	/** Per story, how many changes this process has been told of (see generation()). */
	generations: Map<number, number>;
	/** Bumped whenever LISTEN (re)starts: changes may have been missed before it. */
	epoch: number;
	/** LISTEN is active: generations are being kept. */
	active: boolean;
	/** Keep listening with no live page open (the page cache follows changes). */
	following: boolean;
	/** Undoes the pool-replacement hook (set once per process). */
	unhook?: () => void;
	listening?: Promise<{ unlisten(): Promise<void> }>;
	/** How many times LISTEN has (re)started on the current connection. */
	starts: number;
	/** Notifications received by this process, all stories (see changeToken()). */
	sequence: number;
	/** Per story, the sequence number of its latest notification. */
	lastChange: Map<number, number>;
}

const CHANNEL = 'story_changes';

/** On globalThis so that Vite's module reloads in dev never open a second LISTEN. */
const global = globalThis as typeof globalThis & { __throughlineLive?: ListenerState };
const state: ListenerState = (global.__throughlineLive ??= {
	subscribers: new Map(),
	generations: new Map(),
	epoch: 0,
	active: false,
	following: false,
	starts: 0,
	sequence: 0,
	lastChange: new Map()
});
// A state object left on globalThis by an older version of this module (a dev reload).
state.sequence ??= 0;
state.lastChange ??= new Map();

/**
 * A notification: a change live pages are told of, or (kind `story`, migration 00008) one that
 * only makes what is kept of the story stale: its own row edited, an event or article removed.
 */
type Notification = (LiveChange & { storyId: number }) | { storyId: number; kind: 'story' };

function parse(payload: string): Notification | undefined {
	try {
		const value: unknown = JSON.parse(payload);
		if (typeof value !== 'object' || value === null) return undefined;
		const { storyId, id, kind, entityId, change } = value as Record<string, unknown>;
		if (kind === 'story' && typeof storyId === 'number') return { storyId, kind };
		if (typeof storyId !== 'number' || typeof id !== 'number' || typeof entityId !== 'number') {
			return undefined;
		}
		if (kind !== 'event' && kind !== 'article') return undefined;
		if (change !== 'published' && change !== 'updated' && change !== 'corrected') return undefined;
		return { storyId, id, kind, entityId, change };
	} catch {
		return undefined;
	}
}

function deliver(payload: string): void {
	const parsed = parse(payload);
	if (!parsed) {
		log.error(
			{ payload: payload.slice(0, 200) },
			'ignoring a malformed story_changes notification'
		);
		return;
	}
	const { storyId } = parsed;
	state.generations.set(storyId, (state.generations.get(storyId) ?? 0) + 1);
	state.sequence += 1;
	state.lastChange.set(storyId, state.sequence);
	if (parsed.kind === 'story') return;
	const change: LiveChange = {
		id: parsed.id,
		kind: parsed.kind,
		entityId: parsed.entityId,
		change: parsed.change
	};
	for (const subscriber of state.subscribers.get(storyId) ?? []) subscriber.change(change);
}

function resyncAll(): void {
	for (const subscribers of state.subscribers.values()) {
		for (const subscriber of subscribers) subscriber.resync();
	}
}

function started(): void {
	state.active = true;
	state.epoch += 1;
	state.starts += 1;
	if (state.starts > 1) resyncAll();
}

// The pool was replaced after an outage (db/availability.ts): its LISTEN connection went with
// it. Listen on the new pool, then have every open stream read what it missed.
state.unhook?.();
state.unhook = onPoolReplaced(() => {
	state.listening = undefined;
	state.active = false;
	state.epoch += 1;
	if (state.subscribers.size === 0 && !state.following) return;
	listen().then(resyncAll, (error: unknown) => {
		// End the streams: each browser reconnects, and its subscribe() listens again.
		log.error({ err: error }, 'could not listen again after the database came back');
		const subscribers = [...state.subscribers.values()].flatMap((set) => [...set]);
		for (const subscriber of subscribers) subscriber.close();
	});
});

function listen(): Promise<{ unlisten(): Promise<void> }> {
	if (!state.listening) {
		state.starts = 0;
		const listening = sql.listen(CHANNEL, deliver, started);
		state.listening = listening;
		// A failed start is retried by the next subscriber rather than remembered.
		listening.catch(() => {
			if (state.listening === listening) state.listening = undefined;
		});
	}
	return state.listening;
}

/**
 * Follows one story's changes. Resolves once LISTEN is active, so a catch-up read from the table
 * made afterwards leaves no gap. Returns the function that stops following.
 */
export async function subscribe(storyId: number, subscriber: Subscriber): Promise<() => void> {
	let subscribers = state.subscribers.get(storyId);
	if (!subscribers) state.subscribers.set(storyId, (subscribers = new Set()));
	subscribers.add(subscriber);
	const unsubscribe = () => {
		const set = state.subscribers.get(storyId);
		set?.delete(subscriber);
		if (set?.size === 0) state.subscribers.delete(storyId);
	};
	try {
		await listen();
	} catch {
		// That start may have begun before the database was back (the pool's replacement starts
		// one at once): a fresh one decides whether this stream is refused.
		try {
			await listen();
		} catch (error) {
			unsubscribe();
			throw error;
		}
	}
	return unsubscribe;
}

/**
 * Where a story stands as far as this process knows: equal stamps mean no reader-visible change
 * (story_changes) was announced in between, and LISTEN stayed up. Undefined while LISTEN is not
 * active, when nothing can be concluded.
 */
export function changeStamp(storyId: number): string | undefined {
	if (!state.active) return undefined;
	return `${state.epoch}.${state.generations.get(storyId) ?? 0}`;
}

/** Where this process's notifications stood at one moment (changeToken()). */
export interface ChangeToken {
	epoch: number;
	sequence: number;
}

/**
 * A mark to compare later with changedSince(): take it before loading what a response is built
 * from. Undefined while LISTEN is not active, when nothing can be concluded.
 */
export function changeToken(): ChangeToken | undefined {
	return state.active ? { epoch: state.epoch, sequence: state.sequence } : undefined;
}

/**
 * Whether a change to the story may have happened since `token` was taken: one was announced,
 * or LISTEN dropped (notifications may have been lost), or is not active now.
 */
export function changedSince(storyId: number, token: ChangeToken): boolean {
	return (
		!state.active ||
		token.epoch !== state.epoch ||
		(state.lastChange.get(storyId) ?? 0) > token.sequence
	);
}

/** Listens from now on, with or without live pages open (the page cache's change stamps). */
export function followChanges(): void {
	state.following = true;
	if (state.listening) return;
	listen().catch((error: unknown) =>
		log.warn({ err: error }, 'could not listen for story changes')
	);
}

/** How many live streams this process serves (for tests and diagnostics). */
export function subscriberCount(): number {
	let count = 0;
	for (const subscribers of state.subscribers.values()) count += subscribers.size;
	return count;
}

/**
 * Ends every live stream and stops listening. Call at shutdown before the pool ends: open
 * streams would otherwise hold the HTTP server's drain until its timeout.
 */
export async function stopListening(): Promise<void> {
	const subscribers = [...state.subscribers.values()].flatMap((set) => [...set]);
	state.subscribers.clear();
	for (const subscriber of subscribers) subscriber.close();
	const listening = state.listening;
	state.listening = undefined;
	state.active = false;
	state.following = false;
	if (!listening) return;
	try {
		await (await listening).unlisten();
	} catch {
		// Never started, or the connection is already gone: nothing left to stop.
	}
}
