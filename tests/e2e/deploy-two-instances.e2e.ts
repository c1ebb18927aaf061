/**
 * The shipped deployment, for real: Debian's nginx with deploy/nginx/throughline.conf in front of
 * two app instances on one PostgreSQL (the machine's at 127.0.0.1:5432 in a fresh database, or
 * DEPLOY_TEST_DATABASE_URL's server). Needs `apt-get install -y nginx-light wrk`.
 */
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { freePort, startApp, type AppProcess } from '../support/app-process';
import { createApiToken, createUser, type TestUser } from '../support/desk-auth';
import { startNginx, type Nginx } from '../support/nginx';

const SLUG = 'russia-ukraine-peace-talks';
const EDGE_CACHE_SECONDS = 3;
/** What nginx adds; requests straight to an instance carry it too (ADDRESS_HEADER is set). */
const DIRECT = { 'x-forwarded-for': '127.0.0.1' };
const ADMIN_URL =
	process.env.DEPLOY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let dir: string;
let databaseName: string;
let db: postgres.Sql;
let appA: AppProcess;
let appB: AppProcess;
let portB: number;
let nginx: Nginx;
let feedServer: Server;
let feedHits = 0;
let purgeServer: Server;
const purges: { tags: string[] }[] = [];
let editor: TestUser;
let token: string;
let storyId: number;
let eventId: number;

function listen(server: Server): Promise<number> {
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port))
	);
}

function databaseUrl(name: string): string {
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	return url.toString();
}

function appEnv(nginxPort: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return {
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${nginxPort}`,
		ADDRESS_HEADER: 'X-Forwarded-For',
		XFF_DEPTH: '1',
		FEEDS_ALLOW_PRIVATE: '1',
		FEEDS_POLL_TICK_SECONDS: '1',
		EDGE_CACHE_SECONDS: String(EDGE_CACHE_SECONDS),
		SHUTDOWN_TIMEOUT: '10',
		// wrk is one client: the per-client rate limits would answer its load 429 by design.
		RATE_LIMIT: 'off',
		...extra
	};
}

async function startB(nginxPort: number): Promise<AppProcess> {
	return startApp({
		dataDir: path.join(dir, 'unused-b'),
		port: portB,
		databaseUrl: databaseUrl(databaseName),
		readyPath: `/stories/${SLUG}`,
		readyHeaders: DIRECT,
		env: appEnv(nginxPort, { SEED_DEMO: 'false' })
	});
}

async function eventVersion(id: number): Promise<number> {
	const [row] = await db<{ version: number }[]>`select version from events where id = ${id}`;
	return row!.version;
}

/** Saves a new title through the API of one instance, as an editor's tool would. */
async function saveTitle(baseUrl: string, title: string): Promise<void> {
	const response = await fetch(`${baseUrl}/api/v1/events/${eventId}`, {
		method: 'PATCH',
		headers: {
			...DIRECT,
			authorization: `Bearer ${token}`,
			'content-type': 'application/json',
			'if-match': `"${await eventVersion(eventId)}"`
		},
		body: JSON.stringify({ title })
	});
	expect(response.status, await response.clone().text()).toBe(200);
}

test.beforeAll(async () => {
	test.setTimeout(240_000);
	dir = mkdtempSync(path.join(tmpdir(), 'throughline-deploy-'));
	databaseName = `tl_deploy_${randomBytes(5).toString('hex')}`;
	const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${databaseName}"`);
	await admin.end();
	db = postgres(databaseUrl(databaseName), { max: 2, onnotice: () => {} });

	feedServer = createServer((_req, res) => {
		feedHits += 1;
		res.writeHead(200, { 'content-type': 'application/rss+xml' });
		res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
			<item><guid>wire-1</guid><title>Ceasefire talks resume</title><link>https://wire.example/1</link>
			<pubDate>Sat, 06 Dec 2025 10:00:00 GMT</pubDate><description>Delegations met again.</description></item>
			</channel></rss>`);
	});
	purgeServer = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			purges.push(JSON.parse(body) as { tags: string[] });
			res.writeHead(200).end();
		});
	});
	const purgePort = await listen(purgeServer);
	await listen(feedServer);

	const [portA, nginxPort] = [await freePort(), await freePort()];
	portB = await freePort();
	// A first: it migrates and loads the demo story; B then joins the same database.
	appA = await startApp({
		dataDir: path.join(dir, 'unused-a'),
		port: portA,
		databaseUrl: databaseUrl(databaseName),
		readyPath: `/stories/${SLUG}`,
		readyHeaders: DIRECT,
		env: appEnv(nginxPort, { PURGE_URL: `http://127.0.0.1:${purgePort}/purge` })
	});
	appB = await startB(nginxPort);
	nginx = await startNginx({
		port: nginxPort,
		upstreams: [portA, portB],
		dir: path.join(dir, 'nginx')
	});

	editor = await createUser(db, { role: 'editor' });
	token = await createApiToken(db, editor.id);
	const [row] = await db<{ storyId: number; eventId: number }[]>`
		select s.id as "storyId", e.id as "eventId" from stories s join events e on e.story_id = s.id
		where s.slug = ${SLUG} and e.status = 'published'
		-- The newest: a developing story's embed lists its latest events (limit 10, newest first).
		order by e.occurred_start desc, e.id desc limit 1`;
	storyId = row!.storyId;
	eventId = row!.eventId;
});

test.afterAll(async () => {
	await nginx?.stop();
	for (const app of [appA, appB]) {
		if (app && app.child.exitCode === null) {
			app.child.kill('SIGTERM');
			await app.exited;
		}
	}
	feedServer?.close();
	purgeServer?.close();
	await db?.end({ timeout: 5 });
	const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
	await admin.end();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test('an editor signs in and saves an event on the desk through nginx', async ({ page }) => {
	await page.goto(`${nginx.baseUrl}/desk/sign-in`);
	await page.getByLabel('Email').fill(editor.email);
	await page.getByLabel('Password', { exact: true }).fill(editor.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => url.pathname.replace(/\/$/, '') === '/desk');
	await page.goto(`${nginx.baseUrl}/desk/events/${eventId}`);
	await page.getByLabel('Title').fill('Saved through the proxy');
	await page.getByRole('button', { name: 'Save event' }).click();
	await expect
		.poll(async () => (await db`select title from events where id = ${eventId}`)[0]?.title)
		.toBe('Saved through the proxy');
});

/** An open live stream and everything it has received so far. */
async function openStream(url: string, headers: Record<string, string> = {}) {
	const controller = new AbortController();
	const response = await fetch(url, { headers, signal: controller.signal });
	expect(response.status).toBe(200);
	const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
	const stream = { text: '', close: async () => {} };
	const reading = (async () => {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return;
			stream.text += value;
		}
	})().catch(() => {});
	stream.close = async () => {
		controller.abort();
		await reading;
	};
	return stream;
}

test("a reader's live stream on instance B, and one through nginx, see an edit made on instance A within 2 s", async () => {
	const onB = await openStream(`${appB.baseUrl}/stories/${SLUG}/live`, DIRECT);
	// And through the proxy, which routes it to either instance (proxy_buffering off there; nginx
	// 1.22 happened to pass events promptly with buffering on too, so that is not what this checks).
	const proxied = await openStream(`${nginx.baseUrl}/stories/${SLUG}/live`);
	await sleep(300); // the streams are open and listening
	await saveTitle(appA.baseUrl, 'Edited on instance A');
	const saved = Date.now();
	const needle = `"id":${eventId},"change":"updated"`;
	const seen = () => onB.text.includes(needle) && proxied.text.includes(needle);
	while (!seen() && Date.now() - saved < 2000) await sleep(20);
	const seenAfter = Date.now() - saved;
	await onB.close();
	await proxied.close();
	expect(onB.text).toContain(needle);
	expect(proxied.text).toContain(needle);
	expect(seenAfter).toBeLessThan(2000);
});

test('a feed subscribed once is polled once, though both instances poll', async () => {
	const port = (feedServer.address() as { port: number }).port;
	const [feed] = await db<{ id: number }[]>`
		insert into feeds (url, source, poll_interval_seconds)
		values (${`http://127.0.0.1:${port}/feed.xml`}, 'Wire', 3600) returning id`;
	await expect.poll(() => feedHits, { timeout: 10_000 }).toBe(1);
	await sleep(3000); // three more ticks of each poller
	expect(feedHits).toBe(1);
	const polls = await db`select outcome from feed_polls where feed_id = ${feed!.id}`;
	expect(polls.map((poll) => poll.outcome)).toEqual(['ok']);
	const articles = await db`select id from articles where url = 'https://wire.example/1'`;
	expect(articles).toHaveLength(1);
});

test('the sign-in throttle counts the reader’s own address, not the proxy’s or a forged one', async () => {
	const email = `nobody-${randomBytes(4).toString('hex')}@example.test`;
	const url = new URL(`${nginx.baseUrl}/desk/sign-in`);
	const status = await new Promise<number>((resolve, reject) => {
		const req = httpRequest(
			{
				host: '127.0.0.1',
				port: url.port,
				path: url.pathname,
				method: 'POST',
				// Another loopback address than nginx's own connection to the app (127.0.0.1).
				localAddress: '127.0.0.2',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					origin: nginx.baseUrl,
					'x-forwarded-for': '198.51.100.7'
				}
			},
			(res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			}
		);
		req.on('error', reject);
		req.end(new URLSearchParams({ email, password: 'wrong password' }).toString());
	});
	expect(status).toBeLessThan(500);
	const attempts = await db<{ address: string }[]>`
		select client_address as address from sign_in_attempts where email = ${email}`;
	expect(attempts.map((attempt) => attempt.address)).toEqual(['127.0.0.2']);
});

test('nginx caches the story JSON and the embed, shows an edit within the edge lifetime, and the CDN is told once per change', async () => {
	const url = `${nginx.baseUrl}/api/v1/stories/${SLUG}`;
	const embed = `${nginx.baseUrl}/embed/stories/${SLUG}`;
	await fetch(embed);
	expect((await fetch(embed)).headers.get('x-cache-status')).toBe('HIT');
	await fetch(url);
	const cached = await fetch(url);
	expect(cached.headers.get('x-cache-status')).toBe('HIT');
	expect(cached.headers.get('cache-tag')).toBe(`story-${storyId}`);
	expect(cached.headers.get('surrogate-key')).toBe(`story-${storyId}`);
	expect(cached.headers.get('cache-control')).toContain(`s-maxage=${EDGE_CACHE_SECONDS}`);

	const [before] = await db<{ n: number }[]>`
		select count(*)::int as n from story_changes where story_id = ${storyId}`;
	const purgesBefore = purges.length;
	await saveTitle(appA.baseUrl, 'Seen through the cache');
	const saved = Date.now();
	// Still the cached copy right after the save: the cache is doing its job.
	expect(await (await fetch(url)).text()).not.toContain('Seen through the cache');
	let body = '';
	while (!body.includes('Seen through the cache') && Date.now() - saved < 15_000) {
		await sleep(250);
		body = await (await fetch(url)).text();
	}
	expect(body).toContain('Seen through the cache');
	expect(Date.now() - saved).toBeLessThan(EDGE_CACHE_SECONDS * 1000 + 4000);
	// The embed too, though the app keeps its own render for up to 5 s besides.
	let page = '';
	while (!page.includes('Seen through the cache') && Date.now() - saved < 20_000) {
		page = await (await fetch(embed)).text();
		if (!page.includes('Seen through the cache')) await sleep(250);
	}
	expect(page).toContain('Seen through the cache');
	expect(Date.now() - saved).toBeLessThan(EDGE_CACHE_SECONDS * 1000 + 5000 + 4000);

	const [after] = await db<{ n: number }[]>`
		select count(*)::int as n from story_changes where story_id = ${storyId}`;
	const changes = after!.n - before!.n;
	expect(changes).toBe(1);
	await expect.poll(() => purges.length - purgesBefore).toBe(changes);
	await sleep(500);
	expect(purges.slice(purgesBefore)).toEqual([{ tags: [`story-${storyId}`] }]);
});

test('a rolling restart under load through nginx loses no request', async () => {
	const script = path.join(dir, 'paths.lua');
	const paths = [
		`/stories/${SLUG}`,
		`/embed/stories/${SLUG}`,
		`/api/v1/stories/${SLUG}`,
		`/stories/${SLUG}/feed.json`,
		'/api/v1/events?limit=5'
	];
	writeFileSync(
		script,
		`local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local i = 0
request = function()
	i = i + 1
	return wrk.format("GET", paths[(i % #paths) + 1])
end
`
	);
	const wrk = spawn('wrk', ['-t2', '-c8', '-d10s', '-s', script, nginx.baseUrl], {
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let report = '';
	wrk.stdout.on('data', (chunk: Buffer) => (report += chunk.toString()));
	wrk.stderr.on('data', (chunk: Buffer) => (report += chunk.toString()));
	const finished = new Promise<number | null>((resolve) => wrk.on('exit', resolve));

	await sleep(2000);
	appB.child.kill('SIGTERM');
	const exit = await appB.exited;
	expect(exit.code, appB.output()).toBe(0);
	appB = await startB(Number(new URL(nginx.baseUrl).port));

	expect(await finished).toBe(0);
	const requests = Number(/(\d+) requests in/.exec(report)?.[1] ?? 0);
	expect(requests, report).toBeGreaterThan(100);
	expect(report).not.toMatch(/Non-2xx or 3xx responses/);
	expect(report).not.toMatch(/Socket errors/);
});
