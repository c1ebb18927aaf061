/**
 * `npm run bench`: every benchmark in turn (story page, embed, suggestions), each in its own
 * process; the app is built once. Exits non-zero when any bar was not met, after running all.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const benches = ['story-page.ts', 'embed.ts', 'suggest.ts'];
const failed: string[] = [];
for (const [index, file] of benches.entries()) {
	console.log(`\n=== bench/${file} ===`);
	const result = spawnSync(process.execPath, [tsx, path.join(root, 'bench', file)], {
		cwd: root,
		stdio: 'inherit',
		// The first bench builds the app; the others reuse that build.
		env: index === 0 ? process.env : { ...process.env, BENCH_SKIP_BUILD: '1' }
	});
	if (result.status !== 0) failed.push(`${file} (exit ${result.status})`);
}
console.log(failed.length ? `\nBars not met or errors: ${failed.join(', ')}` : '\nEvery bar met.');
process.exit(failed.length ? 1 : 0);
