import { changeToken, changedSince, type ChangeToken } from '../live/listener';
import { countCache } from '../log/metrics';

/** The story a cached value is about, when it says (the embed's and story JSON's `storyId`). */
function storyOfValue(value: unknown): number | undefined {
	const storyId = (value as { storyId?: unknown } | null)?.storyId;
	return typeof storyId === 'number' && storyId > 0 ? storyId : undefined;
}

/**
 * A small in-process cache with stale-while-revalidate: an entry younger than `freshMs` is
 * served as is; an older one is still served while one refresh runs in the background, so a
 * busy resource costs one build per few seconds rather than one per request. A failed refresh
 * keeps the old entry. Bounded: past `maxEntries` the oldest key goes. A refresh is handed the
 * entry it replaces, so it can keep it when nothing it was built from has changed.
 *
 * A value about one story (a numeric `storyId`) is never served once a change to that story
 * has been announced since its build began (live/listener.ts): the caller waits for a build
 * that began after it. The fast path (fast-path.ts) keeps these answers under the change token
 * of the request, so an older value passed on would be kept as if it were current.
 */
export function swrCache<T>({
	freshMs,
	maxEntries,
	name
}: {
	freshMs: number;
	maxEntries: number;
	/** Counts hits and misses under this name in /metrics. */
	name?: 'embed' | 'story-json';
}) {
	interface Entry {
		value: T;
		at: number;
		/** Taken before the build began; undefined when LISTEN was not active. */
		token: ChangeToken | undefined;
	}
	const cache = new Map<string, Entry>();
	const pending = new Map<string, { running: Promise<T>; token: ChangeToken | undefined }>();

	/** Whether a build that began at `token` may miss an announced change to the value's story. */
	function outdated(value: T, token: ChangeToken | undefined): boolean {
		const storyId = storyOfValue(value);
		if (storyId === undefined || !changeToken()) return false;
		return !token || changedSince(storyId, token);
	}

	function refresh(key: string, make: (previous?: T) => Promise<T>, after?: T): Promise<T> {
		const current = pending.get(key);
		if (current && !(after !== undefined && outdated(after, current.token))) return current.running;
		const token = changeToken();
		const running = make(cache.get(key)?.value)
			.then((value) => {
				cache.delete(key);
				if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
				cache.set(key, { value, at: Date.now(), token });
				return value;
			})
			.finally(() => {
				if (pending.get(key)?.running === running) pending.delete(key);
			});
		pending.set(key, { running, token });
		return running;
	}

	return {
		/** The cached value for `key`, building it with `make` when there is none yet. */
		async get(key: string, make: (previous?: T) => Promise<T>): Promise<T> {
			const entry = cache.get(key);
			const stale = entry !== undefined && outdated(entry.value, entry.token);
			if (name) countCache(name, entry && !stale ? 'hit' : 'miss');
			if (!entry) return refresh(key, make);
			// A build that began before the announced change would be as stale: start another.
			if (stale) return refresh(key, make, entry.value);
			if (Date.now() - entry.at > freshMs) refresh(key, make).catch(() => undefined);
			return entry.value;
		}
	};
}
