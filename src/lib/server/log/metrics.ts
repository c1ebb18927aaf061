/**
 * Prometheus metrics (prom-client) for /metrics: request durations by route id and status,
 * the database's reachability and connections, the page and embed caches, live streams, feed
 * polls and failed sign-ins. Counters other modules bump are exported as functions, so a
 * module needs no prom-client of its own. One registry per process (kept across HMR in dev).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

interface Metrics {
	registry: Registry;
	requestDuration: Histogram<'method' | 'route' | 'status'>;
	cache: Counter<'cache' | 'outcome'>;
	feedPolls: Counter<'outcome'>;
	signInFailures: Counter<'reason'>;
	gauges: Map<string, Gauge>;
}

function create(): Metrics {
	const registry = new Registry();
	collectDefaultMetrics({ register: registry });
	return {
		registry,
		requestDuration: new Histogram({
			name: 'http_request_duration_seconds',
			help: 'Time to answer a request, by SvelteKit route id and status.',
			labelNames: ['method', 'route', 'status'],
			buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
			registers: [registry]
		}),
		cache: new Counter({
			name: 'throughline_cache_requests_total',
			help: 'Requests the in-memory caches answered from memory (hit) or had to build (miss).',
			labelNames: ['cache', 'outcome'],
			registers: [registry]
		}),
		feedPolls: new Counter({
			name: 'throughline_feed_polls_total',
			help: 'Feed polls by outcome (ok, not_modified, error).',
			labelNames: ['outcome'],
			registers: [registry]
		}),
		signInFailures: new Counter({
			name: 'throughline_sign_in_failures_total',
			help: 'Failed sign-ins (wrong password, unknown account, throttled, bad token).',
			labelNames: ['reason'],
			registers: [registry]
		}),
		gauges: new Map()
	};
}

const global = globalThis as typeof globalThis & { __throughlineMetrics?: Metrics };
const metrics: Metrics = (global.__throughlineMetrics ??= create());

export const registry = metrics.registry;

export function observeRequest(method: string, route: string, status: number, seconds: number) {
	metrics.requestDuration.observe({ method, route, status: String(status) }, seconds);
}

/** A kept page or embed served from memory (hit) or rendered afresh (miss). */
export function countCache(cache: 'page' | 'embed' | 'story-json', outcome: 'hit' | 'miss') {
	metrics.cache.inc({ cache, outcome });
}

export function countFeedPoll(outcome: string) {
	metrics.feedPolls.inc({ outcome });
}

/** For the sign-in door and the token check: one failed attempt, with a short reason. */
export function countSignInFailure(reason: string) {
	metrics.signInFailures.inc({ reason });
}

/**
 * A gauge read when /metrics is scraped (`collect` may query). Registering the same name again
 * (a module reloaded in dev) replaces the reader.
 */
export function gaugeOnScrape(
	name: string,
	help: string,
	labelNames: string[],
	collect: (set: (value: number, labels?: Record<string, string>) => void) => Promise<void> | void
): void {
	const existing = metrics.gauges.get(name);
	if (existing) metrics.registry.removeSingleMetric(name);
	const gauge: Gauge = new Gauge({
		name,
		help,
		labelNames,
		registers: [metrics.registry],
		async collect() {
			gauge.reset();
			try {
				await collect((value, labels) => (labels ? gauge.set(labels, value) : gauge.set(value)));
			} catch {
				// A reading that needs the database is left out while it cannot be had: the scrape
				// itself (and throughline_database_up) must still answer.
			}
		}
	});
	metrics.gauges.set(name, gauge);
}
