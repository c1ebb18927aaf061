import { describe, expect, it } from 'vitest';
import { changeLines, verbOf, type RevisionRow } from '../../src/lib/desk/recent-changes';

const event = {
	title: 'Talks in Miami',
	occurredStart: '2025-12-07T10:00:00Z',
	occurredEnd: null,
	precision: 'day',
	timeZone: 'America/New_York',
	placeName: 'Miami',
	status: 'draft',
	deletedAt: null
};
let next = 100;
function row(
	snapshot: Record<string, unknown>,
	previous: Record<string, unknown> | null,
	minutesAgo: number,
	authorName = 'Anna'
): RevisionRow {
	return {
		id: next--,
		entityType: 'event',
		entityId: 7,
		authorId: authorName === 'Anna' ? 1 : 2,
		authorName,
		createdAt: new Date(Date.UTC(2025, 11, 7, 12, 0) - minutesAgo * 60_000),
		storyId: 1,
		storyTitle: 'Peace talks',
		snapshot,
		previous
	};
}

describe('verbOf', () => {
	it('names publication, deletion and the parts an edit changed', () => {
		const published = { ...event, status: 'published' };
		expect(verbOf(row(event, null, 0)).verb).toBe('created');
		expect(verbOf(row(published, event, 0)).verb).toBe('published');
		expect(verbOf(row(event, published, 0)).verb).toBe('unpublished');
		expect(verbOf(row({ ...event, deletedAt: '2025-12-07' }, event, 0)).verb).toBe('deleted');
		const moved = { ...event, occurredStart: '2025-12-08T10:00:00Z', title: 'Talks' };
		expect(verbOf(row(moved, event, 0))).toEqual({ verb: 'edited', fields: ['title', 'date'] });
	});
});

describe('changeLines', () => {
	it('says a run of changes to one event by one person once, with its weightiest verb', () => {
		const published = { ...event, status: 'published' };
		const lines = changeLines([
			row(published, event, 1),
			row(event, { ...event, title: 'Talks' }, 2),
			row({ ...event, title: 'Talks' }, null, 3)
		]);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ verb: 'published', title: 'Talks in Miami' });
	});
	it('keeps changes apart when someone else made them, or long after', () => {
		const edited = { ...event, placeName: 'Doral' };
		const lines = changeLines([
			row(edited, event, 0, 'Bohdan'),
			row(event, null, 1),
			row({ ...event, title: 'Later' }, null, 120)
		]);
		expect(lines.map((line) => [line.authorName, line.verb, line.fields])).toEqual([
			['Bohdan', 'edited', ['place']],
			['Anna', 'created', []],
			['Anna', 'created', []]
		]);
	});
});

describe('changeLines across interleaved work', () => {
	it('folds an event’s creation into its publication even with other events between', () => {
		const other = (
			snapshot: Record<string, unknown>,
			previous: Record<string, unknown> | null
		) => ({
			...row(snapshot, previous, 1),
			entityId: 8
		});
		const published = { ...event, status: 'published' };
		const lines = changeLines([
			other(published, event),
			row(published, event, 1),
			other(event, null),
			row(event, null, 2)
		]);
		expect(lines.map((line) => [line.entityId, line.verb])).toEqual([
			[8, 'published'],
			[7, 'published']
		]);
	});
});
