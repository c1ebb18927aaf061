/**
 * Head markup for a page that draws a timeline before it hydrates (src/lib/charts/timeline-boot.ts):
 * the early entry as an async module, and `<link rel="modulepreload">` for vis-timeline and what
 * the entry imports. Fetched while the page is parsed, they are ready when it is, and the
 * timeline is drawn before SvelteKit's code has started (bench/README.md). Async: the page's
 * parsing and first render do not wait for them.
 *
 * The hashed file names are known only after the client build, which lists them in the built
 * client folder (vite.config.ts); the server finds that folder above its own files (adapter-node:
 * build/server/… and build/client/…). Without it (vite dev) nothing is added, and the client
 * `init` hook draws the timeline just before hydrating instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { base } from '$app/paths';

const LIST = '_app/timeline-modules.json';

interface TimelineModules {
	script: string;
	preload: string[];
}

let markup: string | undefined;

function readList(): TimelineModules | null {
	for (let folder = fileURLToPath(import.meta.url); ;) {
		const parent = path.dirname(folder);
		if (parent === folder) return null;
		folder = parent;
		const file = path.join(folder, 'client', LIST);
		if (existsSync(file)) {
			let list: Partial<TimelineModules> | null;
			try {
				list = JSON.parse(readFileSync(file, 'utf8')) as Partial<TimelineModules> | null;
			} catch {
				// A damaged list costs the early timeline, never the page.
				return null;
			}
			return typeof list?.script === 'string' && Array.isArray(list.preload)
				? { script: list.script, preload: list.preload.filter((f) => typeof f === 'string') }
				: null;
		}
	}
}

/** The markup, read once; empty when the list is not there. */
export function timelineHeadHtml(): string {
	if (markup === undefined) {
		const list = readList();
		const href = (file: string) => `${base}/${encodeURI(file)}`;
		markup = list
			? list.preload.map((file) => `<link rel="modulepreload" href="${href(file)}">`).join('') +
				`<script type="module" async src="${href(list.script)}"></script>`
			: '';
	}
	return markup;
}
