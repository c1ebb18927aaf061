import { describe, expect, it } from 'vitest';
import {
	adviseNewStory,
	daysInWords,
	entityScore,
	NEW_STORY_THRESHOLD,
	rankStories,
	scoreStory,
	type StoryFeatures
} from '$lib/server/suggest/score';

const published = new Date('2025-12-06T18:30:00Z');
const features = (over: Partial<StoryFeatures>): StoryFeatures => ({
	storyId: 1,
	slug: 'miami-talks',
	title: 'Miami talks',
	textRank: 0,
	headlineSimilarity: 0,
	closestHeadline: null,
	sharedEntities: [],
	articleEntityWeight: 10,
	lastUpdateAt: new Date('2025-12-04T18:30:00Z'),
	...over
});
const people = [
	{ name: 'Steve Witkoff', kind: 'person', weight: 2 },
	{ name: 'Jared Kushner', kind: 'person', weight: 2 },
	{ name: 'Rustem Umerov', kind: 'person', weight: 2 }
];

describe('scoreStory', () => {
	it('explains a strong match in the editor’s words', () => {
		const scored = scoreStory(
			features({
				sharedEntities: people,
				textRank: 0.6,
				headlineSimilarity: 0.4,
				closestHeadline: 'Miami Talks Go Into a Second Day'
			}),
			published
		);
		expect(scored.score).toBeGreaterThan(0.7);
		expect(scored.score).toBeLessThanOrEqual(1);
		expect(scored.reasons).toEqual([
			'shares Witkoff, Kushner, Umerov',
			'continues ‘Miami talks’ two days after the last update',
			'headline close to ‘Miami Talks Go Into a Second Day’',
			'60% of its key words appear in the story’s articles'
		]);
	});

	it('scores a story sharing only a city below the new-story threshold', () => {
		const scored = scoreStory(
			features({ sharedEntities: [{ name: 'Miami', kind: 'place', weight: 2 }], textRank: 0.1 }),
			published
		);
		expect(scored.score).toBeLessThan(NEW_STORY_THRESHOLD);
	});

	it('lets a story that went quiet long ago score lower than a fresh one', () => {
		const fresh = scoreStory(features({ sharedEntities: people }), published);
		const stale = scoreStory(
			features({ sharedEntities: people, lastUpdateAt: new Date('2025-09-01T00:00:00Z') }),
			published
		);
		expect(stale.score).toBeLessThan(fresh.score);
		expect(stale.reasons[1]).toBe('continues ‘Miami talks’ 97 days after the last update');
	});

	it('keeps the score within [0, 1] whatever the inputs', () => {
		const scored = scoreStory(
			features({
				textRank: 5,
				headlineSimilarity: 3,
				sharedEntities: people,
				articleEntityWeight: 0
			}),
			published
		);
		expect(scored.score).toBeGreaterThanOrEqual(0);
		expect(scored.score).toBeLessThanOrEqual(1);
	});
});

describe('entityScore', () => {
	it('counts shared people fully and places at a discount', () => {
		const person = entityScore({ sharedEntities: [people[0]!], articleEntityWeight: 4 });
		const place = entityScore({
			sharedEntities: [{ name: 'Miami', kind: 'place', weight: 2 }],
			articleEntityWeight: 4
		});
		expect(person).toBeGreaterThan(place);
		expect(entityScore({ sharedEntities: [], articleEntityWeight: 0 })).toBe(0);
	});
});

describe('rankStories and adviseNewStory', () => {
	it('puts the best story first and advises no new story when it fits', () => {
		const ranked = rankStories(
			[
				features({ storyId: 2, slug: 'port', title: 'Port strike', sharedEntities: [] }),
				features({ sharedEntities: people, textRank: 0.5 })
			],
			published
		);
		expect(ranked.map((s) => s.slug)).toEqual(['miami-talks', 'port']);
		expect(adviseNewStory(ranked).recommended).toBe(false);
	});

	it('advises a new story when nothing reaches the threshold, naming the closest', () => {
		const ranked = rankStories([features({ textRank: 0.1 })], published);
		const advice = adviseNewStory(ranked);
		expect(advice.recommended).toBe(true);
		expect(advice.reason).toContain('‘Miami talks’');
		expect(adviseNewStory([])).toEqual({
			recommended: true,
			reason: 'No story shares its people, places or wording.'
		});
	});

	it('writes small day counts as words', () => {
		expect(daysInWords(0)).toBe('the same day');
		expect(daysInWords(2.2)).toBe('two days');
		expect(daysInWords(-11)).toBe('11 days');
	});
});
