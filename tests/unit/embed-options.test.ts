import { describe, expect, it } from 'vitest';
import {
	DEFAULT_OPTIONS,
	effectiveOrder,
	embedLanguage,
	embedQuery,
	matchesOptions,
	parseEmbedOptions
} from '../../src/lib/embed/options';
import { shapeTimeline } from '../../src/lib/embed/timeline-shape';
import { embedFrameAncestors } from '../../src/lib/server/http/security-headers';

const parse = (query: string) => parseEmbedOptions(new URLSearchParams(query));

describe('parseEmbedOptions', () => {
	it('reads every option', () => {
		expect(
			parse(
				'theme=dark&height=480&kinds=meeting,policy&from=2025-12-01&to=2025-12-08&order=newest&limit=25&mode=list&accent=%23A0B&lang=de-DE&version=7'
			)
		).toEqual({
			theme: 'dark',
			height: 480,
			kinds: ['meeting', 'policy'],
			from: '2025-12-01',
			to: '2025-12-08',
			order: 'newest',
			limit: 25,
			mode: 'list',
			accent: '#a0b',
			lang: 'de-DE',
			version: 7
		});
	});

	it('falls back to the defaults for values that do not parse', () => {
		expect(
			parse(
				'theme=neon&height=12px&kinds=gossip&from=2025-02-30&to=yesterday&order=random&limit=0&mode=grid&lang=<x>&version=-1'
			)
		).toEqual(DEFAULT_OPTIONS);
	});

	it.each([
		'red',
		'#12345',
		'#1234567',
		'#ggg',
		'#fff;background:url(x)',
		'#fff" onload="x',
		'rgb(0,0,0)',
		'var(--x)'
	])('refuses the accent %s', (accent) => {
		expect(parse(`accent=${encodeURIComponent(accent)}`).accent).toBeNull();
	});

	it('keeps heights within bounds and reads kinds from repeated checkboxes', () => {
		expect(parse('height=100').height).toBeNull();
		expect(parse('height=99999').height).toBeNull();
		expect(parse('height=200').height).toBe(200);
		expect(parse('kinds=meeting&kinds=statement').kinds).toEqual(['meeting', 'statement']);
		// Every kind ticked is the same as none: the canonical form leaves it out.
		expect(parse('kinds=meeting,statement,battlefield,policy,other').kinds).toEqual([]);
	});

	it('is light, ten entries, in the story’s order and language unless asked', () => {
		expect(DEFAULT_OPTIONS).toMatchObject({ theme: 'light', limit: 10, order: null, lang: null });
		expect(parse('theme=auto').theme).toBe('auto');
		expect(parse('limit=101').limit).toBe(10);
		expect(parse('limit=100').limit).toBe(100);
		expect(parse('lang=und').lang).toBeNull();
	});

	it('reads a window given backwards the way it was meant', () => {
		const options = parse('from=2025-12-08&to=2025-12-01');
		expect([options.from, options.to]).toEqual(['2025-12-01', '2025-12-08']);
	});
});

describe('embedQuery', () => {
	it('is empty for the defaults and canonical otherwise', () => {
		expect(embedQuery(DEFAULT_OPTIONS)).toBe('');
		expect(embedQuery(parse('version=3&theme=dark&theme=light&junk=1'))).toBe(
			'?theme=dark&version=3'
		);
		expect(embedQuery(parse('kinds=policy,meeting'))).toBe('?kinds=meeting%2Cpolicy');
	});
});

describe('effectiveOrder and embedLanguage', () => {
	it('lists a developing story newest first, a concluded one oldest first, unless asked', () => {
		expect(effectiveOrder({ order: null }, { status: 'developing' })).toBe('newest');
		expect(effectiveOrder({ order: null }, { status: 'concluded' })).toBe('oldest');
		expect(effectiveOrder({ order: 'oldest' }, { status: 'developing' })).toBe('oldest');
	});
	it('speaks the asked language, else the story’s, else English', () => {
		expect(embedLanguage({ lang: 'ar' }, 'uk')).toBe('ar');
		expect(embedLanguage({ lang: null }, 'uk')).toBe('uk');
		expect(embedLanguage({ lang: null }, 'und')).toBe('en');
		expect(embedLanguage({ lang: null }, null)).toBe('en');
	});
});

describe('matchesOptions', () => {
	const event = {
		kind: 'meeting' as const,
		occurredStart: new Date('2025-12-04T10:00:00Z'),
		occurredEnd: null
	};
	it('filters by kind and by window, inclusive', () => {
		expect(matchesOptions(event, { kinds: ['policy'], from: null, to: null })).toBe(false);
		expect(matchesOptions(event, { kinds: [], from: '2025-12-04', to: '2025-12-04' })).toBe(true);
		expect(matchesOptions(event, { kinds: [], from: '2025-12-05', to: null })).toBe(false);
		expect(matchesOptions(event, { kinds: [], from: null, to: '2025-12-03' })).toBe(false);
	});

	it('reads the window in the event’s own days, not UTC’s', () => {
		// 8 December in Tokyo began at 15:00 UTC on the 7th.
		const tokyo = {
			...event,
			occurredStart: new Date('2025-12-07T15:00:00Z'),
			timeZone: 'Asia/Tokyo'
		};
		expect(matchesOptions(tokyo, { kinds: [], from: null, to: '2025-12-07' })).toBe(false);
		expect(matchesOptions(tokyo, { kinds: [], from: '2025-12-08', to: '2025-12-08' })).toBe(true);
		// 4–6 December in New York, stored with the 7th's start as its exclusive end.
		const span = {
			...event,
			occurredStart: new Date('2025-12-04T05:00:00Z'),
			occurredEnd: new Date('2025-12-07T05:00:00Z'),
			timeZone: 'America/New_York'
		};
		expect(matchesOptions(span, { kinds: [], from: '2025-12-07', to: null })).toBe(false);
		expect(matchesOptions(span, { kinds: [], from: '2025-12-06', to: null })).toBe(true);
	});
});

describe('shapeTimeline', () => {
	it('puts events in order on a 0–1000 scale with a lane per kind present', () => {
		const shape = shapeTimeline(
			[
				{
					id: 1,
					kind: 'meeting',
					occurredStart: new Date('2025-12-01T00:00:00Z'),
					occurredEnd: null
				},
				{
					id: 2,
					kind: 'policy',
					occurredStart: new Date('2025-12-10T00:00:00Z'),
					occurredEnd: new Date('2025-12-12T00:00:00Z')
				}
			],
			'en'
		)!;
		expect(shape.lanes).toEqual(['meeting', 'policy']);
		const [a, b] = shape.marks;
		expect(a!.x).toBeGreaterThan(0);
		expect(b!.x).toBeGreaterThan(a!.x);
		expect(b!.x2).toBeLessThan(1000);
		expect(b!.y).toBeGreaterThan(a!.y);
		expect(shape.major.length).toBeGreaterThan(0);
		expect(shapeTimeline([], 'en')).toBeNull();
	});

	it('draws each event on its own day: Tokyo’s 8 December after the 8 December tick', () => {
		const tokyo = {
			id: 1,
			kind: 'meeting' as const,
			occurredStart: new Date('2025-12-07T15:00:00Z'), // 8 December, 00:00 in Tokyo
			occurredEnd: null,
			timeZone: 'Asia/Tokyo'
		};
		const newYork = {
			...tokyo,
			id: 2,
			occurredStart: new Date('2025-12-10T05:00:00Z'), // 10 December, 00:00 in New York
			timeZone: 'America/New_York'
		};
		const shape = shapeTimeline([tokyo, newYork], 'en')!;
		const tick = (day: number) =>
			[...shape.major, ...shape.minor].find((t) => t.label === `Dec ${day}`)?.x;
		expect(shape.marks[0]!.x).toBe(tick(8));
		expect(shape.marks[1]!.x).toBe(tick(10));
	});
});

describe('embedFrameAncestors', () => {
	it('accepts a CSP source list and fails closed on anything else', () => {
		expect(embedFrameAncestors(undefined)).toBe('*');
		expect(embedFrameAncestors("https://news.example 'self' *.example.org")).toBe(
			"https://news.example 'self' *.example.org"
		);
		expect(embedFrameAncestors("https://a.example; script-src 'unsafe-inline'")).toBe("'none'");
		expect(embedFrameAncestors("'unsafe-inline'")).toBe("'none'");
	});
});
