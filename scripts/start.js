// `npm start`: serves the production build (building it first when it is missing or older than
// the sources) on PORT (default 3000). With no DATABASE_URL the app starts its embedded
// PostgreSQL in EMBEDDED_PG_DIR (default ./data/pg) and loads the demo story on first start.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveStaticHeaders } from './static-headers.js';
import pino from 'pino';
import pretty from 'pino-pretty';

// The same shape of lines as the app's logger (src/lib/server/log/logger.ts).
const log = pino(
	{ level: process.env.LOG_LEVEL ?? 'info', base: { pid: process.pid } },
	process.stdout.isTTY
		? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })
		: pino.destination({ dest: 1, sync: true })
);

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const entry = path.join(root, 'build', 'index.js');
const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

/** The newest modification time under the given paths (files and folders, recursively). */
function newest(paths) {
	let latest = 0;
	for (const p of paths) {
		if (!existsSync(p)) continue;
		const stat = statSync(p);
		latest = Math.max(latest, stat.mtimeMs);
		if (stat.isDirectory()) {
			latest = Math.max(latest, newest(readdirSync(p).map((name) => path.join(p, name))));
		}
	}
	return latest;
}

/**
 * Puts the fast path (src/lib/server/http/fast-path.ts) in front of adapter-node's handler: a
 * request the registry can answer is answered at once on the raw Node request; any other goes
 * to SvelteKit as before. adapter-node's own 'request' listener (it counts requests for the
 * graceful shutdown) still sees every request. The registry is on globalThis, filled by the
 * app once it has answered a URL itself. FAST_PATH=off leaves SvelteKit to answer everything.
 * @param {{ server: import('node:http').Server, attach: Function, handler: Function }} polka
 */
function serveKeptFirst(polka) {
	if (process.env.FAST_PATH === 'off') return;
	const httpServer = polka.server;
	const others = httpServer.listeners('request').filter((listener) => listener !== polka.attach);
	httpServer.removeAllListeners('request');
	httpServer.on(
		'request',
		/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
		(req, res) => {
			for (const listener of others) listener.call(httpServer, req, res);
			// On the next turn, as polka's own attach does: a story_changes notification that came
			// in with this request is read first, so a kept answer it outdates is not sent.
			setImmediate(() => {
				const registry = /** @type {any} */ (globalThis).__throughlineFastPath;
				if (registry?.serve(req, res) !== true) polka.handler(req, res);
			});
		}
	);
}

if (!existsSync(entry) || newest(inputs) > statSync(entry).mtimeMs) {
	log.info(existsSync(entry) ? 'Sources changed: rebuilding…' : 'No build yet: building…');
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		stdio: 'inherit'
	});
	if (result.status !== 0) {
		log.fatal('The build failed; see above.');
		process.exit(result.status ?? 1);
	}
}

process.env.PORT ??= '3000';
// adapter-node refuses bodies over 512 KB by itself; articles may be up to 1 MB of text (the
// ingest code answers 413 beyond that with a clear message), which JSON escaping can swell.
process.env.BODY_SIZE_LIMIT ??= '2M';
// adapter-node takes the request's origin to be https unless told otherwise, and SvelteKit
// refuses form posts whose Origin differs, so on plain http every desk form would be refused
// as cross-site. Started locally, the site is http://localhost:PORT; behind a proxy, set ORIGIN
// (or PROTOCOL_HEADER and HOST_HEADER) to what readers use.
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.ORIGIN = `http://localhost:${process.env.PORT}`;
}
serveStaticHeaders(path.join(root, 'build', 'client'), process.env.ORIGIN);
const { server } = await import(pathToFileURL(entry).href);
serveKeptFirst(server);
log.info(`Throughline is serving http://localhost:${process.env.PORT}`);
