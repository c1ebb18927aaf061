import http from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import * as feeds from '../../src/lib/server/db/feeds';
import { pollDue, pollFeed, type PollPolicy } from '../../src/lib/server/subscriptions/poller';

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let db: TestDatabase;
let server: http.Server;
let base: string;
const routes = new Map<string, Route>();
const requests: { path: string; ifNoneMatch?: string; ifModifiedSince?: string }[] = [];
let bigBytesSent = 0;

// The test server is on loopback: these polls allow it explicitly (one test checks the default).
const LOCAL: PollPolicy = { allowPrivate: true };

function rss(items: string, encoding = 'UTF-8'): string {
	return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0"><channel><title>Local Wire</title><link>http://wire.test/</link>
<description>Test</description>${items}</channel></rss>`;
}

function item(guid: string, title: string, date: string | null = 'Tue, 10 Jun 2025 04:00:00 GMT') {
	return `<item><guid>${guid}</guid><title>${title}</title><link>http://wire.test/${guid}</link>
${date ? `<pubDate>${date}</pubDate>` : ''}<description>&lt;p&gt;Copy of ${title}.&lt;/p&gt;</description></item>`;
}

function serve(path: string, route: Route) {
	routes.set(path, route);
	return `${base}${path}`;
}

async function subscribe(url: string): Promise<feeds.Feed> {
	const feed = await feeds.create({ url, source: 'Local Wire' }, db.sql);
	if (!feed) throw new Error('duplicate feed');
	return feed;
}

async function reload(feed: feeds.Feed): Promise<feeds.Feed> {
	const fresh = await feeds.get(feed.id, db.sql);
	if (!fresh) throw new Error('feed gone');
	return fresh;
}

async function articleCount(): Promise<number> {
	const [row] = await db.sql<{ count: number }[]>`select count(*)::int as count from articles`;
	return row?.count ?? 0;
}

beforeAll(async () => {
	db = await createTestDatabase({});
	server = http.createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0] ?? '/';
		requests.push({
			path,
			ifNoneMatch: req.headers['if-none-match'],
			ifModifiedSince: req.headers['if-modified-since']
		});
		const route = routes.get(path);
		if (route) route(req, res);
		else res.writeHead(404).end('not found');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
	await db.drop();
});

describe('polling a feed', () => {
	it('ingests new items once and uses conditional GET (304) afterwards', async () => {
		let body = rss(item('a1', 'First') + item('a2', 'Second'));
		let etag = '"v1"';
		const url = serve('/conditional.xml', (req, res) => {
			if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
			res.writeHead(200, {
				'content-type': 'application/rss+xml',
				etag,
				'last-modified': 'Tue, 10 Jun 2025 05:00:00 GMT'
			});
			res.end(body);
		});
		let feed = await subscribe(url);
		const before = await articleCount();

		const first = await pollFeed(feed, db.sql, LOCAL);
		expect(first).toMatchObject({ outcome: 'ok', httpStatus: 200, itemsSeen: 2, itemsNew: 2 });
		expect(await articleCount()).toBe(before + 2);
		feed = await reload(feed);
		expect(feed).toMatchObject({ etag: '"v1"', title: 'Local Wire', lastError: null });

		const second = await pollFeed(feed, db.sql, LOCAL);
		expect(second).toMatchObject({ outcome: 'not_modified', httpStatus: 304 });
		expect(requests.filter((r) => r.path === '/conditional.xml').at(-1)).toMatchObject({
			ifNoneMatch: '"v1"',
			ifModifiedSince: 'Tue, 10 Jun 2025 05:00:00 GMT'
		});

		// A changed feed repeating old items: only the new one is taken in.
		body = rss(item('a3', 'Third') + item('a2', 'Second') + item('a1', 'First'));
		etag = '"v2"';
		const third = await pollFeed(await reload(feed), db.sql, LOCAL);
		expect(third).toMatchObject({ outcome: 'ok', itemsSeen: 3, itemsNew: 1 });
		expect(await articleCount()).toBe(before + 3);

		const polls = await feeds.polls(feed.id, 10, db.sql);
		expect(polls.map((p) => p.outcome)).toEqual(['ok', 'not_modified', 'ok']);
		const [stored] = await db.sql<{ bodyHtml: string; source: string }[]>`
			select body_html, source from articles where url = 'http://wire.test/a1'`;
		expect(stored).toEqual({ bodyHtml: '<p>Copy of First.</p>', source: 'Local Wire' });
	});

	it('records items without a date as skipped and takes in the rest', async () => {
		const url = serve('/undated.xml', (_req, res) => {
			res.writeHead(200, { 'content-type': 'text/xml' });
			res.end(
				rss(item('u1', 'Undated', null) + item('u2', 'Dated') + item('u3', 'Bad date', 'someday'))
			);
		});
		const result = await pollFeed(await subscribe(url), db.sql, LOCAL);
		expect(result).toMatchObject({ outcome: 'ok', itemsSeen: 3, itemsNew: 1 });
		expect(result.error).toContain('"Undated": no publication date');
		expect(result.error).toContain('"Bad date": publishedAt');
	});

	it('decodes an ISO-8859-1 feed by its XML declaration', async () => {
		const url = serve('/latin1.xml', (_req, res) => {
			res.writeHead(200, { 'content-type': 'application/xml' });
			res.end(iconv.encode(rss(item('l1', 'Café in Zürich'), 'ISO-8859-1'), 'latin1'));
		});
		const result = await pollFeed(await subscribe(url), db.sql, LOCAL);
		expect(result.itemsNew).toBe(1);
		const [row] = await db.sql<{ headline: string }[]>`
			select headline from articles where url = 'http://wire.test/l1'`;
		expect(row?.headline).toBe('Café in Zürich');
	});

	it('records malformed feeds, billion laughs and HTTP errors on the feed, storing nothing', async () => {
		const bad = {
			'/malformed.xml': '<rss><channel><item><title>unclosed',
			'/html.xml': '<!doctype html><html><body>Not a feed</body></html>',
			'/laughs.xml': `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>${rss(item('x', '&lol1;'))}`
		};
		const before = await articleCount();
		for (const [path, body] of Object.entries(bad)) {
			const feed = await subscribe(serve(path, (_req, res) => res.writeHead(200).end(body)));
			const result = await pollFeed(feed, db.sql, LOCAL);
			expect(result.outcome, path).toBe('error');
			expect((await reload(feed)).lastError, path).toBe(result.error);
		}
		const laughs = await feeds.list(db.sql);
		expect(laughs.find((f) => f.url.endsWith('/laughs.xml'))?.lastError).toMatch(
			/declares XML entities/
		);
		const gone = await pollFeed(await subscribe(`${base}/missing.xml`), db.sql, LOCAL);
		expect(gone).toMatchObject({ outcome: 'error', error: 'The server answered HTTP 404.' });
		expect(await articleCount()).toBe(before);
	});

	it('aborts a 50 MB feed once it passes 5 MB', async () => {
		const url = serve('/huge.xml', (_req, res) => {
			res.writeHead(200, { 'content-type': 'application/rss+xml' });
			const chunk = Buffer.alloc(64 * 1024, 'x');
			const write = () => {
				while (bigBytesSent < 50 * 1024 * 1024) {
					bigBytesSent += chunk.length;
					if (!res.write(chunk)) return void res.once('drain', write);
				}
				res.end();
			};
			res.on('close', () => res.removeAllListeners('drain'));
			write();
		});
		const result = await pollFeed(await subscribe(url), db.sql, LOCAL);
		expect(result).toMatchObject({ outcome: 'error', error: 'The feed is larger than 5 MB.' });
		expect(bigBytesSent).toBeLessThan(20 * 1024 * 1024);
	});

	it('gives up on a feed that does not answer in time', async () => {
		const url = serve('/slow.xml', () => {
			/* never answers */
		});
		const result = await pollFeed(await subscribe(url), db.sql, { ...LOCAL, timeoutMs: 300 });
		expect(result).toMatchObject({ outcome: 'error', error: 'No complete answer within 0.3 s.' });
	});

	it('follows at most five redirects', async () => {
		serve('/loop.xml', (_req, res) => res.writeHead(302, { location: '/loop.xml' }).end());
		const result = await pollFeed(await subscribe(`${base}/loop.xml`), db.sql, LOCAL);
		expect(result).toMatchObject({ outcome: 'error', error: 'More than 5 redirects.' });
	});
});

describe('address policy', () => {
	it('refuses a loopback feed when private addresses are not allowed', async () => {
		const saved = process.env.FEEDS_ALLOW_PRIVATE;
		delete process.env.FEEDS_ALLOW_PRIVATE;
		try {
			const url = serve('/private.xml', (_req, res) => res.writeHead(200).end(rss(item('p', 'P'))));
			const result = await pollFeed(await subscribe(url), db.sql);
			expect(result.outcome).toBe('error');
			expect(result.error).toBe(
				'127.0.0.1 resolves to 127.0.0.1, which is not a public address: refused.'
			);
			const viaName = await pollFeed(
				await subscribe(url.replace('127.0.0.1', 'localhost')),
				db.sql
			);
			expect(viaName.error).toMatch(/^localhost resolves to .*not a public address: refused\.$/);
		} finally {
			if (saved !== undefined) process.env.FEEDS_ALLOW_PRIVATE = saved;
		}
	});

	it('refuses a redirect to a private address, checking every hop', async () => {
		// Treat the test server as the public first hop; the redirect target is link-local.
		const policy: PollPolicy = { isAllowedAddress: (address) => address === '127.0.0.1' };
		const url = serve('/to-metadata.xml', (_req, res) =>
			res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end()
		);
		const feed = await subscribe(url);
		const result = await pollFeed(feed, db.sql, policy);
		expect(result.error).toBe(
			'169.254.169.254 resolves to 169.254.169.254, which is not a public address: refused.'
		);
		expect((await reload(feed)).lastError).toBe(result.error);
	});

	it('refuses non-http schemes', async () => {
		const feed = await subscribe(
			serve('/to-file.xml', (_req, res) =>
				res.writeHead(302, { location: 'file:///etc/passwd' }).end()
			)
		);
		const result = await pollFeed(feed, db.sql, LOCAL);
		expect(result.error).toBe('Only http and https feeds are fetched, not file:');
	});
});

describe('claiming due feeds', () => {
	it('lets only one of two concurrent pollers claim a feed, and polls it once', async () => {
		await db.sql`update feeds set next_poll_at = now() + interval '1 day'`;
		const url = serve('/claimed.xml', (_req, res) =>
			res.writeHead(200).end(rss(item('c1', 'Claimed')))
		);
		const feed = await subscribe(url);
		const claims = await Promise.all([feeds.claimDue(db.sql), feeds.claimDue(db.sql)]);
		expect(claims.filter(Boolean).map((f) => f?.id)).toEqual([feed.id]);
		expect(await feeds.claimDue(db.sql)).toBeUndefined();

		await db.sql`update feeds set next_poll_at = now() where id = ${feed.id}`;
		const polled = await Promise.all([pollDue(db.sql, LOCAL), pollDue(db.sql, LOCAL)]);
		expect(polled[0] + polled[1]).toBe(1);
		expect((await feeds.polls(feed.id, 10, db.sql)).length).toBe(1);
	});

	it('skips paused feeds', async () => {
		await db.sql`update feeds set next_poll_at = now() + interval '1 day'`;
		const feed = await subscribe(
			serve('/paused.xml', (_req, res) => res.writeHead(200).end(rss('')))
		);
		await feeds.setDisabled(feed.id, true, db.sql);
		expect(await feeds.claimDue(db.sql)).toBeUndefined();
		await feeds.setDisabled(feed.id, false, db.sql);
		expect((await feeds.claimDue(db.sql))?.id).toBe(feed.id);
	});
});
