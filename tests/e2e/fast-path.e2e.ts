import { expect, test } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import postgres from 'postgres';
import { freePort, startApp, type AppProcess } from '../support/app-process';

// The fast path (src/lib/server/http/fast-path.ts, scripts/start.js) answers kept story pages,
// embeds and story JSON before SvelteKit. What must hold: the same headers as SvelteKit's
// answer, a fresh CSP nonce per page, 304s, an edit shown as soon as its NOTIFY arrives, and
// never a draft or a signed-in caller's answer. An app of its own, on the machine's PostgreSQL,
// whose access log says which answers the fast path gave (`"fast":true`).
const ADMIN_URL =
	process.env.DEPLOY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SLUG = 'russia-ukraine-peace-talks';
const PAGE = `/stories/${SLUG}`;
const EMBED = `/embed/stories/${SLUG}`;
const JSON_PATH = `/api/v1/stories/${SLUG}`;
const FEED = `/stories/${SLUG}/feed.atom`;
const API_LIMIT = 60;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let app: AppProcess;
let db: postgres.Sql;
let databaseName: string;

function databaseUrl(name: string): string {
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	return url.toString();
}

interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	text: string;
	/** The fast path gave it (the access log line of its request id says so). */
	fast: boolean;
}

/** One request as a reader's client sends it (gzip accepted), with its own request id. */
async function get(
	path: string,
	headers: Record<string, string> = {},
	method = 'GET'
): Promise<Answer> {
	const requestId = `fast-path-test-${randomUUID()}`;
	const { status, raw, responseHeaders } = await new Promise<{
		status: number;
		raw: Buffer;
		responseHeaders: http.IncomingHttpHeaders;
	}>((resolve, reject) => {
		http
			.request(
				app.baseUrl + path,
				{ method, headers: { 'accept-encoding': 'gzip', 'x-request-id': requestId, ...headers } },
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('end', () =>
						resolve({
							status: res.statusCode ?? 0,
							raw: Buffer.concat(chunks),
							responseHeaders: res.headers
						})
					);
				}
			)
			.on('error', reject)
			.end();
	});
	const text =
		responseHeaders['content-encoding'] === 'gzip' && raw.byteLength
			? gunzipSync(raw).toString()
			: raw.toString();
	// The access line is written asynchronously, just after the answer.
	let line: string | undefined;
	for (let waited = 0; !line && waited < 2_000; waited += 25) {
		line = app
			.output()
			.split('\n')
			.find((l) => l.includes(`"requestId":"${requestId}"`));
		if (!line) await new Promise((resolve) => setTimeout(resolve, 25));
	}
	expect(line, `an access log line for ${path}`).toBeDefined();
	expect(responseHeaders['x-request-id']).toBe(requestId);
	return { status, headers: responseHeaders, text, fast: line!.includes('"fast":true') };
}

/**
 * Asks until the fast path answers (the first answer fills it). A story found missing is kept
 * missing for a few seconds by the embed's own cache (5 s), hence the patience.
 */
async function kept(path: string, headers: Record<string, string> = {}): Promise<Answer> {
	for (let waited = 0; waited < 8_000; waited += 200) {
		const answer = await get(path, headers);
		if (answer.fast) return answer;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${path} was never answered by the fast path`);
}

test.beforeAll(async () => {
	test.setTimeout(240_000);
	databaseName = `tl_fast_${randomBytes(5).toString('hex')}`;
	const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${databaseName}"`);
	await admin.end();
	db = postgres(databaseUrl(databaseName), { max: 1, onnotice: () => {} });
	app = await startApp({
		dataDir: '/nonexistent-unused',
		port: await freePort(),
		databaseUrl: databaseUrl(databaseName),
		readyPath: PAGE,
		env: {
			LOG_LEVEL: 'info',
			RATE_LIMIT: 'on',
			RATE_LIMIT_API: String(API_LIMIT),
			// Kept answers are checked again only this rarely: an edit must show by its NOTIFY.
			PAGE_CACHE_CHECK_MS: '600000'
		}
	});
});

test.afterAll(async () => {
	if (app && app.child.exitCode === null) {
		app.child.kill('SIGTERM');
		await app.exited;
	}
	await db?.end({ timeout: 5 });
	const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
	await admin.end();
});

test('story JSON, embed and feed come from memory with every header, 304 and HEAD', async () => {
	for (const path of [JSON_PATH, EMBED, FEED]) {
		const first = await get(path);
		const again = await kept(path);
		expect(again.status).toBe(200);
		expect(again.text).toBe(first.text);
		for (const name of [
			'content-security-policy',
			'cache-tag',
			'etag',
			'vary',
			'cache-control',
			'content-type'
		])
			expect(again.headers[name], name).toBe(first.headers[name]);
		expect(again.headers['content-encoding']).toBe('gzip');
		expect(again.headers['x-content-type-options']).toBe('nosniff');
		expect(again.headers['cache-tag']).toMatch(/^story-\d+$/);

		const revalidated = await get(path, { 'if-none-match': again.headers.etag! });
		expect(revalidated).toMatchObject({ status: 304, text: '', fast: true });
		expect(revalidated.headers.etag).toBe(again.headers.etag);

		const head = await get(path, {}, 'HEAD');
		expect(head).toMatchObject({ status: 200, text: '', fast: true });
		expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
	}
	// Without gzip, the plain bytes (a variant of its own).
	const plain = await kept(JSON_PATH, { 'accept-encoding': 'identity' });
	expect(plain.headers['content-encoding']).toBeUndefined();
	expect(JSON.parse(plain.text)).toMatchObject({ slug: SLUG });
});

test('a story page from memory carries a fresh nonce, named by its CSP, every time', async () => {
	const first = await kept(PAGE);
	const second = await kept(PAGE);
	const nonces = (answer: Answer) => ({
		header: /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))?.[1],
		body: new Set([...answer.text.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))
	});
	for (const answer of [first, second]) {
		const { header, body } = nonces(answer);
		expect(header).toBeTruthy();
		expect(body).toEqual(new Set([header]));
		expect(answer.headers['x-frame-options']).toBe('DENY');
		expect(answer.headers.vary).toBe('Accept-Encoding');
		expect(String(answer.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
	}
	expect(nonces(second).header).not.toBe(nonces(first).header);
	const withoutNonce = (html: string) => html.replace(/nonce="[^"]+"/g, '');
	expect(withoutNonce(second.text)).toBe(withoutNonce(first.text));
});

test('an edit to the story row shows at once; an unpublished story is never served', async () => {
	for (const path of [PAGE, EMBED, JSON_PATH]) await kept(path);
	const title = `Peace talks, renamed ${randomBytes(3).toString('hex')}`;
	await db`update stories set title = ${title} where slug = ${SLUG}`;
	for (const path of [PAGE, EMBED, JSON_PATH]) {
		// Within the time its NOTIFY takes to arrive, not the (ten-minute) check interval.
		await expect.poll(async () => (await get(path)).text, { timeout: 2_000 }).toContain(title);
		expect((await kept(path)).text).toContain(title);
	}

	await db`update stories set publication = 'draft' where slug = ${SLUG}`;
	try {
		for (const path of [PAGE, EMBED, JSON_PATH]) {
			await expect.poll(async () => (await get(path)).status, { timeout: 2_000 }).toBe(404);
			const again = await get(path);
			expect(again.status).toBe(404);
			expect(again.fast).toBe(false);
		}
	} finally {
		await db`update stories set publication = 'published' where slug = ${SLUG}`;
	}
	await expect.poll(async () => (await get(PAGE)).status, { timeout: 2_000 }).toBe(200);
});

test('a request with a session cookie or a token is never answered from memory', async () => {
	for (const path of [PAGE, EMBED, JSON_PATH]) {
		await kept(path);
		const signedIn = await get(path, { cookie: 'throughline_session=not-a-real-session' });
		expect(signedIn.fast).toBe(false);
		const token = await get(path, { authorization: 'Bearer not-a-real-token' });
		expect(token.fast).toBe(false);
	}
});

test('the public API rate limit counts answers from memory', async () => {
	const statuses: number[] = [];
	for (let i = 0; i < API_LIMIT + 5; i++) statuses.push((await get(JSON_PATH)).status);
	expect(statuses).toContain(429);
	expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(API_LIMIT);
});
