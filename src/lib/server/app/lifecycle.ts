import { surviveStrayDriverErrors } from '../db/availability';
import { sql } from '../db/client';
import { openDatabase, type Database } from '../db/database';
import { stopListening } from '../live/listener';
import { DEMO_EDITOR_EMAIL, demoEditorAtStart, demoMode } from '../auth/demo';
import { seedDemo } from '../seed/demo';
import { startPoller, stopPoller } from '../subscriptions/scheduler';
import { startHousekeeping, stopHousekeeping } from './housekeeping';
import { log } from '../log/logger';

/** Survives Vite's module reloads in dev, so HMR never starts a second embedded server. */
const state = globalThis as typeof globalThis & {
	__throughlineDatabase?: Promise<Database>;
	__throughlineShutdownHooked?: boolean;
};

/**
 * Opens, migrates and (on an empty database) seeds the demo story, once per process. Set
 * SEED_DEMO=false to start a real newsroom's database empty; demo mode (auth/demo.ts) refuses
 * to start a demo on a public origin unless DEMO_PUBLIC=1.
 */
export function startDatabase(): Promise<Database> {
	return (state.__throughlineDatabase ??= (async () => {
		surviveStrayDriverErrors((error) =>
			log.warn({ err: error }, 'a database connection failed outside any query')
		);
		const demo = demoMode(process.env);
		const db = await openDatabase({ supervise: true });
		const seeded = demo.story && (await seedDemo(db.sql)).seeded;
		if (seeded) log.info('loaded the demo story "Russia–Ukraine peace talks"');
		// A fresh password on every local start while the demo editor has not chosen its own,
		// printed to the terminal only (never stored or shown on a page).
		const password = await demoEditorAtStart(db.sql, demo, seeded);
		if (password) log.info(`demo editor: ${DEMO_EDITOR_EMAIL} / ${password} (sign in at /desk)`);
		// Feed subscriptions are polled in the app process (FEEDS_POLLER=off to disable). Both
		// take the shared `sql`, which follows the pool when an outage replaces it.
		startPoller(sql);
		startHousekeeping(sql);
		return db;
	})());
}

/**
 * Shutdown in our order: the HTTP server has drained (adapter-node emits sveltekit:shutdown
 * after closing), then the pool ends, then the embedded server stops. Under `vite dev` (which
 * sets NODE_ENV=development) there is no such event, so Ctrl-C and SIGTERM close the database
 * before the process exits. Decided at run time: a build-time `dev` flag was folded wrongly by
 * the bundler once, and this must never be the production path.
 */
export function closeDatabaseOnShutdown(): void {
	if (state.__throughlineShutdownHooked) return; // hooks.server.ts re-runs on every HMR reload
	state.__throughlineShutdownHooked = true;
	const close = async (exitCode?: number) => {
		try {
			await stopListening();
			stopHousekeeping();
			await stopPoller();
			await (await state.__throughlineDatabase)?.close();
		} catch (error) {
			log.error({ err: error }, 'error while shutting down');
			process.exitCode = 1;
		}
		if (exitCode !== undefined) process.exit(exitCode);
	};
	if (process.env.NODE_ENV === 'development') {
		process.once('SIGINT', () => void close(130));
		process.once('SIGTERM', () => void close(143));
	} else {
		// Live streams never end by themselves: close them as the drain starts, or the HTTP server
		// waits out its whole shutdown timeout. Browsers reconnect with Last-Event-ID elsewhere.
		process.once('SIGTERM', () => void stopListening());
		process.once('SIGINT', () => void stopListening());
		process.once('sveltekit:shutdown', () => void close());
	}
}
