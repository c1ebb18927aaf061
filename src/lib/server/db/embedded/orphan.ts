import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** What postmaster.pid says about a server that holds a data folder. */
export interface RunningServer {
	pid: number;
	port: number;
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to another account (the server runs as postgres).
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * The live server holding `dataDir`, read from its postmaster.pid (line 1: pid, line 4: port).
 * A stale file whose pid is gone, or now belongs to something that is not this folder's
 * postgres, reads as no server: postgres itself replaces a stale file on start.
 */
export function runningServer(dataDir: string): RunningServer | undefined {
	const pidFile = path.join(dataDir, 'postmaster.pid');
	if (!existsSync(pidFile)) return undefined;
	const lines = readFileSync(pidFile, 'utf8').split('\n');
	const pid = Number(lines[0]);
	const port = Number(lines[3]);
	if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
	try {
		const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
		const isOurs =
			path.basename(cmdline[0] ?? '') === 'postgres' &&
			cmdline.some((arg) => path.resolve(arg) === path.resolve(dataDir));
		if (!isOurs) return undefined;
	} catch {
		// No /proc (not Linux): trust postmaster.pid.
	}
	return { pid, port };
}

/**
 * Stops a server left running by a Node process that died without shutting it down (kill -9).
 * SIGINT is postgres' "fast" shutdown: open transactions roll back, committed ones are already
 * durable in the WAL, and the server removes postmaster.pid itself. We never delete that file.
 */
export async function stopOrphan(server: RunningServer, timeoutMs = 60_000): Promise<void> {
	process.kill(server.pid, 'SIGINT');
	const deadline = Date.now() + timeoutMs;
	while (isAlive(server.pid)) {
		if (Date.now() > deadline) {
			throw new Error(
				`The embedded PostgreSQL left running by an earlier run (pid ${server.pid}) did not stop ` +
					`within ${timeoutMs / 1000} s. Stop it by hand (kill -INT ${server.pid}) and start again.`
			);
		}
		await sleep(100);
	}
}
