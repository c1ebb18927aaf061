import { describe, expect, it } from 'vitest';
import {
	asofCutoff,
	canonicalSearch,
	DEFAULT_STATE,
	isIsoDate,
	listPage,
	PAGE_SIZE,
	parseStoryUrl,
	selectEvents,
	storyOrder,
	storySearch
} from '../../src/lib/story/url-state';

const parse = (query: string) => parseStoryUrl(new URLSearchParams(query));

describe('parseStoryUrl', () => {
	it('reads every part of the state', () => {
		const state = parse(
			'event=12&asof=2025-12-04&order=newest&kind=meeting&kind=statement&verification=claimed&from=2025-12-01&to=2025-12-08&page=3&articles=all&lang=uk'
		);
		expect(state).toEqual({
			event: 12,
			asof: '2025-12-04',
			asofInvalid: null,
			order: 'newest',
			kinds: ['meeting', 'statement'],
			verifications: ['claimed'],
			from: new Date('2025-12-01T00:00:00Z'),
			to: new Date('2025-12-08T00:00:00Z'),
			page: 3,
			articles: 'all',
			lang: 'uk'
		});
	});

	it('falls back to the defaults for an empty query', () => {
		expect(parse('')).toEqual(DEFAULT_STATE);
	});

	it('ignores bad values, keeping a bad as-of date aside to mention it', () => {
		const state = parse(
			'event=12abc&order=sideways&kind=gossip&kind=meeting&verification=maybe&asof=2025-02-30&from=x&to=2025-12-08'
		);
		expect(state.event).toBeNull();
		expect(state.order).toBeNull();
		expect(state.kinds).toEqual(['meeting']);
		expect(state.verifications).toEqual([]);
		expect(state.asof).toBeNull();
		expect(state.asofInvalid).toBe('2025-02-30');
		expect(state.from).toBeNull();
		expect(state.to).toBeNull();
		expect(parse('page=0').page).toBe(1);
		expect(parse('page=two').page).toBe(1);
	});

	it('rejects negative, zero and huge event ids and a window that ends before it starts', () => {
		expect(parse('event=-3').event).toBeNull();
		expect(parse('event=0').event).toBeNull();
		expect(parse('event=99999999999').event).toBeNull();
		const state = parse('from=2025-12-08&to=2025-12-01');
		expect([state.from, state.to]).toEqual([null, null]);
	});
});

describe('isIsoDate and asofCutoff', () => {
	it('accepts real calendar dates only', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2025-02-29')).toBe(false);
		expect(isIsoDate('2025-1-05')).toBe(false);
		expect(isIsoDate('<script>')).toBe(false);
	});

	it('cuts off at the end of the day (UTC)', () => {
		expect(asofCutoff('2025-12-04')).toEqual(new Date('2025-12-05T00:00:00Z'));
	});
});

describe('storySearch and canonicalSearch', () => {
	it('writes only what differs from the defaults, and round-trips', () => {
		expect(storySearch(DEFAULT_STATE)).toBe('');
		const state = parse('kind=meeting&order=newest&asof=2025-12-04');
		const search = storySearch(state, { event: 7 });
		expect(search).toBe('?asof=2025-12-04&order=newest&kind=meeting&event=7');
		expect(parse(search.slice(1))).toEqual({ ...state, event: 7 });
	});

	it('keeps only the selected event in the canonical URL', () => {
		expect(canonicalSearch(parse('event=7&order=newest&kind=meeting'))).toBe('?event=7');
		expect(canonicalSearch(parse('order=newest'))).toBe('');
	});
});

describe('selectEvents', () => {
	const events = [
		{ id: 1, kind: 'meeting', verification: 'reported' },
		{ id: 2, kind: 'statement', verification: 'claimed' },
		{ id: 3, kind: 'meeting', verification: 'claimed' }
	] as const;

	it('filters by kind and verification and orders newest first', () => {
		const state = { ...DEFAULT_STATE, kinds: ['meeting' as const], order: 'newest' as const };
		expect(selectEvents(events, state).map((e) => e.id)).toEqual([3, 1]);
		const claimed = { ...DEFAULT_STATE, verifications: ['claimed' as const] };
		expect(selectEvents(events, claimed).map((e) => e.id)).toEqual([2, 3]);
		expect(selectEvents(events, DEFAULT_STATE).map((e) => e.id)).toEqual([1, 2, 3]);
	});

	it("follows the story's own order until the reader picks one", () => {
		expect(storyOrder('developing')).toBe('newest');
		expect(storyOrder('concluded')).toBe('oldest');
		const live = selectEvents(events, DEFAULT_STATE, storyOrder('developing'));
		expect(live.map((e) => e.id)).toEqual([3, 2, 1]);
		const chosen = { ...DEFAULT_STATE, order: 'oldest' as const };
		expect(selectEvents(events, chosen, 'newest').map((e) => e.id)).toEqual([1, 2, 3]);
		expect(storySearch(chosen)).toBe('?order=oldest');
	});
});

describe('listPage', () => {
	const events = Array.from({ length: 250 }, (_, index) => ({ id: index + 1 }));

	it('pages a long chronology, keeping the last page partial', () => {
		expect(listPage(events, { page: 1, event: null }, 100).events.map((e) => e.id)).toEqual(
			events.slice(0, 100).map((e) => e.id)
		);
		const last = listPage(events, { page: 3, event: null }, 100);
		expect([last.page, last.pages, last.first, last.events.length]).toEqual([3, 3, 201, 50]);
	});

	it('opens the page that holds the selected event, whatever page was asked for', () => {
		expect(listPage(events, { page: 1, event: 180 }, 100).page).toBe(2);
	});

	it('clamps a page past the end and keeps a short story on one page', () => {
		expect(listPage(events, { page: 9, event: null }, 100).page).toBe(3);
		const short = listPage(events.slice(0, 12), { page: 1, event: null });
		expect([short.pages, short.events.length]).toEqual([1, 12]);
	});

	it('pages by PAGE_SIZE when not told otherwise', () => {
		expect(listPage(events, { page: 1, event: null }).events).toHaveLength(PAGE_SIZE);
	});

	it('writes the page into the query only past the first', () => {
		expect(storySearch({ ...DEFAULT_STATE, page: 2 })).toBe('?page=2');
		// A reader who chose Ukrainian stays in it when filtering or selecting.
		const ukrainian = parse('lang=uk&kind=meeting');
		expect(storySearch(ukrainian, { kinds: [], event: 4 })).toBe('?event=4&lang=uk');
		expect(parse('lang=%22%3E').lang).toBeNull();
		expect(storySearch({ ...DEFAULT_STATE, page: 1 })).toBe('');
		expect(storySearch({ ...DEFAULT_STATE, articles: 'all' })).toBe('?articles=all');
	});
});
