import { describe, it, expect } from 'vitest';
import {
	articlesReporting,
	describeNode,
	toThread,
	type ThreadArticleInput,
	type ThreadEventInput
} from '$lib/charts/thread-data';
import { translator } from '$lib/i18n';

const article = (id: number, publishedAt: string, over: Partial<ThreadArticleInput> = {}) => ({
	id,
	headline: `Article ${id}`,
	source: 'Throughline demo desk',
	publishedAt: new Date(publishedAt),
	demo: true,
	role: 'update' as const,
	position: id,
	...over
});

const event = (id: number, occurred: string, articleIds: number[]): ThreadEventInput => ({
	id,
	kind: 'meeting',
	title: `Event ${id}`,
	occurredStart: new Date(occurred),
	sources: articleIds.map((articleId) => ({ articleId }))
});

// Moscow report (1), Miami day 1 (2), the CRBC day-3 report (3) given out of order.
const articles = [
	article(3, '2025-12-06T18:30:00Z', { source: 'CRBC News', demo: false }),
	article(1, '2025-12-03T08:00:00Z', { role: 'first_report' }),
	article(2, '2025-12-04T23:30:00Z')
];
const events = [
	event(10, '2025-12-06T05:00:00Z', [3]),
	event(11, '2025-12-01T21:00:00Z', [1, 3]),
	event(12, '2025-12-04T05:00:00Z', [2]),
	event(13, '2025-11-20T05:00:00Z', [1, 3]),
	event(14, '2025-12-05T05:00:00Z', [])
];

describe('toThread', () => {
	it('puts the articles in publication order, each with its events in the order they happened', () => {
		const thread = toThread(articles, events);
		expect(thread.map((n) => n.article.id)).toEqual([1, 2, 3]);
		expect(thread.map((n) => n.events.map((e) => e.id))).toEqual([[13, 11], [12], [13, 11, 10]]);
	});

	it('marks the events an article was first to report', () => {
		const [moscow, miami, crbc] = toThread(articles, events);
		expect(moscow?.events.every((e) => e.isNew)).toBe(true);
		expect(miami?.newCount).toBe(1);
		expect(crbc?.events.map((e) => e.isNew)).toEqual([false, false, true]);
		expect(crbc?.newCount).toBe(1);
		expect(describeNode(moscow!, translator('en'))).toBe('2 events, all new');
		expect(describeNode(miami!, translator('en'))).toBe('1 event, new');
		expect(describeNode(crbc!, translator('en'))).toBe('3 events, 1 new');
	});

	it('breaks publication ties by the article’s place in the story', () => {
		const same = '2025-12-03T08:00:00Z';
		const thread = toThread(
			[article(7, same, { position: 2 }), article(8, same, { position: 1 })],
			[]
		);
		expect(thread.map((n) => n.article.id)).toEqual([8, 7]);
		expect(describeNode(thread[0]!, translator('en'))).toBe('No events linked');
	});
});

describe('articlesReporting', () => {
	it('finds every article that reports a highlighted event', () => {
		const thread = toThread(articles, events);
		expect([...articlesReporting(thread, [11])].sort()).toEqual([1, 3]);
		expect([...articlesReporting(thread, [12, 10])].sort()).toEqual([2, 3]);
		expect(articlesReporting(thread, [14]).size).toBe(0);
		expect(articlesReporting(thread, []).size).toBe(0);
	});
});
