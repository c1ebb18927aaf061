import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Each page's CSS (a few files of a few KB) goes into its head: as separate files they
		// were requests the first render and the page's scripts waited on, and under load they
		// arrived hundreds of milliseconds after the HTML (bench/README.md).
		inlineStyleThreshold: 25_000,
		// Kit adds nonces/hashes for its own inline scripts; nothing else may run.
		// style-src allows inline styles because vis-timeline positions items with style attributes.
		// frame-ancestors is set per path in src/lib/server/http/security-headers.ts: /embed/* may
		// be framed (EMBED_FRAME_ANCESTORS), everything else may not.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				// https: for events' media images (issue 16): an editor links them from any site; nothing
				// is fetched by the server, and scripts, frames and connections stay 'self'.
				'img-src': ['self', 'data:', 'https:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
