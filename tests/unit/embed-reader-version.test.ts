import { describe, expect, it } from 'vitest';
import {
	readerVersionAt,
	readerVersions,
	type RevisionVisibility
} from '../../src/lib/embed/reader-version';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 14, minute));
const row = (
	storyRevision: number,
	entityType: 'story' | 'event',
	entityId: number,
	visible: boolean
): RevisionVisibility => ({
	storyRevision,
	entityType,
	entityId,
	visible,
	createdAt: at(storyRevision),
	savedAt: at(storyRevision).toISOString()
});

describe('readerVersions', () => {
	it('counts only the revisions readers could see change', () => {
		const versions = readerVersions([
			row(1, 'story', 1, false), // a draft story: nobody sees it
			row(2, 'event', 10, true), // an event of a draft story
			row(3, 'event', 11, false), // a draft event
			row(4, 'story', 1, true), // published: version 1
			row(5, 'event', 11, false), // a draft edited again: unseen
			row(6, 'event', 10, true), // a published event corrected: version 2
			row(7, 'event', 10, false), // and unpublished: version 3
			row(8, 'event', 12, true) // a new event: version 4
		]);
		expect(versions.map((v) => [v.revision, v.version])).toEqual([
			[4, 1],
			[6, 2],
			[7, 3],
			[8, 4]
		]);
		expect(readerVersionAt(versions, 5)).toMatchObject({ version: 1, publishedAt: at(4) });
		expect(readerVersionAt(versions, 61)).toMatchObject({ version: 4 });
		expect(readerVersionAt(versions, 3)).toBeUndefined();
	});

	it('counts changes saved together once: "publish these" is one version', () => {
		const together = (revision: number, id: number) => ({
			...row(revision, 'event', id, true),
			createdAt: at(9),
			savedAt: '2026-12-04T14:09:00.000001Z'
		});
		const versions = readerVersions([
			row(1, 'story', 1, true),
			together(2, 10),
			together(3, 11),
			together(4, 12),
			row(5, 'event', 10, false)
		]);
		expect(versions.map((v) => [v.revision, v.version])).toEqual([
			[1, 1],
			[2, 2],
			[5, 3]
		]);
		expect(readerVersionAt(versions, 4)).toMatchObject({ version: 2 });
	});

	it('keeps two saves apart that fall within one millisecond', () => {
		const versions = readerVersions([
			{ ...row(1, 'story', 1, true), savedAt: '1796500000000100' },
			{ ...row(2, 'event', 10, true), createdAt: at(1), savedAt: '1796500000000400' },
			{ ...row(3, 'event', 11, true), createdAt: at(1), savedAt: '1796500000000700' }
		]);
		expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
	});
});
