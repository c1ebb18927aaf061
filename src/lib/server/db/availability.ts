/**
 * Whether the database can be reached, and getting the pool back when it can again.
 *
 * postgres.js 3.4.9 reconnects its pool's connections by itself, but a restart of PostgreSQL
 * under load can leave connections of the pool wedged for good: each query then waits out the
 * connect timeout and fails with `CONNECT_TIMEOUT` against a healthy server (a connection that
 * saw "the database system is shutting down" during its start-up reconnects without backoff and
 * never settles; see porsager/postgres#1193 and #1214). Measured here: after
 * `pg_ctl restart` under `wrk -c20`, the story routes failed for good while other routes, whose
 * queries happened to reach a healthy connection, answered. So the app does not trust the pool
 * after a connection failure: it checks the server on a fresh connection of its own and, when
 * the server answers but the pool does not (or the server was down), replaces the pool.
 */
import postgres from 'postgres';
import { sql } from './client';
import { flushLog, log } from '../log/logger';

/** postgres.js' connection-level error codes, and PostgreSQL's for a lost or refused server. */
const CONNECTION_CODES = new Set([
	'CONNECT_TIMEOUT',
	'CONNECTION_CLOSED',
	'CONNECTION_DESTROYED',
	'CONNECTION_ENDED',
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
	'57P01', // admin_shutdown (pg_terminate_backend, fast shutdown)
	'57P02', // crash_shutdown
	'57P03' // cannot_connect_now (starting up or shutting down)
]);

/** Whether an error means the database could not be reached (rather than a bad query). */
export function isConnectionError(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const code = (error as { code?: unknown }).code;
	if (typeof code !== 'string') return false;
	return CONNECTION_CODES.has(code) || code.startsWith('08');
}

export interface Supervisor {
	/** False from a failed check until the pool works again. */
	readonly up: boolean;
	/** A query failed to reach the database, or a connection closed: check, and heal if needed. */
	suspect(): void;
	/** Resolves when the running check (if any) is done. */
	settled(): Promise<void>;
	stop(): void;
}

export interface SupervisorOptions {
	/** A single-connection check against the server itself, bypassing the pool. */
	probeServer(): Promise<void>;
	/** The same check through the pool in use. */
	probePool(): Promise<void>;
	/** Opens a fresh pool in place of the current one. */
	replacePool(): Promise<void>;
	onDown?(error: unknown): void;
	onUp?(replaced: boolean): void;
	/** How long a check may take before it counts as failed (ms). */
	timeoutMs?: number;
	/** The pause between checks while the database is down (ms). */
	retryMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	return Promise.race([
		promise,
		new Promise<never>((_, reject) => {
			timer = setTimeout(
				() => reject(Object.assign(new Error('check timed out'), { code: 'ETIMEDOUT' })),
				ms
			);
		})
	]).finally(() => clearTimeout(timer));
}

export function supervise(options: SupervisorOptions): Supervisor {
	const timeoutMs = options.timeoutMs ?? 2_000;
	const retryMs = options.retryMs ?? 250;
	let up = true;
	let stopped = false;
	let running: Promise<void> | undefined;
	let again = false;

	async function check(): Promise<void> {
		for (;;) {
			if (stopped) return;
			try {
				await withTimeout(options.probeServer(), timeoutMs);
			} catch (error) {
				if (up) options.onDown?.(error);
				up = false;
				await new Promise((resolve) => setTimeout(resolve, retryMs));
				continue;
			}
			// The server answers. After an outage every pooled connection is suspect (and may be
			// wedged): start afresh. Otherwise keep the pool if it answers too.
			let replace = !up;
			if (!replace) {
				try {
					await withTimeout(options.probePool(), timeoutMs);
				} catch {
					replace = true;
				}
			}
			if (replace) {
				try {
					await options.replacePool();
				} catch (error) {
					if (up) options.onDown?.(error);
					up = false;
					continue;
				}
			}
			const wasDown = !up;
			up = true;
			if (wasDown || replace) options.onUp?.(replace);
			if (!again) return;
			again = false;
		}
	}

	return {
		get up() {
			return up;
		},
		suspect() {
			if (stopped) return;
			if (running) {
				again = true;
				return;
			}
			running = check().finally(() => (running = undefined));
		},
		settled: () => running ?? Promise.resolve(),
		stop() {
			stopped = true;
		}
	};
}

/** A one-connection `select 1` on `url`, ended straight after: the server check. */
export async function probeUrl(url: string, timeoutSeconds: number): Promise<void> {
	const probe = postgres(url, {
		max: 1,
		connect_timeout: timeoutSeconds,
		onnotice: () => {},
		connection: { application_name: 'throughline-probe' }
	});
	try {
		await probe`select 1`;
	} finally {
		await probe.end({ timeout: 0 });
	}
}

interface Registry {
	supervisor?: Supervisor;
	reconnected: Set<() => void>;
}

/** On globalThis so that Vite's module reloads in dev keep the one supervisor. */
const global = globalThis as typeof globalThis & { __throughlineAvailability?: Registry };
const registry: Registry = (global.__throughlineAvailability ??= { reconnected: new Set() });

/** Makes `supervisor` the process's one (database.ts, at open; undefined at close). */
export function setSupervisor(supervisor: Supervisor | undefined): void {
	registry.supervisor?.stop();
	registry.supervisor = supervisor;
}

/** False while the database is known to be unreachable: answer 503 rather than wait. */
export function databaseUp(): boolean {
	return registry.supervisor?.up ?? true;
}

/** Hands a caught error to the supervisor when it says the database was out of reach. */
export function reportDatabaseError(error: unknown): boolean {
	if (!isConnectionError(error)) return false;
	registry.supervisor?.suspect();
	return true;
}

/** Something that kept state from the old pool (LISTEN, caches) must start again. */
export function onPoolReplaced(listener: () => void): () => void {
	registry.reconnected.add(listener);
	return () => registry.reconnected.delete(listener);
}

export function poolReplaced(): void {
	for (const listener of registry.reconnected) listener();
}

/**
 * Known faults of postgres.js 3.4.9: a write it scheduled for the next tick (`nextWrite`) can
 * run after its socket died, and a socket it has stopped listening to can still report a reset;
 * either error escapes every query's promise (porsager/postgres#1208, #1176) and would take the
 * whole app down when the database restarts. Such errors (from the driver's frames, or a bare
 * socket reset with only Node's own frames, which in this app only the database's sockets can
 * raise) are logged and treated as a lost connection; anything else still ends the process.
 */
export function isStrayDriverError(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const stack = error.stack ?? '';
	if (/postgres[\\/]src[\\/]connection\.js/.test(stack)) {
		return isConnectionError(error) || /\bnextWrite\b/.test(stack);
	}
	const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
	const socketReset = ['ECONNRESET', 'EPIPE'].includes((error as { code?: string }).code ?? '');
	return socketReset && frames.every((line) => /\(node:|\bnode:internal\//.test(line));
}

export function surviveStrayDriverErrors(report: (error: unknown) => void): void {
	const state = globalThis as typeof globalThis & { __throughlineDriverGuard?: boolean };
	if (state.__throughlineDriverGuard) return;
	state.__throughlineDriverGuard = true;
	const guard = (error: unknown, rethrow: () => never) => {
		if (!isStrayDriverError(error)) rethrow();
		report(error);
		registry.supervisor?.suspect();
	};
	process.on('uncaughtException', (error) =>
		guard(error, () => {
			log.fatal({ err: error }, 'uncaught exception');
			flushLog();
			process.exit(1);
		})
	);
	process.on('unhandledRejection', (reason) =>
		guard(reason, () => {
			log.fatal({ err: reason }, 'unhandled rejection');
			flushLog();
			process.exit(1);
		})
	);
}

/** The app's connections to its database by state, from pg_stat_activity (all instances). */
export async function connectionsByState(): Promise<{ state: string; count: number }[]> {
	return sql<{ state: string; count: number }[]>`
		select coalesce(state, 'unknown') as state, count(*)::int as count
		from pg_stat_activity
		where datname = current_database() and application_name = 'throughline'
		group by 1
	`;
}
