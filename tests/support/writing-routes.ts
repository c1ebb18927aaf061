import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every route under /desk and /api/v1 that writes, read from src/routes: form actions of
 * `+page.server.ts` files and POST/PUT/PATCH/DELETE handlers of `+server.ts` files.
 */
export interface WritingRoute {
	key: string;
	kind: 'action' | 'api';
	method: string;
	/** The route id with group segments removed, e.g. /desk/stories/[id]. */
	route: string;
	action?: string;
}

const routesDir = path.join(process.cwd(), 'src/routes');

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]
	);
}

function routeOf(file: string): string {
	const segments = path
		.relative(routesDir, path.dirname(file))
		.split(path.sep)
		.filter((segment) => segment && !/^\(.*\)$/.test(segment));
	return `/${segments.join('/')}`;
}

/** The source with comments and string literals blanked, so only code is scanned. */
function codeOnly(source: string): string {
	return source.replace(
		/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g,
		(match) => match.replace(/[^\n]/g, ' ')
	);
}

/** The top-level keys of `export const actions = { … }` (a small brace-depth scan). */
function actionNames(text: string): string[] {
	const source = codeOnly(text);
	const start = source.search(/export\s+const\s+actions\b[^=]*=\s*\{/);
	if (start < 0) return [];
	const open = source.indexOf('{', source.indexOf('=', start));
	const names: string[] = [];
	let depth = 0;
	let expectKey = true;
	for (let i = open; i < source.length; i++) {
		const char = source[i]!;
		if (char === '{' || char === '(' || char === '[') {
			depth++;
			if (depth === 1) expectKey = true;
			continue;
		}
		if (char === '}' || char === ')' || char === ']') {
			depth--;
			if (depth === 0) break;
			continue;
		}
		if (depth !== 1) continue;
		if (char === ',') {
			expectKey = true;
			continue;
		}
		if (expectKey && /[A-Za-z_$]/.test(char)) {
			const name = /^(?:async\s+)?([A-Za-z_$][\w$]*)/.exec(source.slice(i))!;
			names.push(name[1]!);
			i += name[0].length - 1;
			expectKey = false;
		}
	}
	return names;
}

function handlerMethods(source: string): string[] {
	const methods = new Set<string>();
	for (const match of source.matchAll(
		/export\s+(?:const|async\s+function|function)\s+(POST|PUT|PATCH|DELETE)\b/g
	))
		methods.add(match[1]!);
	for (const match of source.matchAll(/export\s*\{([^}]*)\}/g))
		for (const name of match[1]!.split(',').map((part) =>
			part
				.trim()
				.split(/\s+as\s+/)
				.pop()!
		))
			if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(name)) methods.add(name);
	return [...methods];
}

export function writingRoutes(): WritingRoute[] {
	const found: WritingRoute[] = [];
	for (const file of walk(routesDir)) {
		const route = routeOf(file);
		if (!route.startsWith('/desk') && !route.startsWith('/api/v1')) continue;
		const source = readFileSync(file, 'utf8');
		if (file.endsWith('+page.server.ts')) {
			for (const action of actionNames(source))
				found.push({ key: `${route} ?/${action}`, kind: 'action', method: 'POST', route, action });
		} else if (file.endsWith('+server.ts')) {
			for (const method of handlerMethods(source))
				found.push({ key: `${method} ${route}`, kind: 'api', method, route });
		}
	}
	return found;
}
