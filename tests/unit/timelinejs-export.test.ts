import { describe, expect, it } from 'vitest';
import { eventSlide, timelineDate, toTimelineJs } from '$lib/timelinejs/export';
import { escapeHtml } from '$lib/format/html';
import { importTimelineCsv, importTimelineJson, kindForGroup } from '$lib/timelinejs/import';
import { PLAIN_EVENT, type TimelineEvent } from '$lib/types';
import { KIND_LABELS } from '$lib/charts/timeline-items';
import { HAVE_FIXTURES, readFixtures } from '../support/timelinejs-fixtures';

const event = (over: Partial<TimelineEvent> = {}): TimelineEvent => ({
	id: 7,
	storyId: 1,
	...PLAIN_EVENT,
	kind: 'meeting',
	title: 'Miami talks, third day',
	description: 'Delegations met.',
	occurredStart: new Date('2025-12-05T21:00:00Z'),
	occurredEnd: null,
	precision: 'day',
	timeZone: 'Europe/Moscow',
	placeName: 'Miami',
	latitude: null,
	longitude: null,
	firstReportedAt: null,
	attribution: null,
	verification: 'confirmed',
	status: 'published',
	version: 1,
	sources: [],
	...over
});

describe('timelineDate', () => {
	const at = new Date('2025-12-20T07:30:00Z');
	it('gives only the parts the precision knows, in the place’s zone', () => {
		expect(timelineDate(at, 'day', 'Europe/Moscow')).toEqual({ year: 2025, month: 12, day: 20 });
		expect(timelineDate(at, 'month', 'UTC')).toEqual({ year: 2025, month: 12 });
		expect(timelineDate(at, 'minute', 'Europe/Moscow')).toEqual({
			year: 2025,
			month: 12,
			day: 20,
			hour: 10,
			minute: 30
		});
		expect(timelineDate(at, 'approximate', 'UTC')).toEqual({ year: 2025 });
	});
});

describe('eventSlide', () => {
	it('dates the slide in the place’s zone and groups it by kind label', () => {
		const slide = eventSlide(event());
		expect(slide.start_date).toEqual({ year: 2025, month: 12, day: 6 });
		expect(slide.group).toBe('Meeting');
		expect(slide.display_date).toBe('6 December 2025');
		expect(slide.text.headline).toBe('Miami talks, third day');
	});

	it('escapes everything from the database and links only web sources', () => {
		const slide = eventSlide(
			event({
				title: '<script>alert(1)</script>',
				description: 'a <b>bold</b> "claim"',
				attribution: '<img src=x onerror=alert(1)>',
				sources: [
					{
						articleId: 1,
						headline: 'Talks <em>end</em>',
						source: 'CRBC',
						url: 'https://example.org/a?x=1&y="2"',
						publishedAt: new Date(),
						evidence: 'x'
					},
					{
						articleId: 2,
						headline: 'Other',
						source: 'Wire',
						url: 'javascript:alert(1)',
						publishedAt: new Date(),
						evidence: 'x'
					}
				]
			})
		);
		expect(slide.text.headline).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(slide.text.text).toContain('<p>a &lt;b&gt;bold&lt;/b&gt; &quot;claim&quot;</p>');
		expect(slide.text.text).toContain('According to: &lt;img src=x onerror=alert(1)&gt;');
		expect(slide.text.text).toContain(
			'<li><a href="https://example.org/a?x=1&amp;y=&quot;2&quot;">Talks &lt;em&gt;end&lt;/em&gt; (CRBC)</a></li>'
		);
		expect(slide.text.text).toContain('<li>Other (Wire)</li>');
		expect(slide.text.text).not.toContain('javascript:');
	});

	it('writes a year-only window as one year, a longer one as a span', () => {
		const one = eventSlide(
			event({
				precision: 'approximate',
				timeZone: 'UTC',
				occurredStart: new Date('1978-01-01T00:00:00Z'),
				occurredEnd: new Date('1978-12-31T23:59:59.999Z')
			})
		);
		expect(one).toMatchObject({ start_date: { year: 1978 } });
		expect(one.end_date).toBeUndefined();
		const span = eventSlide(
			event({
				precision: 'approximate',
				timeZone: 'UTC',
				occurredStart: new Date('1978-01-01T00:00:00Z'),
				occurredEnd: new Date('1980-12-31T23:59:59.999Z')
			})
		);
		expect(span.end_date).toEqual({ year: 1980 });
	});
});

describe('toTimelineJs', () => {
	it('opens with the story’s title slide', () => {
		const doc = toTimelineJs({ title: 'A & B', summary: 'Why', url: 'https://x.test/stories/a' }, [
			event()
		]);
		expect(doc.title.text.headline).toBe('A &amp; B');
		expect(doc.title.text.text).toBe(
			'<p>Why</p><p><a href="https://x.test/stories/a">Read the story</a></p>'
		);
		expect(doc.events).toHaveLength(1);
	});
	it('escapes the helper’s five characters', () => {
		expect(escapeHtml(`<a href='x'>&"`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&quot;');
	});
});

describe.skipIf(!HAVE_FIXTURES)('round trip of the example files (import, then export)', () => {
	it.each(readFixtures().map((f) => [f.name, f] as const))(
		'%s keeps headlines, dates, groups',
		(_n, f) => {
			const result = f.format === 'csv' ? importTimelineCsv(f.text) : importTimelineJson(f.text);
			if (!result.ok) throw new Error(result.errors.join('; '));
			const stored = result.events.map((e, i) =>
				event({ ...e, id: i + 1, timeZone: 'UTC', placeName: null, sources: [] })
			);
			const doc = toTimelineJs({ ...result.story, url: 'https://x.test/' }, stored);
			doc.events.forEach((slide, i) => {
				const original = result.events[i];
				if (!original) throw new Error('missing event');
				expect(slide.text.headline).toBe(escapeHtml(original.title));
				expect(slide.group).toBe(KIND_LABELS[kindForGroup(original.group)]);
				const parts = timelineDate(original.occurredStart, original.precision, 'UTC');
				expect(slide.start_date).toEqual(parts);
			});
		}
	);
});

describe('media round trip', () => {
	it('exports an event’s media as the slide’s media and imports it back', () => {
		const photo = event({
			mediaKind: 'image',
			mediaUrl: 'https://images.example.org/talks.jpg',
			mediaCaption: 'Delegates <at> the table & aides',
			mediaCredit: 'Pool "photo"',
			mediaAlt: 'Two rows of delegates'
		});
		const video = event({ id: 8, mediaKind: 'link', mediaUrl: 'https://youtu.be/abc' });
		const doc = toTimelineJs({ title: 'Talks', summary: '', url: 'https://t.example/s' }, [
			photo,
			video
		]);
		expect(doc.events[0]?.media).toEqual({
			url: 'https://images.example.org/talks.jpg',
			caption: escapeHtml('Delegates <at> the table & aides'),
			credit: escapeHtml('Pool "photo"'),
			alt: 'Two rows of delegates'
		});

		const back = importTimelineJson(JSON.stringify(doc));
		expect(back.ok).toBe(true);
		const [first, second] = back.ok ? back.events : [];
		expect(first).toMatchObject({
			mediaKind: 'image',
			mediaUrl: photo.mediaUrl,
			mediaCaption: photo.mediaCaption,
			mediaCredit: photo.mediaCredit,
			mediaAlt: photo.mediaAlt
		});
		expect(second).toMatchObject({ mediaKind: 'link', mediaUrl: 'https://youtu.be/abc' });
	});
});
