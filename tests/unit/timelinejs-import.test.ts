import { describe, expect, it } from 'vitest';
import {
	htmlToText,
	importTimelineCsv,
	importTimelineJson,
	kindForGroup,
	type ImportResult
} from '$lib/timelinejs/import';
import { parseCsv } from '$lib/timelinejs/csv';
import { HAVE_FIXTURES, readFixtures } from '../support/timelinejs-fixtures';

const ok = (result: ImportResult) => {
	if (!result.ok) throw new Error(`import failed: ${result.errors.join('; ')}`);
	return result;
};
const doc = (events: unknown[], extra: object = {}) =>
	JSON.stringify({
		title: { text: { headline: 'Talks', text: '<p>About</p>' } },
		events,
		...extra
	});
const slide = (start: object, over: object = {}) => ({
	start_date: start,
	text: { headline: 'Miami talks, third day', text: 'Delegations met.' },
	...over
});

describe.skipIf(!HAVE_FIXTURES)('the TimelineJS example files', () => {
	it.each(readFixtures().map((f) => [f.name, f] as const))('%s imports', (_name, fixture) => {
		const result =
			fixture.format === 'csv' ? importTimelineCsv(fixture.text) : importTimelineJson(fixture.text);
		const { story, events } = ok(result);
		expect(story.title.length).toBeGreaterThan(0);
		expect(events.length).toBeGreaterThan(5);
		for (const event of events) {
			expect(event.title.trim()).not.toBe('');
			expect(event.occurredStart.getTime()).not.toBeNaN();
		}
	});

	it('reads the Houston title slide and its dates at the precision given', () => {
		const houston = readFixtures().find((f) => f.name === 'houston.json');
		const { story, events } = ok(importTimelineJson(houston?.text ?? ''));
		expect(story.title).toBe('Whitney Houston 1963 - 2012');
		expect(events[0]).toMatchObject({ title: 'A Musical Heritage', precision: 'day' });
		expect(events[0]?.occurredStart.toISOString()).toBe('1963-08-09T00:00:00.000Z');
		expect(events[1]).toMatchObject({ title: 'First Recording', precision: 'approximate' });
		// A media address becomes the event's media item, a link card (nothing is fetched).
		expect(events[1]).toMatchObject({
			mediaKind: 'link',
			mediaUrl: 'https://youtu.be/fSrO91XO1Ck'
		});
		expect(events[1]?.description).not.toContain('Media:');
	});
});

describe('importTimelineJson', () => {
	it('derives precision from the parts present, strings or numbers', () => {
		const { events } = ok(
			importTimelineJson(
				doc([
					slide({ year: 2025 }),
					slide({ year: '2025', month: '12' }),
					slide({ year: 2025, month: 12, day: 6 }),
					slide({ year: '2025', month: '12', day: '06', hour: '10' }),
					slide({ year: 2025, month: 12, day: 6, hour: 10, minute: 30, second: '', format: '' })
				])
			)
		);
		expect(events.map((e) => e.precision)).toEqual([
			'approximate',
			'month',
			'day',
			'hour',
			'minute'
		]);
		expect(events[0]?.occurredEnd?.toISOString()).toBe('2025-12-31T23:59:59.999Z');
		expect(events[4]?.occurredStart.toISOString()).toBe('2025-12-06T10:30:00.000Z');
	});

	it('refuses cosmological years with a message that says why', () => {
		const result = importTimelineJson(doc([slide({ year: -13800000000 })]));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0]).toMatch(/year -13800000000 is outside 1–9999/);
	});

	it('refuses the TimelineJS2 shape and names it', () => {
		const result = importTimelineJson(JSON.stringify({ timeline: { headline: 'x', date: [] } }));
		expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/TimelineJS2/)] });
	});

	it('says which event has an impossible date, and imports nothing', () => {
		const result = importTimelineJson(
			doc([slide({ year: 2025, month: 2, day: 30 }), slide({ year: 2025, month: 13 })])
		);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.errors).toEqual([
				'Event 1 ("Miami talks, third day"): 2025-2 has no day 30.',
				'Event 2 ("Miami talks, third day"): month 13 is not between 1 and 12.'
			]);
	});

	it('refuses what is not a timeline', () => {
		expect(importTimelineJson('{not json').ok).toBe(false);
		expect(importTimelineJson('{"title": {}}')).toMatchObject({ ok: false });
		expect(importTimelineJson(doc([]))).toMatchObject({ ok: false });
	});

	it('maps groups to kinds where the words match, and ignores unknown keys', () => {
		const { events } = ok(
			importTimelineJson(
				doc([
					slide({ year: 2025 }, { group: 'Meetings', unique_id: 'a', autolink: true }),
					slide({ year: 2025 }, { group: 'Paintings' })
				])
			)
		);
		expect(events.map((e) => e.kind)).toEqual(['meeting', 'other']);
		expect(
			['statement', 'Statements', 'Battlefield', 'policy', 'Policies'].map(kindForGroup)
		).toEqual(['statement', 'statement', 'battlefield', 'policy', 'policy']);
	});

	it('drops scripts and handlers, keeps links as text with their URL', () => {
		const { events } = ok(
			importTimelineJson(
				doc([
					slide(
						{ year: 2025 },
						{
							text: {
								headline: '<img src=x onerror=alert(1)>Talks <b>resume</b>',
								text: '<p>See <a href="https://example.org/a" onclick="x()">the report</a></p><script>alert(1)</script>'
							},
							media: { url: '//example.org/photo.jpg', caption: 'A <i>photo</i>' }
						}
					)
				])
			)
		);
		expect(events[0]?.title).toBe('Talks resume');
		expect(events[0]?.description).toBe('See the report (https://example.org/a)');
		// A protocol-relative image is read as https; its caption is text, and stands in as alt.
		expect(events[0]).toMatchObject({
			mediaKind: 'image',
			mediaUrl: 'https://example.org/photo.jpg',
			mediaCaption: 'A photo',
			mediaAlt: 'A photo'
		});
	});

	it('keeps embed HTML in the media place as text, and refuses other schemes as media', () => {
		const { events } = ok(
			importTimelineJson(
				doc([
					slide({ year: 2025 }, { media: { url: 'javascript:alert(1)', caption: 'x' } }),
					slide({ year: 2025 }, { media: { url: '<blockquote>Said on air</blockquote>' } })
				])
			)
		);
		expect(events.map((event) => event.mediaUrl)).toEqual([null, null]);
		expect(events[1]?.description).toBe('Delegations met.\n\nMedia: Said on air');
	});

	it('refuses an end before the start', () => {
		const result = importTimelineJson(
			doc([slide({ year: 2025, month: 5 }, { end_date: { year: 2024 } })])
		);
		expect(result).toMatchObject({
			ok: false,
			errors: [expect.stringMatching(/end date is before/)]
		});
	});
});

describe('importTimelineCsv', () => {
	const header =
		'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background';

	it('reads the title row, times and groups', () => {
		const csv = [
			header,
			',,,,,,,,,Peace talks,"<p>The ""Miami"" round</p>",,,,,title,,',
			'2025,12,6,1:30 PM,,,,,,"Miami talks, third day",Met again,,,,,,Meetings,',
			'2025,12,,,,,,,,Statement month,,,,,,,Statements,'
		].join('\r\n');
		const { story, events } = ok(importTimelineCsv(csv));
		expect(story).toEqual({ title: 'Peace talks', summary: 'The "Miami" round' });
		expect(events[0]).toMatchObject({
			title: 'Miami talks, third day',
			kind: 'meeting',
			precision: 'minute'
		});
		expect(events[0]?.occurredStart.toISOString()).toBe('2025-12-06T13:30:00.000Z');
		expect(events[1]).toMatchObject({ kind: 'statement', precision: 'month' });
	});

	it('says which row is wrong', () => {
		const result = importTimelineCsv(`${header}\n2025,12,6,25:99,,,,,,Bad time,,,,,,,,`);
		expect(result).toMatchObject({
			ok: false,
			errors: [
				'Row 2 ("Bad time"): hour 25 is not between 0 and 23.',
				'Row 2 ("Bad time"): minute 99 is not between 0 and 59.'
			]
		});
		const noon = importTimelineCsv(`${header}\n2025,12,6,noon,,,,,,Vague,,,,,,,,`);
		expect(noon).toMatchObject({
			ok: false,
			errors: [expect.stringMatching(/^Row 2: time "noon"/)]
		});
	});

	it('refuses a CSV without the template columns', () => {
		expect(importTimelineCsv('a,b\n1,2')).toMatchObject({
			ok: false,
			errors: [expect.stringMatching(/no Year or Headline column/)]
		});
	});
});

describe('parseCsv and htmlToText', () => {
	it('keeps quoted commas, quotes and newlines', () => {
		expect(parseCsv('a,"b, ""c""\nd",e\r\n1,,3')).toEqual([
			['a', 'b, "c"\nd', 'e'],
			['1', '', '3']
		]);
	});

	it('turns lists and paragraphs into readable text', () => {
		expect(htmlToText('<p>One &amp; two</p><ul><li>a</li><li>b</li></ul>')).toBe(
			'One & two\n\n• a\n• b'
		);
	});
});
