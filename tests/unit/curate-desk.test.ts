import { describe, expect, it } from 'vitest';
import { parseStory, slugify } from '../../src/lib/desk/story-input';
import { parseEvent } from '../../src/lib/desk/event-input';
import { fromLocalInput, toLocalInput } from '../../src/lib/desk/zoned';
import { conflictRows } from '../../src/lib/desk/form';
import { viewEvents } from '../../src/lib/desk/event-table';

describe('story input', () => {
	it('makes a slug from the title and refuses a bad one', () => {
		expect(slugify('Peace talks: Genève, round 2!')).toBe('peace-talks-geneve-round-2');
		expect(parseStory({ title: 'Talks', summary: '' })).toEqual({
			ok: true,
			value: { title: 'Talks', slug: 'talks', summary: '', status: 'developing', language: null }
		});
		const bad = parseStory({ title: '', slug: 'Not A Slug', status: 'paused' });
		expect(bad.ok ? {} : bad.errors).toEqual({
			title: 'Give the story a title.',
			slug: expect.stringContaining('lower-case'),
			status: 'Choose developing or concluded.'
		});
	});
});

describe('event input', () => {
	it('reads form times as wall-clock time in the event’s zone, across DST', () => {
		expect(fromLocalInput('2025-03-01T10:30', 'Europe/Kyiv')?.toISOString()).toBe(
			'2025-03-01T08:30:00.000Z'
		);
		expect(fromLocalInput('2025-07-01T10:30', 'Europe/Kyiv')?.toISOString()).toBe(
			'2025-07-01T07:30:00.000Z'
		);
		expect(toLocalInput(new Date('2025-07-01T07:30:00Z'), 'Europe/Kyiv')).toBe('2025-07-01T10:30');
	});

	it('takes ISO instants from the API and reports every bad field', () => {
		const ok = parseEvent({
			kind: 'meeting',
			title: 'Talks',
			occurredStart: '2025-03-01T08:30:00Z',
			timeZone: 'Europe/Kyiv',
			precision: 'minute'
		});
		expect(ok.ok && ok.value.occurredStart.toISOString()).toBe('2025-03-01T08:30:00.000Z');
		const bad = parseEvent({
			kind: 'party',
			title: 'x',
			occurredStart: '2025-03-02T00:00Z',
			occurredEnd: '2025-03-01T00:00Z',
			timeZone: 'Mars/Olympus',
			latitude: '12'
		});
		expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual([
			'kind',
			'longitude',
			'occurredEnd',
			'timeZone'
		]);
	});
});

describe('conflicts, diffs and the event table', () => {
	it('lists only the fields that differ', () => {
		expect(
			conflictRows(
				{ title: 'Title', summary: 'Summary' },
				{ title: 'Theirs', summary: 'Same' },
				{ title: 'Mine', summary: 'Same' }
			)
		).toEqual([{ label: 'Title', theirs: 'Theirs', yours: 'Mine' }]);
	});

	it('filters by kind and verification and sorts either way', () => {
		const at = (d: string) => new Date(`2025-03-0${d}T00:00:00Z`);
		const rows = [
			{
				id: 1,
				title: 'b',
				kind: 'meeting',
				verification: 'claimed',
				status: 'draft',
				occurredStart: at('2')
			},
			{
				id: 2,
				title: 'a',
				kind: 'meeting',
				verification: 'confirmed',
				status: 'draft',
				occurredStart: at('1')
			},
			{
				id: 3,
				title: 'c',
				kind: 'policy',
				verification: 'claimed',
				status: 'draft',
				occurredStart: at('3')
			}
		] as const;
		const view = { sort: 'date', descending: false, kind: '', verification: '' } as const;
		expect(viewEvents([...rows], view).map((r) => r.id)).toEqual([2, 1, 3]);
		expect(
			viewEvents([...rows], { ...view, kind: 'meeting', sort: 'title', descending: true }).map(
				(r) => r.id
			)
		).toEqual([1, 2]);
		expect(viewEvents([...rows], { ...view, verification: 'claimed' }).map((r) => r.id)).toEqual([
			1, 3
		]);
	});
});
