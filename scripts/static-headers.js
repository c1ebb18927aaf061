// Headers for the files adapter-node serves itself (/_app/* and everything in static/, such as
// /embed.js): its static handler answers them before SvelteKit's hooks run, so the hooks' nosniff,
// CSP and HSTS never reached them. Node publishes every request on the diagnostics channel below
// before the server's own listeners see it, so the headers are set first and the static handler's
// writeHead merges them in; SvelteKit's responses are left to the hooks.
import { subscribe } from 'node:diagnostics_channel';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

// Nothing a static file is may load anything or be framed; scripts (embed.js) run under the
// CSP of the page that includes them, which this does not touch.
export const STATIC_CSP =
	"default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
export const HSTS = 'max-age=31536000';

/**
 * The URL paths of the files under a build's client folder (/_app/… and static/).
 * @param {string} clientDir
 * @returns {Set<string>}
 */
export function staticPaths(clientDir) {
	/** @type {Set<string>} */
	const paths = new Set();
	/** @param {string} dir @param {string} prefix */
	const walk = (dir, prefix) => {
		if (!existsSync(dir)) return;
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const url = `${prefix}/${entry.name}`;
			if (entry.isDirectory()) walk(path.join(dir, entry.name), url);
			else paths.add(url);
		}
	};
	walk(clientDir, '');
	return paths;
}

/**
 * Sets the headers on a response to one of `paths` (or anything under /_app/).
 * @param {Set<string>} paths
 * @param {{ https: boolean }} options
 * @returns {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void}
 */
export function staticHeaders(paths, { https }) {
	return (request, response) => {
		let pathname = (request.url ?? '/').split('?')[0] ?? '/';
		try {
			pathname = decodeURIComponent(pathname);
		} catch {
			// left as sent: sirv will not find such a file either
		}
		if (!pathname.startsWith('/_app/') && !paths.has(pathname)) return;
		response.setHeader('X-Content-Type-Options', 'nosniff');
		response.setHeader('Content-Security-Policy', STATIC_CSP);
		response.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
		if (https) response.setHeader('Strict-Transport-Security', HSTS);
	};
}

/**
 * Subscribes for the rest of the process.
 * @param {string} clientDir
 * @param {string | undefined} origin
 */
export function serveStaticHeaders(clientDir, origin) {
	const set = staticHeaders(staticPaths(clientDir), { https: /^https:/i.test(origin ?? '') });
	subscribe('http.server.request.start', (message) => {
		const { request, response } =
			/** @type {{ request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse }} */ (
				message
			);
		set(request, response);
	});
}
