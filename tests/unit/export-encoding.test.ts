/**
 * The export rule (src/lib/format/export-text.ts), field by field: a hostile value in every text
 * the database holds comes out of each export escaped (markup fields) or as plain text (text
 * fields), never as a tag a consumer would render.
 */
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { asHtml, asText } from '../../src/lib/format/export-text';
import { toTimelineJs } from '../../src/lib/timelinejs/export';
import { buildJsonFeed } from '../../src/lib/server/feeds/json-feed';
import { buildAtomFeed } from '../../src/lib/server/feeds/atom';
import { buildOEmbed } from '../../src/lib/embed/oembed';
import type { StoryFeedInput } from '../../src/lib/server/feeds/entries';
import { PLAIN_EVENT, type TimelineEvent } from '../../src/lib/types';

const HOSTILE = `<img src=x onerror=alert(1)> "q" & 'a' <<b>script>x</script>`;
const ORIGIN = 'https://timelines.example';
const TAG = /<[a-z!/?]/i;

const event: TimelineEvent = {
	id: 3,
	storyId: 1,
	...PLAIN_EVENT,
	kind: 'statement',
	title: HOSTILE,
	description: HOSTILE,
	occurredStart: new Date('2025-12-05T21:00:00Z'),
	occurredEnd: null,
	precision: 'day',
	timeZone: 'Europe/Moscow',
	placeName: HOSTILE,
	latitude: null,
	longitude: null,
	firstReportedAt: new Date('2025-12-06T18:30:00Z'),
	attribution: HOSTILE,
	verification: 'claimed',
	status: 'published',
	version: 1,
	sources: [
		{
			articleId: 4,
			headline: HOSTILE,
			source: HOSTILE,
			url: 'https://crbc.example/a',
			publishedAt: new Date('2025-12-06T18:30:00Z'),
			evidence: HOSTILE
		}
	]
};

const feedInput: StoryFeedInput = {
	origin: ORIGIN,
	story: {
		id: 1,
		slug: 'talks',
		title: HOSTILE,
		summary: HOSTILE,
		publishedAt: new Date('2025-12-03T08:00:00Z'),
		updatedAt: new Date('2025-12-06T18:30:00Z')
	},
	events: [event],
	articles: [
		{
			id: 4,
			source: HOSTILE,
			section: HOSTILE,
			headline: HOSTILE,
			dek: HOSTILE,
			url: 'https://crbc.example/a',
			publishedAt: new Date('2025-12-06T18:30:00Z'),
			demo: false
		}
	],
	history: []
};

/** A markup field: the hostile text shows escaped, and no tag but ours opens. */
function expectMarkup(value: string | undefined) {
	expect(value).toBeDefined();
	expect(value).not.toMatch(/<(img|script|b)\b/i);
	expect(value).toContain('&lt;img src=x onerror=alert(1)&gt;');
}

/** A text field: nothing tag-like left. */
function expectText(value: string | null | undefined) {
	expect(value).toBeTruthy();
	expect(value).not.toMatch(TAG);
}

describe('TimelineJS export', () => {
	const doc = toTimelineJs(
		{ title: HOSTILE, summary: HOSTILE, url: `${ORIGIN}/stories/talks` },
		[event],
		new Map([[event.id, HOSTILE]])
	);
	const slide = doc.events[0]!;
	it.each([
		['title headline', doc.title.text.headline],
		['title text', doc.title.text.text],
		['event headline', slide.text.headline],
		['event text', slide.text.text],
		['event group (imported)', slide.group]
	])('%s is escaped markup', (_field, value) => expectMarkup(value));

	it('display_date carries no tag', () => {
		expect(slide.display_date).not.toMatch(TAG);
	});
});

describe('JSON Feed', () => {
	const feed = buildJsonFeed(feedInput);
	const eventItem = feed.items.find((item) => item._throughline.type === 'event')!;
	const articleItem = feed.items.find((item) => item._throughline.type === 'article')!;
	it.each([
		['feed title', feed.title],
		['feed description', feed.description],
		['event title', eventItem.title],
		['event summary', eventItem.summary],
		[
			'event attribution',
			eventItem._throughline.type === 'event' ? eventItem._throughline.attribution : null
		],
		['article title', articleItem.title],
		['article summary', articleItem.summary]
	])('%s is text', (_field, value) => expectText(value));

	it.each([
		['event content_html', eventItem.content_html],
		['article content_html', articleItem.content_html]
	])('%s is escaped markup', (_field, value) => expectMarkup(value));
});

describe('Atom feed', () => {
	const xml = buildAtomFeed(feedInput);
	const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
	type Text = { '#text': string };
	const doc = parser.parse(xml) as {
		feed: { title: Text; subtitle: Text; entry: { title: Text; summary: Text; content: Text }[] };
	};
	const [first, second] = doc.feed.entry;
	it('is well-formed', () => expect(XMLValidator.validate(xml)).toBe(true));
	it.each([
		['feed title', doc.feed.title['#text']],
		['feed subtitle', doc.feed.subtitle['#text']],
		['first entry title', first?.title['#text']],
		['first entry summary', first?.summary['#text']],
		['second entry title', second?.title['#text']],
		['second entry summary', second?.summary['#text']]
	])('%s is text', (_field, value) => expectText(value));
	it.each([
		['first entry content', first?.content['#text']],
		['second entry content', second?.content['#text']]
	])('%s (type="html") is escaped markup', (_field, value) => expectMarkup(value));
});

describe('oEmbed', () => {
	const body = buildOEmbed({
		origin: ORIGIN,
		slug: 'talks',
		title: HOSTILE,
		query: '',
		maxWidth: null,
		maxHeight: null
	});
	it('title is text', () => expectText(body.title));
	it('html is one iframe with the title escaped', () => {
		expectMarkup(body.html);
		expect(body.html.match(/</g)).toHaveLength(2);
	});
});

describe('asText and asHtml', () => {
	it('leave no tag in any string', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: fc.constantFrom('<', '>', 'b', 'i', '/', '!', ' ', 'x', '"') }),
				(s) => {
					expect(asText(s)).not.toMatch(TAG);
					expect(asHtml(s)).not.toMatch(/[<>"]/);
				}
			)
		);
	});

	it('keep ordinary text as it is', () => {
		expect(asText('Talks & “progress” in Miami, 3 > 2')).toBe('Talks & “progress” in Miami, 3 > 2');
		expect(asText('Bad\u0000 byte')).toBe('Bad byte');
	});
});
