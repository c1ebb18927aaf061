import { describe, expect, it } from 'vitest';
import { PLAIN_EVENT, type TimelineEvent } from '$lib/types';
import { replayAsOf } from '$lib/story/as-of';
import { newSince, parseVisit } from '$lib/story/new-since';
import { relatedEvents } from '$lib/story/related';
import { serializeJsonLd, storyJsonLd } from '$lib/story/json-ld';

const at = (iso: string) => new Date(iso);
const event = (over: Partial<TimelineEvent>): TimelineEvent => ({
	id: 1,
	storyId: 1,
	...PLAIN_EVENT,
	kind: 'meeting',
	title: 'Witkoff and Kushner meet Putin in Moscow',
	description: 'A five-hour meeting.',
	occurredStart: at('2025-12-01T21:00:00Z'),
	occurredEnd: null,
	precision: 'day',
	timeZone: 'Europe/Moscow',
	placeName: 'Moscow',
	latitude: 55.75,
	longitude: 37.62,
	firstReportedAt: at('2025-12-03T08:00:00Z'),
	attribution: null,
	verification: 'reported',
	status: 'published',
	version: 1,
	sources: [
		{
			articleId: 10,
			headline: 'Envoys leave Moscow',
			source: 'Demo desk',
			url: null,
			publishedAt: at('2025-12-03T08:00:00Z'),
			evidence: 'They met on Tuesday.'
		},
		{
			articleId: 11,
			headline: 'Day three',
			source: 'CRBC News',
			url: null,
			publishedAt: at('2025-12-06T18:30:00Z'),
			evidence: 'The meeting was cordial.'
		}
	],
	...over
});

describe('replayAsOf', () => {
	const snapshot = {
		events: [
			event({}),
			event({ id: 2, firstReportedAt: at('2025-12-05T23:30:00Z'), verification: 'confirmed' }),
			event({ id: 3, firstReportedAt: null })
		],
		articles: [
			{ id: 10, publishedAt: at('2025-12-03T08:00:00Z') },
			{ id: 11, publishedAt: at('2025-12-06T18:30:00Z') }
		],
		history: [
			{
				eventId: 1,
				verification: 'claimed' as const,
				attribution: 'the Kremlin',
				changedAt: at('2025-12-03T08:00:00Z')
			},
			{
				eventId: 1,
				verification: 'reported' as const,
				attribution: null,
				changedAt: at('2025-12-06T00:00:00Z')
			}
		]
	};

	it('hides what was not yet reported and shows the verification as it stood', () => {
		const then = replayAsOf(snapshot, at('2025-12-05T00:00:00Z'));
		expect(then.events.map((e) => e.id)).toEqual([1]);
		expect(then.articles.map((a) => a.id)).toEqual([10]);
		expect(then.events[0]?.sources.map((s) => s.articleId)).toEqual([10]);
		expect(then.events[0]?.verification).toBe('claimed');
		expect(then.events[0]?.attribution).toBe('the Kremlin');
		expect(then.history).toHaveLength(1);
	});

	it('keeps the current state when the cutoff is after every change', () => {
		const now = replayAsOf(snapshot, at('2026-01-01T00:00:00Z'));
		expect(now.events.map((e) => e.id)).toEqual([1, 2]);
		expect(now.events[0]?.verification).toBe('reported');
	});
});

describe('newSince', () => {
	const events = [
		{ id: 1, firstReportedAt: at('2025-12-03T08:00:00Z') },
		{ id: 2, firstReportedAt: at('2025-12-06T18:30:00Z') },
		{ id: 3, firstReportedAt: null }
	];
	const articles = [{ id: 10, publishedAt: at('2025-12-06T18:30:00Z') }];

	it('marks nothing on a first visit', () => {
		const fresh = newSince(events, articles, null);
		expect(fresh.eventIds.size + fresh.articleIds.size).toBe(0);
	});

	it('marks events first reported and articles published after the last visit', () => {
		const fresh = newSince(events, articles, at('2025-12-05T12:00:00Z'));
		expect([...fresh.eventIds]).toEqual([2]);
		expect([...fresh.articleIds]).toEqual([10]);
	});

	it('reads a stored visit, and ignores garbage', () => {
		expect(parseVisit('2025-12-05T12:00:00.000Z')).toEqual(at('2025-12-05T12:00:00Z'));
		expect(parseVisit('yesterday')).toBeNull();
		expect(parseVisit(null)).toBeNull();
	});
});

describe('relatedEvents', () => {
	it('reads relations from both ends and leaves out hidden events', () => {
		const byId = new Map([1, 2, 3].map((id) => [id, event({ id })]));
		const related = relatedEvents(
			2,
			[
				{ fromEventId: 2, toEventId: 1, relation: 'follows' },
				{ fromEventId: 3, toEventId: 2, relation: 'follows' },
				{ fromEventId: 9, toEventId: 2, relation: 'part_of' }
			],
			byId
		);
		expect(related.map((r) => [r.event.id, r.relation, r.incoming])).toEqual([
			[1, 'follows', false],
			[3, 'follows', true]
		]);
	});
});

describe('storyJsonLd and serializeJsonLd', () => {
	it('lists events with their start in the place’s offset, place and sources', () => {
		const data = storyJsonLd({ title: 'Talks', summary: 'Summary', slug: 'talks' }, [event({})], {
			origin: 'https://example.org',
			lastUpdated: at('2025-12-06T18:30:00Z')
		}) as { itemListElement: { item: Record<string, unknown> }[] };
		const item = data.itemListElement[0]?.item;
		expect(item?.startDate).toBe('2025-12-02T00:00:00+03:00');
		expect(item?.location).toEqual({
			'@type': 'Place',
			name: 'Moscow',
			geo: { '@type': 'GeoCoordinates', latitude: 55.75, longitude: 37.62 }
		});
		expect((item?.subjectOf as { url: string }[])[0]?.url).toBe('https://example.org/articles/10');
	});

	it('lists the latest events of a long story in full and still counts them all', () => {
		const many = Array.from({ length: 150 }, (_, index) => event({ id: index + 1 }));
		const data = storyJsonLd({ title: 'Talks', summary: '', slug: 'talks' }, many, {
			origin: 'https://example.org',
			lastUpdated: at('2025-12-06T18:30:00Z')
		}) as { numberOfItems: number; itemListElement: { position: number }[] };
		expect(data.numberOfItems).toBe(150);
		expect(data.itemListElement).toHaveLength(100);
		expect(data.itemListElement[0]?.position).toBe(51);
		expect(data.itemListElement.at(-1)?.position).toBe(150);
	});

	it('cannot be broken out of by </script> in the data, and still parses the same', () => {
		const value = { name: '</script><script>alert(1)</script> & \u2028' };
		const text = serializeJsonLd(value);
		expect(text).not.toContain('<');
		expect(text).not.toContain('>');
		expect(JSON.parse(text)).toEqual(value);
	});
});
