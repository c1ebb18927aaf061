import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import * as events from '../../src/lib/server/db/events';
import * as imports from '../../src/lib/server/db/imports';
import { importTimeline } from '../../src/lib/server/newsroom/articles';
import type { Actor } from '../../src/lib/server/newsroom/actor';
import { toTimelineJs } from '../../src/lib/timelinejs/export';
import {
	importTimelineCsv,
	importTimelineJson,
	kindForGroup,
	lineText
} from '../../src/lib/timelinejs/import';
import { KIND_LABELS } from '../../src/lib/charts/timeline-items';
import { parseCsv } from '../../src/lib/timelinejs/csv';
import { HAVE_FIXTURES, readFixtures } from '../support/timelinejs-fixtures';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db.drop();
});

/** The import command as the system (no user), answering the stored timeline. */
const system: Actor = { id: null, role: 'contributor', clientAddress: null };
async function importAs(input: Parameters<typeof importTimeline>[1]) {
	const result = await importTimeline(system, input, db.sql);
	if (result.kind !== 'ok') throw new Error(`refused: ${result.kind}`);
	return result.value;
}

const parse = (format: 'json' | 'csv', text: string) => {
	const result = format === 'csv' ? importTimelineCsv(text) : importTimelineJson(text);
	if (!result.ok) throw new Error(result.errors.join('; '));
	return result;
};

const TIMELINE = JSON.stringify({
	title: { text: { headline: 'Peace talks', text: 'Rounds of talks.' } },
	events: [
		{
			start_date: { year: 2025, month: 12, day: 6 },
			text: { headline: 'Miami talks, third day' },
			group: 'Meetings'
		},
		{ start_date: { year: '2025' }, text: { headline: 'A year of talks' } }
	]
});

describe('importing a timeline', () => {
	it('stores a draft story with unique slugs and its events, and audits it', async () => {
		const first = await importAs(parse('json', TIMELINE));
		const second = await importAs(parse('json', TIMELINE));
		expect(first).toMatchObject({ slug: 'peace-talks', events: 2 });
		expect(second.slug).toBe('peace-talks-2');
		const [story] = await db.sql<{ publication: string; title: string }[]>`
			select publication, title from stories where id = ${first.storyId}`;
		expect(story).toEqual({ publication: 'draft', title: 'Peace talks' });
		const stored = await events.listForStory(first.storyId, { publishedOnly: false }, db.sql);
		expect(stored.map((e) => [e.title, e.kind, e.precision])).toEqual([
			['A year of talks', 'other', 'approximate'],
			['Miami talks, third day', 'meeting', 'day']
		]);
		const [audit] = await db.sql<{ action: string }[]>`
			select action from audit_log where entity_type = 'story' and entity_id = ${String(first.storyId)}`;
		expect(audit?.action).toBe('story.imported');
	});

	it('leaves nothing behind when an event cannot be stored', async () => {
		const before = await db.sql<{ n: number }[]>`select count(*)::int as n from stories`;
		const input = parse('json', TIMELINE);
		const broken = { ...input, events: [...input.events, { ...input.events[0]!, title: ' ' }] };
		await expect(importAs(broken)).rejects.toThrow();
		const after = await db.sql<{ n: number }[]>`select count(*)::int as n from stories`;
		expect(after[0]?.n).toBe(before[0]?.n);
	});
});

/** The date parts a file gives for a slide, as numbers (blank parts left out, seconds dropped). */
function originalParts(raw: Record<string, unknown>) {
	const parts: Record<string, number> = {};
	for (const key of ['year', 'month', 'day', 'hour', 'minute']) {
		const value = String(raw[key] ?? '').trim();
		if (value !== '') parts[key] = Number(value);
	}
	return parts;
}

function originalSlides(format: 'json' | 'csv', text: string) {
	if (format === 'json') {
		const doc = JSON.parse(text) as { events: Record<string, Record<string, unknown>>[] };
		return doc.events.map((e) => ({
			headline: lineText(String(e.text?.headline ?? '')),
			start: originalParts(e.start_date ?? {}),
			group: String(e.group ?? '')
		}));
	}
	const [header = [], ...rows] = parseCsv(text);
	const col = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
	return rows
		.filter(
			(row) =>
				row.some((c) => c.trim()) && !['title', 'era'].includes(col(row, 'Type').toLowerCase())
		)
		.map((row) => {
			const [hour, minute] = col(row, 'Time').split(':');
			return {
				headline: lineText(col(row, 'Headline')),
				start: originalParts({
					year: col(row, 'Year'),
					month: col(row, 'Month'),
					day: col(row, 'Day'),
					hour,
					minute
				}),
				group: col(row, 'Group')
			};
		});
}

describe.skipIf(!HAVE_FIXTURES)('round trip: import each example file, export it again', () => {
	it.each(readFixtures().map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
		const saved = await importAs(parse(fixture.format, fixture.text));
		const stored = await events.listForStory(saved.storyId, { publishedOnly: true }, db.sql);
		const groups = await imports.groupLabels(saved.storyId, db.sql);
		const exported = toTimelineJs(
			{ title: 'x', summary: '', url: 'https://x.test' },
			stored,
			groups
		);
		const slides = originalSlides(fixture.format, fixture.text);
		expect(exported.events).toHaveLength(slides.length);
		// The database orders by time; match each original slide to an exported one.
		const remaining = [...exported.events];
		for (const slide of slides) {
			const index = remaining.findIndex(
				(e) =>
					JSON.stringify(e.start_date) === JSON.stringify(slide.start) &&
					(slide.headline === '' || e.text.headline === escape(slide.headline)) &&
					// The group as written; a file without one gets its kind's label.
					e.group === (slide.group.trim() || KIND_LABELS[kindForGroup(slide.group)])
			);
			expect(index, `${slide.headline} ${JSON.stringify(slide.start)}`).toBeGreaterThanOrEqual(0);
			remaining.splice(index, 1);
		}
	});
});

const escape = (text: string) =>
	text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
