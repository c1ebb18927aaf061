import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** What postmaster.pid says about a server that holds a data folder. */
export interface RunningServer {
	pid: number;
	port: number;
}

/** Whether the process table still has `pid`, zombies included (postgres' own test). */
function exists(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to another account (the server runs as postgres).
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function isZombie(pid: number): boolean {
	try {
		return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

/** A process that is running (not dead, not a zombie waiting to be reaped). */
export function isAlive(pid: number): boolean {
	return exists(pid) && !isZombie(pid);
}

function pidInFile(dataDir: string): number | undefined {
	const pidFile = path.join(dataDir, 'postmaster.pid');
	if (!existsSync(pidFile)) return undefined;
	const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
	return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * A server killed outright (kill -9) stays in the process table until its new parent reaps it,
 * and postgres refuses a data folder whose postmaster.pid names a process that still exists.
 * Wait for that, rather than touch the file.
 */
export async function waitForDeadHolder(dataDir: string, timeoutMs = 30_000): Promise<void> {
	const pid = pidInFile(dataDir);
	if (pid === undefined || pid === process.pid) return;
	const deadline = Date.now() + timeoutMs;
	while (exists(pid) && !isAlive(pid) && Date.now() < deadline) await sleep(100);
}

/**
 * The live server holding `dataDir`, read from its postmaster.pid (line 1: pid, line 4: port).
 * A stale file whose pid is gone, or now belongs to something that is not this folder's
 * postgres, reads as no server: postgres itself replaces a stale file on start.
 */
export function runningServer(dataDir: string): RunningServer | undefined {
	const pid = pidInFile(dataDir);
	if (pid === undefined || !isAlive(pid)) return undefined;
	const port = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
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
