import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/lib/server/revisions/diff';
import { translator } from '../../src/lib/i18n';
import {
	eventFieldsOf,
	storyFieldsOf,
	type Snapshot
} from '../../src/lib/server/revisions/snapshot';

/** An event row as `to_jsonb` writes it, with keys camelCased as postgres.camel hands it over. */
const eventSnapshot = (overrides: Snapshot = {}): Snapshot => ({
	id: 7,
	storyId: 1,
	kind: 'meeting',
	title: 'Talks in Miami',
	description: '',
	occurredStart: '2025-12-07T05:00:00+00:00',
	occurredEnd: null,
	precision: 'day',
	timeZone: 'America/New_York',
	placeName: null,
	latitude: null,
	longitude: null,
	firstReportedAt: null,
	attribution: null,
	verification: 'reported',
	status: 'published',
	version: 1,
	createdAt: '2025-12-07T10:00:00+00:00',
	updatedAt: '2025-12-07T10:00:00+00:00',
	deletedAt: null,
	groupLabel: null,
	...overrides
});

const rows = (before: Snapshot | null, after: Snapshot) =>
	diffSnapshots('event', before, after).map((c) => `${c.label}: ${c.before} → ${c.after}`);

describe('event history in words', () => {
	it('shows a date, place and coordinates edit instead of "no visible field changed"', () => {
		const before = eventSnapshot();
		const after = eventSnapshot({
			occurredStart: '2025-12-08T05:00:00+00:00',
			placeName: 'Miami',
			latitude: 25.7617,
			longitude: -80.1918,
			version: 2,
			updatedAt: '2025-12-08T10:00:00+00:00'
		});
		expect(rows(before, after)).toEqual([
			'Date: 7 December 2025 → 8 December 2025 (America/New_York)',
			'Place: — → Miami',
			'Coordinates: — → 25.7617, -80.1918'
		]);
	});

	it('names both zones when the zone changes, and the precision in words', () => {
		const before = eventSnapshot();
		const after = eventSnapshot({
			occurredStart: '2025-12-07T14:30:00+00:00',
			precision: 'minute',
			timeZone: 'Europe/Kyiv'
		});
		expect(rows(before, after)).toEqual([
			'Date: 7 December 2025 (America/New_York) → 7 December 2025, 16:30 Kyiv time (Europe/Kyiv)',
			'Precision: To the day → Exact time',
			'Time zone: America/New_York → Europe/Kyiv'
		]);
	});

	it('shows a move the wording would hide to the minute, with the offset', () => {
		const before = eventSnapshot();
		const after = eventSnapshot({ occurredStart: '2025-12-07T06:00:00+00:00' });
		expect(rows(before, after)).toEqual([
			'Date: 2025-12-07T00:00:00-05:00 → 2025-12-07T01:00:00-05:00 (America/New_York)'
		]);
	});

	it('shows attribution and verification, and reads snake_case keys alike', () => {
		const snake = (s: Snapshot) =>
			Object.fromEntries(
				Object.entries(s).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v])
			);
		const before = eventSnapshot();
		const after = eventSnapshot({ attribution: 'Kremlin', verification: 'claimed' });
		const expected = ['Attribution: — → Kremlin', 'Verification: Reported → Claimed'];
		expect(rows(before, after)).toEqual(expected);
		expect(rows(snake(before), snake(after))).toEqual(expected);
	});

	it('shows the first report date moving when a source is added', () => {
		const after = eventSnapshot({ firstReportedAt: '2025-12-06T15:00:00+00:00' });
		expect(rows(eventSnapshot(), after)).toEqual(['First reported: — → 6 December 2025']);
	});

	it('lists every set field for the first revision', () => {
		expect(rows(null, eventSnapshot({ placeName: 'Miami' }))).toEqual([
			'Kind: — → Meeting',
			'Title: — → Talks in Miami',
			'Date: — → 7 December 2025 (America/New_York)',
			'Precision: — → To the day',
			'Time zone: — → America/New_York',
			'Place: — → Miami',
			'Verification: — → Reported',
			'Status: — → Published'
		]);
	});

	it('writes the rows in the staff member’s language: names, values and dates', () => {
		const before = eventSnapshot();
		const after = eventSnapshot({
			kind: 'policy',
			verification: 'claimed',
			occurredStart: '2025-12-08T05:00:00+00:00',
			pinned: true,
			deletedAt: '2025-12-09T12:00:00+00:00'
		});
		const uk = { locale: 'uk', t: translator('uk') };
		const said = diffSnapshots('event', before, after, uk).map(
			(c) => `${c.label}: ${c.before} → ${c.after}`
		);
		expect(said).toEqual([
			'Тип: Зустріч → Політика',
			expect.stringMatching(
				/^Дата: 7 грудня 2025\s?р\. → 8 грудня 2025\s?р\. \(America\/New_York\)$/
			),
			expect.stringMatching(/^Перевірка: Повідомлено → /),
			'Ключова подія: Ні → Так',
			expect.stringMatching(/^Видалено: — → Видалено 9 грудня 2025/)
		]);
		// English, the API's language, is the default and unchanged.
		expect(rows(before, after)[0]).toBe('Kind: Meeting → Policy');
	});

	it('refuses a snapshot without a field instead of defaulting it', () => {
		const broken = eventSnapshot();
		delete broken.occurredStart;
		expect(() => eventFieldsOf(broken)).toThrow(/occurred_start/);
		expect(() => rows(eventSnapshot(), broken)).toThrow(/occurred_start/);
	});
});

describe('story history in words', () => {
	const story = (overrides: Snapshot = {}): Snapshot => ({
		id: 1,
		slug: 'talks',
		title: 'Talks',
		summary: '',
		status: 'developing',
		publication: 'draft',
		publishedAt: null,
		version: 1,
		deletedAt: null,
		...overrides
	});

	it('shows title, status and publication changes', () => {
		expect(
			diffSnapshots(
				'story',
				story(),
				story({ title: 'Peace talks', status: 'concluded', publication: 'published' })
			).map((c) => `${c.label}: ${c.before} → ${c.after}`)
		).toEqual([
			'Title: Talks → Peace talks',
			'Status: Developing → Concluded',
			'Publication: Draft → Published'
		]);
	});

	it('shows a change of language, and reads a snapshot from before 00006 as English', () => {
		const old = story();
		expect(storyFieldsOf(old).language).toBe('en');
		expect(
			diffSnapshots('story', old, story({ language: 'uk' })).map(
				(c) => `${c.label}: ${c.before} → ${c.after}`
			)
		).toEqual(['Language: en → uk']);
		expect(() => storyFieldsOf(story({ language: null }))).toThrow(/language/);
	});
});
