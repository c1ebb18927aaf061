/**
 * `npm run lint:openapi`: writes the OpenAPI document the app serves to a temporary file and
 * lints it with Redocly (rules in redocly.yaml), so a broken reference, a missing operationId or
 * an example that contradicts its schema fails CI instead of reaching a client.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApiDocument } from '../src/lib/server/api/openapi';

const dir = mkdtempSync(path.join(tmpdir(), 'throughline-openapi-'));
const file = path.join(dir, 'openapi.json');
try {
	writeFileSync(file, JSON.stringify(openApiDocument('https://timelines.example.org'), null, '\t'));
	const lint = spawnSync(
		'npx',
		['redocly', 'lint', file, '--config', 'redocly.yaml', '--format', 'stylish'],
		{ stdio: 'inherit' }
	);
	process.exitCode = lint.status ?? 1;
} finally {
	rmSync(dir, { recursive: true, force: true });
}
