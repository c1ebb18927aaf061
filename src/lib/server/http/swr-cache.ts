import { countCache } from '../log/metrics';

/**
 * A small in-process cache with stale-while-revalidate: an entry younger than `freshMs` is
 * served as is; an older one is still served while one refresh runs in the background, so a
 * busy resource costs one build per few seconds rather than one per request. A failed refresh
 * keeps the old entry. Bounded: past `maxEntries` the oldest key goes. A refresh is handed the
 * entry it replaces, so it can keep it when nothing it was built from has changed.
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
	const cache = new Map<string, { value: T; at: number }>();
	const pending = new Map<string, Promise<T>>();

	function refresh(key: string, make: (previous?: T) => Promise<T>): Promise<T> {
		let running = pending.get(key);
		if (!running) {
			running = make(cache.get(key)?.value)
				.then((value) => {
					cache.delete(key);
					if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
					cache.set(key, { value, at: Date.now() });
					return value;
				})
				.finally(() => pending.delete(key));
			pending.set(key, running);
		}
		return running;
	}

	return {
		/** The cached value for `key`, building it with `make` when there is none yet. */
		async get(key: string, make: (previous?: T) => Promise<T>): Promise<T> {
			const entry = cache.get(key);
			if (name) countCache(name, entry ? 'hit' : 'miss');
			if (!entry) return refresh(key, make);
			if (Date.now() - entry.at > freshMs) refresh(key, make).catch(() => undefined);
			return entry.value;
		}
	};
}
