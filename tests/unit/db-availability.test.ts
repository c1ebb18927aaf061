import { describe, expect, it } from 'vitest';
import {
	isConnectionError,
	isStrayDriverError,
	supervise,
	type SupervisorOptions
} from '../../src/lib/server/db/availability';

const failure = (code: string) => Object.assign(new Error(code), { code });

/** A database the test switches on and off, and a pool that may be wedged while it is up. */
function world() {
	const state = { serverUp: true, poolWorks: true, replaced: 0, downs: 0, ups: [] as boolean[] };
	const options: SupervisorOptions = {
		probeServer: async () => {
			if (!state.serverUp) throw failure('ECONNREFUSED');
		},
		probePool: async () => {
			if (!state.poolWorks) throw failure('CONNECT_TIMEOUT');
		},
		replacePool: async () => {
			if (!state.serverUp) throw failure('ECONNREFUSED');
			state.replaced += 1;
			state.poolWorks = true;
		},
		onDown: () => (state.downs += 1),
		onUp: (replaced) => state.ups.push(replaced),
		retryMs: 5,
		timeoutMs: 100
	};
	return { state, options };
}

describe('the database supervisor', () => {
	it('keeps a pool that still answers after a dropped connection', async () => {
		const { state, options } = world();
		const supervisor = supervise(options);
		supervisor.suspect();
		await supervisor.settled();
		expect(supervisor.up).toBe(true);
		expect(state.replaced).toBe(0);
		expect(state.ups).toEqual([]);
	});

	it('replaces a wedged pool while the server answers', async () => {
		const { state, options } = world();
		state.poolWorks = false;
		const supervisor = supervise(options);
		supervisor.suspect();
		await supervisor.settled();
		expect(state.replaced).toBe(1);
		expect(state.ups).toEqual([true]);
		expect(supervisor.up).toBe(true);
	});

	it('is down while the server is, and replaces the pool once it is back', async () => {
		const { state, options } = world();
		state.serverUp = false;
		const supervisor = supervise(options);
		supervisor.suspect();
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(supervisor.up).toBe(false);
		expect(state.downs).toBe(1);
		state.serverUp = true;
		await supervisor.settled();
		expect(supervisor.up).toBe(true);
		expect(state.replaced).toBe(1);
		expect(state.ups).toEqual([true]);
	});

	it('counts a check that hangs as failed', async () => {
		const { state, options } = world();
		const supervisor = supervise({ ...options, probePool: () => new Promise(() => {}) });
		supervisor.suspect();
		await supervisor.settled();
		expect(state.replaced).toBe(1);
	});
});

describe('connection errors', () => {
	it('are told apart from query errors', () => {
		for (const code of ['CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'ECONNREFUSED', '57P01', '08006'])
			expect(isConnectionError(failure(code))).toBe(true);
		for (const code of ['23505', '42P01', '22P02'])
			expect(isConnectionError(failure(code))).toBe(false);
		expect(isConnectionError(new Error('no code'))).toBe(false);
		expect(isConnectionError('ECONNREFUSED')).toBe(false);
	});

	it('escaping the driver are survivable, other uncaught errors are not', () => {
		const reset = failure('ECONNRESET');
		reset.stack =
			'Error: read ECONNRESET\n    at TCP.onStreamRead (node:internal/stream_base_commons:218:20)';
		expect(isStrayDriverError(reset)).toBe(true);
		const write = new TypeError("Cannot read properties of null (reading 'write')");
		write.stack = `${write.message}\n    at Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)`;
		expect(isStrayDriverError(write)).toBe(true);
		const bug = new TypeError('x is undefined');
		bug.stack = `${bug.message}\n    at load (file:///app/build/server/chunks/page.js:1:1)`;
		expect(isStrayDriverError(bug)).toBe(false);
		const appReset = failure('ECONNRESET');
		appReset.stack = 'Error\n    at fetchFeed (file:///app/build/server/chunks/poller.js:3:1)';
		expect(isStrayDriverError(appReset)).toBe(false);
	});
});
