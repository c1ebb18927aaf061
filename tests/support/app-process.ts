import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject()
			);
		});
	});
}

export interface AppProcess {
	child: ChildProcess;
	baseUrl: string;
	/** Everything the app printed so far. */
	output(): string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs `node scripts/start.js` (the production build, built first when missing) on the embedded
 * database in `dataDir`, and resolves once `readyPath` answers 200.
 */
export async function startApp(options: {
	dataDir: string;
	port: number;
	pgPort?: number;
	readyPath?: string;
	timeoutMs?: number;
	/** More environment; a DATABASE_URL here runs the app on that server instead. */
	env?: NodeJS.ProcessEnv;
}): Promise<AppProcess> {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(options.port),
		EMBEDDED_PG_DIR: options.dataDir
	};
	delete env.DATABASE_URL; // always the embedded server, even when the suite runs on real PG
	if (options.pgPort) env.EMBEDDED_PG_PORT = String(options.pgPort);
	Object.assign(env, options.env);
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal }))
	);
	const baseUrl = `http://127.0.0.1:${options.port}`;
	const deadline = Date.now() + (options.timeoutMs ?? 180_000);
	let done = false;
	void exited.then(() => (done = true));
	for (;;) {
		if (done) throw new Error(`The app exited before it was ready:\n${log}`);
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`The app was not ready in time:\n${log}`);
		}
		try {
			const response = await fetch(baseUrl + (options.readyPath ?? '/'));
			if (response.status === 200) break;
		} catch {
			// not listening yet
		}
		await sleep(250);
	}
	return { child, baseUrl, output: () => log, exited };
}
