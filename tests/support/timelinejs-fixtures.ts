/**
 * Knight Lab's TimelineJS example files, read in place from ../shared/fixtures/timelinejs (never
 * copied into the repo: they are MPL-licensed third-party data). Where the folder is absent the
 * tests that need it say so and skip.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES_DIR = path.resolve(process.cwd(), '..', 'shared', 'fixtures', 'timelinejs');
export const HAVE_FIXTURES = existsSync(FIXTURES_DIR);

if (!HAVE_FIXTURES)
	console.warn(`TimelineJS fixtures not found at ${FIXTURES_DIR}: the fixture tests are skipped.`);

export interface Fixture {
	name: string;
	format: 'json' | 'csv';
	text: string;
}

export function readFixtures(): Fixture[] {
	if (!HAVE_FIXTURES) return [];
	return readdirSync(FIXTURES_DIR)
		.filter((name) => name.endsWith('.json') || name.endsWith('.csv'))
		.sort()
		.map((name) => ({
			name,
			format: name.endsWith('.csv') ? 'csv' : 'json',
			text: readFileSync(path.join(FIXTURES_DIR, name), 'utf8')
		}));
}
