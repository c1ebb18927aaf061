import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Where the client build lists the timeline's early files (src/lib/server/http/timeline-modules.ts). */
const TIMELINE_MODULES_FILE = '_app/timeline-modules.json';
const BOOT_ENTRY = fileURLToPath(
	new URL('./src/lib/charts/timeline-boot-entry.ts', import.meta.url)
);
const VIS_TIMELINE = /\/node_modules\/vis-timeline\/esnext\//;

/**
 * A story page draws its timeline before it hydrates (src/lib/charts/timeline-boot.ts), from an
 * entry of its own that imports vis-timeline, loaded by the page's head with everything it
 * imports preloaded. Hashed names are known only once the client is built: this emits the entry
 * and lists it, and the chunks it imports, for the server.
 */
function timelineModules(): Plugin {
	let entry = '';
	return {
		name: 'throughline:timeline-modules',
		buildStart() {
			if (this.environment.config.consumer !== 'client') return;
			entry = this.emitFile({ type: 'chunk', id: BOOT_ENTRY, name: 'timeline-boot' });
		},
		generateBundle(_options, bundle) {
			if (this.environment.config.consumer !== 'client') return;
			const preload = new Set<string>();
			const add = (fileName: string) => {
				const chunk = bundle[fileName];
				if (preload.has(fileName) || chunk?.type !== 'chunk') return;
				preload.add(fileName);
				chunk.imports.forEach(add);
			};
			const script = this.getFileName(entry);
			add(script);
			const chunks = [...preload].map((file) => bundle[file]);
			if (
				!chunks.some((c) => c?.type === 'chunk' && c.moduleIds.some((id) => VIS_TIMELINE.test(id)))
			)
				this.error('the early timeline entry does not bring vis-timeline with it');
			preload.delete(script);
			this.emitFile({
				type: 'asset',
				fileName: TIMELINE_MODULES_FILE,
				source: JSON.stringify({ script, preload: [...preload] })
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), timelineModules()],
	server: { port: 5173 },
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'db',
					include: ['tests/db/**/*.test.ts'],
					environment: 'node',
					// One embedded (or real) server for the run; each file gets its own database.
					globalSetup: ['tests/db/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
