import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The event tables are written only by their db modules; every other write goes through them
 * (and, for a user's change, through a command in src/lib/server/newsroom). A statement that
 * writes them anywhere else in src/ or scripts/ fails here.
 */
const OWNERS = [
	'src/lib/server/db/events.ts',
	'src/lib/server/db/desk-events.ts',
	'src/lib/server/db/entities.ts'
];
const WRITES =
	/\b(?:insert\s+into|update|delete\s+from)\s+(events|event_sources|event_entities|event_relations)\b/gi;

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return files(full);
		return /\.(ts|js|svelte)$/.test(entry.name) ? [full] : [];
	});
}

describe('event table writes', () => {
	it('happen only in the events db modules', () => {
		const root = process.cwd();
		const found = ['src', 'scripts']
			.flatMap((dir) => files(path.join(root, dir)))
			.map((file) => path.relative(root, file).split(path.sep).join('/'))
			.filter((file) => !OWNERS.includes(file))
			.flatMap((file) =>
				[...readFileSync(file, 'utf8').matchAll(WRITES)].map((m) => `${file}: ${m[0]}`)
			);
		expect(found).toEqual([]);
	});

	it('would notice one', () => {
		expect('await tx`insert into events ${rows}`'.match(WRITES)).toHaveLength(1);
		expect('delete from event_relations where'.match(WRITES)).toHaveLength(1);
		expect('update events_log set'.match(WRITES)).toBeNull();
	});
});
