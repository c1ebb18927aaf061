import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { threeWay } from '$lib/server/newsroom/three-way';

const FIELDS = ['title', 'summary', 'start'] as const;
type Row = { title: string; summary: string; start: Date };
const row = fc.record({
	title: fc.constantFrom('a', 'b', 'c'),
	summary: fc.constantFrom('x', 'y'),
	start: fc.constantFrom(0, 86_400_000).map((t) => new Date(t))
});

/** A value to compare with ===: instants by time. */
const plain = (v: unknown) => (v instanceof Date ? v.getTime() : v);

describe('threeWay', () => {
	it('keeps the other editor’s title when I changed only the summary', () => {
		const base: Row = { title: 'Talks', summary: 'old', start: new Date(0) };
		const theirs = { ...base, title: 'Talks resume' };
		const yours = { ...base, summary: 'new' };
		const { merged, conflicts } = threeWay(base, theirs, yours, FIELDS);
		expect(merged).toEqual({ title: 'Talks resume', summary: 'new', start: new Date(0) });
		expect(conflicts).toEqual([]);
	});

	it('never reverts a field I did not change, and reports a field both changed differently', () => {
		fc.assert(
			fc.property(row, row, row, (base, theirs, yours) => {
				const { merged, conflicts, changed } = threeWay(base, theirs, yours, FIELDS);
				for (const key of FIELDS) {
					const mine = changed.includes(key);
					if (!mine || conflicts.includes(key)) expect(merged[key]).toEqual(theirs[key]);
					else expect(merged[key]).toEqual(yours[key]);
					const [b, t, y] = [base, theirs, yours].map((r) => plain(r[key]));
					const bothDiffer = y !== b && t !== b && t !== y;
					expect(conflicts.includes(key)).toBe(bothDiffer);
				}
			})
		);
	});
});
