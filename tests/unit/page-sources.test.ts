import { describe, expect, it } from 'vitest';
import { packSources, unpackSources } from '../../src/lib/story/page-sources';
import { PLAIN_EVENT, type TimelineEvent } from '../../src/lib/types';

const article = (id: number) => ({
	articleId: id,
	headline: `Report ${id}`,
	source: 'Wire',
	url: `https://example.org/${id}`,
	publishedAt: new Date(Date.UTC(2025, 11, id))
});

function event(id: number, sources: TimelineEvent['sources']): TimelineEvent {
	return {
		id,
		storyId: 1,
		...PLAIN_EVENT,
		kind: 'meeting',
		title: `Event ${id}`,
		description: '',
		occurredStart: new Date(Date.UTC(2025, 11, 1)),
		occurredEnd: null,
		precision: 'day',
		timeZone: 'UTC',
		placeName: null,
		latitude: null,
		longitude: null,
		firstReportedAt: null,
		attribution: null,
		verification: 'reported',
		status: 'published',
		version: 1,
		sources
	};
}

describe('page sources', () => {
	const events = [
		event(1, [
			{ ...article(7), evidence: 'quote one' },
			{ ...article(8), evidence: 'quote two' }
		]),
		event(2, [{ ...article(7), evidence: 'another quote from 7' }]),
		event(3, [])
	];

	it('sends each cited article once and joins every source back as it was', () => {
		const packed = packSources(events);
		expect(packed.sourceArticles.map((a) => a.articleId)).toEqual([7, 8]);
		expect(packed.events[1]!.sources).toEqual([{ articleId: 7, evidence: 'another quote from 7' }]);
		expect(unpackSources(packed.events, packed.sourceArticles)).toEqual(events);
	});
});
