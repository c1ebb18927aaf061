import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeed, FeedEncodingError } from '../../src/lib/server/subscriptions/decode';
import { FeedParseError, parseFeedDocument } from '../../src/lib/server/subscriptions/parse';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire &amp; Co</title><link>https://wire.example/</link><description>d</description>
<language>en-GB</language>
<item><title>Talks resume</title><link>https://wire.example/1</link>
<guid isPermaLink="false">wire-1</guid><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>
<description>Short</description><content:encoded><![CDATA[<p>Full <b>copy</b></p>]]></content:encoded></item>
<item><title>No guid</title><link>https://wire.example/2</link><description>Two</description></item>
</channel></rss>`;

describe('parseFeedDocument', () => {
	it('reads RSS items: guid, link, full content with the description as dek, date', () => {
		const feed = parseFeedDocument(RSS);
		expect(feed).toMatchObject({
			format: 'rss',
			title: 'Wire & Co',
			language: 'en-GB',
			skipped: 0
		});
		expect(feed.entries[0]).toEqual({
			key: 'wire-1',
			url: 'https://wire.example/1',
			title: 'Talks resume',
			body: '<p>Full <b>copy</b></p>',
			dek: 'Short',
			published: 'Tue, 10 Jun 2025 04:00:00 GMT'
		});
		expect(feed.entries[1]).toMatchObject({ key: 'https://wire.example/2', published: null });
	});

	it('reads Atom entries and JSON Feed items', () => {
		const atom = parseFeedDocument(`<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2025-01-01T00:00:00Z</updated>
<entry><id>urn:e1</id><title>Entry</title><link rel="alternate" href="https://a.example/e1"/>
<updated>2025-01-02T00:00:00Z</updated><content type="html">&lt;p&gt;hi&lt;/p&gt;</content></entry></feed>`);
		expect(atom.entries[0]).toMatchObject({
			key: 'urn:e1',
			url: 'https://a.example/e1',
			body: '<p>hi</p>',
			published: '2025-01-02T00:00:00Z'
		});
		const json = parseFeedDocument(
			JSON.stringify({
				version: 'https://jsonfeed.org/version/1.1',
				title: 'J',
				items: [
					{
						id: 'j1',
						url: 'https://j.example/1',
						title: 'T',
						content_text: 'x',
						date_published: '2025-01-01T00:00:00Z'
					}
				]
			})
		);
		expect(json.entries[0]).toMatchObject({
			key: 'j1',
			body: 'x',
			published: '2025-01-01T00:00:00Z'
		});
	});

	it('refuses a billion-laughs document before parsing it', () => {
		const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title><guid>x</guid></item></channel></rss>`;
		expect(() => parseFeedDocument(laughs)).toThrow(FeedParseError);
		expect(() => parseFeedDocument(laughs)).toThrow(/declares XML entities/);
	});

	it('refuses external entities too', () => {
		const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&x;</title></channel></rss>`;
		expect(() => parseFeedDocument(xxe)).toThrow(/declares XML entities/);
	});

	it('refuses entities behind a comment or processing instruction holding a tag', () => {
		const entities = `<!DOCTYPE r [<!ENTITY x "${'y'.repeat(10)}">]>`;
		const feed = `<rss version="2.0"><channel><title>&x;</title></channel></rss>`;
		for (const before of ['<!-- <b>tag</b> -->', '<?pi <tag>?>', '<!--<x-->\n']) {
			expect(() => parseFeedDocument(`${before}${entities}${feed}`), before).toThrow(
				/declares XML entities/
			);
		}
	});

	it('gives a clear error for malformed or unknown documents', () => {
		expect(() => parseFeedDocument('<html><body>Not a feed</body></html>')).toThrow(
			/Not a readable RSS, Atom or JSON feed/
		);
		expect(() => parseFeedDocument('{"hello": "world"}')).toThrow(FeedParseError);
		expect(() => parseFeedDocument('')).toThrow(FeedParseError);
	});

	it('reads at most maxItems items and says how many it skipped', () => {
		const items = Array.from(
			{ length: 5 },
			(_, i) => `<item><guid>g${i}</guid><title>t${i}</title></item>`
		);
		const feed = parseFeedDocument(
			`<rss version="2.0"><channel><title>x</title>${items.join('')}</channel></rss>`,
			3
		);
		expect(feed.entries.map((entry) => entry.key)).toEqual(['g0', 'g1', 'g2']);
		expect(feed.skipped).toBe(2);
	});
});

describe('decodeFeed', () => {
	const latin1 = iconv.encode(
		'<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Café</title></channel></rss>',
		'latin1'
	);

	it('honours the XML declaration when HTTP gives no charset', () => {
		expect(decodeFeed(latin1, 'application/rss+xml')).toContain('<title>Café</title>');
	});

	it('prefers the HTTP charset, and a byte-order mark over both', () => {
		const body = iconv.encode('<title>Zürich</title>', 'windows-1252');
		expect(decodeFeed(body, 'text/xml; charset="windows-1252"')).toBe('<title>Zürich</title>');
		const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<t>é</t>')]);
		expect(decodeFeed(withBom, 'text/xml; charset=iso-8859-1')).toBe('<t>é</t>');
	});

	it('defaults to UTF-8 and refuses encodings it does not know', () => {
		expect(decodeFeed(Buffer.from('{"title":"é"}'), 'application/feed+json')).toBe('{"title":"é"}');
		expect(() => decodeFeed(Buffer.from('x'), 'text/xml; charset=klingon-8')).toThrow(
			FeedEncodingError
		);
	});
});
