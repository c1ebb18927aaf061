/**
 * Runs the poller in the app process: a tick every FEEDS_POLL_TICK_SECONDS (default 30) polls
 * whatever is due. FEEDS_POLLER=off leaves it off (tests, or an instance kept for the web only).
 */
import type { Sql } from '../db/client';
import { pollDue } from './poller';
import { log } from '../log/logger';

interface PollerState {
	timer: ReturnType<typeof setTimeout> | null;
	running: Promise<unknown> | null;
	abort: AbortController;
	stopped: boolean;
}

/** Survives Vite's module reloads, so HMR never starts a second poller. */
const state = globalThis as typeof globalThis & { __throughlinePoller?: PollerState };

function tickMs(): number {
	const seconds = Number(process.env.FEEDS_POLL_TICK_SECONDS ?? '30');
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000;
}

/** Starts polling on this pool, unless FEEDS_POLLER=off or it already runs. */
export function startPoller(db: Sql): void {
	if (process.env.FEEDS_POLLER === 'off' || state.__throughlinePoller) return;
	const poller: PollerState = {
		timer: null,
		running: null,
		abort: new AbortController(),
		stopped: false
	};
	state.__throughlinePoller = poller;
	const tick = () => {
		poller.running = pollDue(db, { signal: poller.abort.signal })
			.catch((error: unknown) => log.error({ err: error }, 'feed poll round failed'))
			.finally(() => {
				poller.running = null;
				if (!poller.stopped) poller.timer = setTimeout(tick, tickMs());
			});
	};
	poller.timer = setTimeout(tick, 1000);
}

/** Stops the poller: aborts fetches in flight and waits for the round to record its outcome. */
export async function stopPoller(): Promise<void> {
	const poller = state.__throughlinePoller;
	if (!poller) return;
	poller.stopped = true;
	if (poller.timer) clearTimeout(poller.timer);
	poller.abort.abort();
	await poller.running;
	state.__throughlinePoller = undefined;
}
