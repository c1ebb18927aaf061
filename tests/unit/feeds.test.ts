import { describe, it, expect } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildAtomFeed } from '../../src/lib/server/feeds/atom';
import { buildJsonFeed } from '../../src/lib/server/feeds/json-feed';
import type { StoryFeedInput } from '../../src/lib/server/feeds/entries';
import { escapeXml, stripInvalidXmlChars, textElement } from '../../src/lib/server/feeds/xml';
import { PLAIN_EVENT, type TimelineEvent } from '../../src/lib/types';

const ORIGIN = 'https://throughline.example:8443';
const PAYLOAD = '<script>alert("x")</script> & <b>bold</b>';

function event(overrides: Partial<TimelineEvent> = {}): TimelineEvent {
	return {
		id: 11,
		storyId: 1,
		...PLAIN_EVENT,
		kind: 'battlefield',
		title: 'Russia says it destroyed 116 Ukrainian drones overnight',
		description: 'The ministry gives a figure no one else has confirmed.',
		occurredStart: new Date('2025-12-05T21:00:00Z'),
		occurredEnd: null,
		precision: 'day',
		timeZone: 'Europe/Moscow',
		placeName: null,
		latitude: null,
		longitude: null,
		firstReportedAt: new Date('2025-12-06T18:30:00Z'),
		attribution: "Russia's defence ministry",
		verification: 'claimed',
		status: 'published',
		version: 1,
		sources: [
			{
				articleId: 4,
				headline: 'Miami Talks Enter Third Day',
				source: 'CRBC News',
				url: 'https://crbc.example/miami-day-3',
				publishedAt: new Date('2025-12-06T18:30:00Z'),
				evidence: 'Russia’s defence ministry said it destroyed 116 Ukrainian drones overnight'
			}
		],
		...overrides
	};
}

function input(overrides: Partial<StoryFeedInput> = {}): StoryFeedInput {
	return {
		origin: ORIGIN,
		story: {
			id: 1,
			slug: 'russia-ukraine-peace-talks',
			title: 'Russia–Ukraine peace talks',
			summary: 'Envoys, talks & the war.',
			publishedAt: new Date('2025-12-03T08:00:00Z'),
			updatedAt: new Date('2025-12-06T18:30:00Z')
		},
		events: [event()],
		articles: [
			{
				id: 4,
				source: 'CRBC News',
				section: 'Conflict',
				headline: 'Miami Talks Enter Third Day',
				dek: 'US and Ukraine say real progress hinges on Russia.',
				url: 'https://crbc.example/miami-day-3',
				publishedAt: new Date('2025-12-06T18:30:00Z'),
				demo: false
			}
		],
		history: [
			{
				eventId: 11,
				verification: 'claimed',
				attribution: "Russia's defence ministry",
				changedAt: new Date('2025-12-06T19:00:00Z')
			}
		],
		...overrides
	};
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

interface AtomEntry {
	id: string;
	title: { '#text': string };
	published: string;
	updated: string;
	category: { '@term': string }[] | { '@term': string };
	content: { '#text': string };
	link: { '@href': string; '@rel': string } | { '@href': string; '@rel': string }[];
}

/** Parses the feed strictly (the validator rejects anything not well-formed) and returns it. */
function parseAtom(xml: string): { entries: AtomEntry[]; feed: Record<string, unknown> } {
	expect(XMLValidator.validate(xml)).toBe(true);
	const doc = parser.parse(xml) as { feed: Record<string, unknown> & { entry?: unknown } };
	const entries = ([] as AtomEntry[]).concat((doc.feed.entry as AtomEntry[] | undefined) ?? []);
	return { entries, feed: doc.feed };
}

const terms = (entry: AtomEntry) =>
	([] as { '@term': string }[]).concat(entry.category).map((c) => c['@term']);

describe('xml helpers', () => {
	it('escapes the five markup characters', () => {
		expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;'
		);
	});

	it('drops characters XML 1.0 forbids but keeps tabs, newlines, emoji and non-Latin text', () => {
		expect(stripInvalidXmlChars('a\u0000b\u0007c\u000bd\uFFFEe\uFFFFf')).toBe('abcdef');
		expect(stripInvalidXmlChars('lone \uD800 half')).toBe('lone  half');
		expect(stripInvalidXmlChars('tab\tline\nКиїв 🕊️')).toBe('tab\tline\nКиїв 🕊️');
	});

	it('escapes attribute values and text alike', () => {
		expect(textElement('title', '1 < 2', { label: '"q"' })).toBe(
			'<title label="&quot;q&quot;">1 &lt; 2</title>'
		);
	});
});

describe('Atom feed', () => {
	it('is well-formed Atom with absolute, stable ids and links', () => {
		const { feed, entries } = parseAtom(buildAtomFeed(input()));

		expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
		expect(feed.id).toBe('tag:throughline.example,2025:story:1');
		expect(entries.map((entry) => entry.id).sort()).toEqual([
			'tag:throughline.example,2025:article:4',
			'tag:throughline.example,2025:event:11'
		]);
		for (const entry of entries) {
			for (const link of ([] as { '@href': string }[]).concat(entry.link)) {
				expect(link['@href']).toMatch(/^https:\/\//);
			}
		}
		const eventEntry = entries.find((entry) => entry.id.endsWith('event:11'));
		expect(([] as { '@href': string }[]).concat(eventEntry?.link ?? [])[0]?.['@href']).toBe(
			`${ORIGIN}/stories/russia-ukraine-peace-talks?event=11#event-11`
		);
	});

	it('says who claims an event and quotes its sources', () => {
		const { entries } = parseAtom(buildAtomFeed(input()));
		const content = entries.find((entry) => entry.id.endsWith('event:11'))?.content['#text'];

		expect(content).toContain(
			'Claimed by Russia&#39;s defence ministry — not independently verified'
		);
		expect(content).toContain('<blockquote><p>“Russia’s defence ministry said it destroyed');
		expect(content).toContain(`<a href="${ORIGIN}/articles/4">Miami Talks Enter Third Day</a>`);
	});

	it('shows a markup payload in a title and a quote as text, never as markup', () => {
		const hostile = event({
			title: PAYLOAD,
			sources: [{ ...event().sources[0]!, evidence: PAYLOAD, headline: '"><img src=x>' }]
		});
		const xml = buildAtomFeed(input({ events: [hostile] }));
		const { entries } = parseAtom(xml);
		const entry = entries.find((e) => e.id.endsWith('event:11'));

		expect(xml).not.toContain('<script');
		expect(xml).not.toContain('<b>');
		// The title is a text field (format/export-text.ts): one level of decoding (the XML
		// parser's) gives back its text with the tags stripped…
		expect(entry?.title['#text']).toBe('alert("x") & bold');
		// …and the HTML content still has the payload escaped, so a reader shows it as text.
		expect(entry?.content['#text']).toContain(
			'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;'
		);
		expect(entry?.content['#text']).toContain('&quot;&gt;&lt;img src=x&gt;');
	});

	it('stays well-formed when the data holds control characters', () => {
		const xml = buildAtomFeed(
			input({ events: [event({ title: 'Bad\u0000 byte\u001b here', description: '\u0008' })] })
		);
		const { entries } = parseAtom(xml);
		expect(entries.find((e) => e.id.endsWith('event:11'))?.title['#text']).toBe('Bad byte here');
	});

	it('flags a changed verification as a correction, updated after it was published', () => {
		const corrected = input({
			events: [event({ verification: 'disputed' })],
			history: [
				...input().history,
				{
					eventId: 11,
					verification: 'disputed',
					attribution: "Russia's defence ministry",
					changedAt: new Date('2025-12-08T10:00:00Z')
				}
			]
		});
		const { entries } = parseAtom(buildAtomFeed(corrected));
		const entry = entries.find((e) => e.id.endsWith('event:11'));

		expect(entry?.title['#text']).toBe(
			'Correction: Russia says it destroyed 116 Ukrainian drones overnight'
		);
		expect(terms(entry!)).toContain('correction');
		expect(entry?.published).toBe('2025-12-06T18:30:00.000Z');
		expect(entry?.updated).toBe('2025-12-08T10:00:00.000Z');
		expect(entry?.content['#text']).toContain('first published as “Claimed by Russia');
	});

	it('titles a retracted event "Retracted: "', () => {
		const retracted = input({
			events: [event({ verification: 'retracted' })],
			history: [
				...input().history,
				{
					eventId: 11,
					verification: 'retracted',
					attribution: "Russia's defence ministry",
					changedAt: new Date('2025-12-09T10:00:00Z')
				}
			]
		});
		const { entries } = parseAtom(buildAtomFeed(retracted));
		const entry = entries.find((e) => e.id.endsWith('event:11'));
		expect(entry?.title['#text']).toMatch(/^Retracted: Russia says/);
		expect(new Date(entry!.updated) > new Date(entry!.published)).toBe(true);
	});

	it('leaves an unchanged event unflagged: updated equals published', () => {
		const { entries } = parseAtom(buildAtomFeed(input()));
		const entry = entries.find((e) => e.id.endsWith('event:11'));
		expect(terms(entry!)).not.toContain('correction');
		expect(entry?.updated).toBe(entry?.published);
	});
});

describe('JSON Feed', () => {
	it('is JSON Feed 1.1 with one item per event and article', () => {
		const feed = buildJsonFeed(input());
		expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
		expect(feed.feed_url).toBe(`${ORIGIN}/stories/russia-ukraine-peace-talks/feed.json`);
		expect(feed.items.map((item) => item._throughline.type).sort()).toEqual(['article', 'event']);
		const article = feed.items.find((item) => item._throughline.type === 'article');
		expect(article?.url).toBe(`${ORIGIN}/articles/4`);
		expect(article?.external_url).toBe('https://crbc.example/miami-day-3');
		expect(article?.date_modified).toBeUndefined();
	});

	it('marks a correction with date_modified and the _throughline extension', () => {
		const feed = buildJsonFeed(
			input({
				events: [event({ verification: 'confirmed', attribution: 'Ukraine’s air force' })],
				history: [
					...input().history,
					{
						eventId: 11,
						verification: 'confirmed',
						attribution: 'Ukraine’s air force',
						changedAt: new Date('2025-12-07T09:00:00Z')
					}
				]
			})
		);
		const item = feed.items.find((i) => i._throughline.type === 'event');
		expect(item?.title).toMatch(/^Correction: /);
		expect(item?.date_modified).toBe('2025-12-07T09:00:00.000Z');
		expect(item?._throughline).toEqual({
			type: 'event',
			kind: 'battlefield',
			verification: 'confirmed',
			attribution: 'Ukraine’s air force',
			correction: true
		});
	});

	it('keeps markup in content_html escaped', () => {
		const feed = buildJsonFeed(input({ events: [event({ description: PAYLOAD })] }));
		const html = feed.items.find((i) => i._throughline.type === 'event')?.content_html;
		expect(html).toContain('&lt;script&gt;');
		expect(html).not.toContain('<script');
	});
});
