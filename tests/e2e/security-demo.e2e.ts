/**
 * The probe's findings that need the app started with settings of their own (issue 15): the
 * demo editor on a fresh database, local and public origins, sign-in throttling by network
 * (the app trusts X-Forwarded-For here, so a test can be many clients), rate limits and HSTS.
 * Each start is the built app on one embedded PostgreSQL in a folder of this file's.
 */
import { expect, test } from '@playwright/test';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startApp, type AppProcess } from '../support/app-process';
import { e2eDatabase } from '../support/e2e-database';

test.describe.configure({ mode: 'serial' });

const PUBLIC_ORIGIN = 'https://timelines.example';
let root: string;
let dataDir: string;
let app: AppProcess | undefined;
let demoPassword = '';

test.beforeAll(() => {
	root = mkdtempSync(path.join(tmpdir(), 'tl-security-demo-'));
	chmodSync(root, 0o755); // as root the embedded server runs as postgres, which must enter it
	dataDir = path.join(root, 'pg');
});

async function stop() {
	if (!app) return;
	app.child.kill('SIGTERM');
	await app.exited;
	app = undefined;
}

test.afterAll(async () => {
	await stop();
	rmSync(root, { recursive: true, force: true });
});

/** The desk's sign-in form, posted as a browser on `origin` would, from client `from`. */
function signIn(base: string, origin: string, from: string, email: string, password: string) {
	return fetch(`${base}/desk/sign-in`, {
		method: 'POST',
		body: new URLSearchParams({ email, password }),
		headers: { origin, accept: 'text/html', 'x-forwarded-for': from },
		redirect: 'manual'
	});
}

test('on a fresh local demo the editor’s password is in the terminal only, and it works', async () => {
	test.setTimeout(240_000);
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	app = await startApp({
		dataDir,
		port,
		readyPath: '/stories/russia-ukraine-peace-talks',
		env: {
			ORIGIN: origin,
			ADDRESS_HEADER: 'x-forwarded-for',
			RATE_LIMIT_OEMBED: '3',
			RATE_LIMIT_API: '5'
		}
	});
	const printed = /demo editor: (\S+) \/ (\S+)/.exec(app.output());
	expect(printed?.[1]).toBe('editor@demo.throughline.test');
	demoPassword = printed?.[2] ?? '';
	expect(demoPassword).toMatch(/^[a-z2-7]{16}$/);

	const page = await (await fetch(`${app.baseUrl}/desk/sign-in`)).text();
	expect(page).toContain('editor@demo.throughline.test');
	expect(page).not.toContain(demoPassword);
	const db = e2eDatabase(dataDir);
	try {
		const [row] = await db<{ n: number }[]>`
			select count(*)::int as n from audit_log where coalesce(after::text, '') like ${`%${demoPassword}%`}`;
		expect(row?.n).toBe(0);
	} finally {
		await db.end();
	}
	const response = await signIn(app.baseUrl, origin, '198.51.100.1', printed![1]!, demoPassword);
	expect(response.status).toBe(303);
	expect(response.headers.get('location')).toBe('/desk');
});

test('a guesser rotating through an IPv6 /64 is slowed, and the account’s owner still gets in', async () => {
	const origin = `http://localhost:${new URL(app!.baseUrl).port}`;
	const email = 'editor@demo.throughline.test';
	const statuses: number[] = [];
	let retryAfter: string | null = null;
	for (let i = 1; i <= 6; i += 1) {
		const response = await signIn(
			app!.baseUrl,
			origin,
			`2001:db8:aa:bb::${i}`,
			email,
			`guess ${i}`
		);
		statuses.push(response.status);
		retryAfter ??= response.headers.get('retry-after');
	}
	expect(statuses).toEqual([400, 400, 400, 429, 429, 429]);
	expect(Number(retryAfter)).toBeGreaterThan(0);
	// The probe locked the account with five requests; its owner, from home, is not locked out.
	const owner = await signIn(app!.baseUrl, origin, '198.51.100.1', email, demoPassword);
	expect(owner.status).toBe(303);
});

test('the public API answers 429 with Retry-After past its rate limit, per client', async () => {
	const get = (from: string) =>
		fetch(`${app!.baseUrl}/api/v1/stories`, { headers: { 'x-forwarded-for': from } });
	const statuses: number[] = [];
	for (let i = 0; i < 6; i += 1) statuses.push((await get('2001:db8:cc:dd::1')).status);
	expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
	// The same /64 is the same client; another network is not.
	const same = await get('2001:db8:cc:dd::99');
	expect(same.status).toBe(429);
	expect(Number(same.headers.get('retry-after'))).toBeGreaterThan(0);
	expect((await get('2001:db8:cc:de::1')).status).toBe(200);
});

test('oEmbed answers 429 with Retry-After past its rate limit', async () => {
	const url = encodeURIComponent(
		`http://localhost:${new URL(app!.baseUrl).port}/stories/russia-ukraine-peace-talks`
	);
	const statuses: number[] = [];
	let retryAfter: string | null = null;
	for (let i = 0; i < 4; i += 1) {
		const response = await fetch(`${app!.baseUrl}/oembed?url=${url}`, {
			headers: { 'x-forwarded-for': '203.0.113.50' }
		});
		statuses.push(response.status);
		retryAfter = response.headers.get('retry-after');
	}
	expect(statuses).toEqual([200, 200, 200, 429]);
	expect(Number(retryAfter)).toBeGreaterThan(0);
	// Another client is not affected.
	const other = await fetch(`${app!.baseUrl}/oembed?url=${url}`, {
		headers: { 'x-forwarded-for': '203.0.113.51' }
	});
	expect(other.status).toBe(200);
	await stop();
});

test('a demo on a public origin refuses to start without DEMO_PUBLIC=1', async () => {
	test.setTimeout(120_000);
	const started = startApp({
		dataDir,
		port: await freePort(),
		env: { ORIGIN: PUBLIC_ORIGIN, SEED_DEMO: 'true' },
		timeoutMs: 90_000
	});
	await expect(started).rejects.toThrow(/exited before it was ready[\s\S]*DEMO_PUBLIC=1/);
});

test('with DEMO_PUBLIC=1 it starts with no demo editor, the old password dead, and HSTS everywhere', async () => {
	test.setTimeout(240_000);
	app = await startApp({
		dataDir,
		port: await freePort(),
		readyPath: '/stories/russia-ukraine-peace-talks',
		env: { ORIGIN: PUBLIC_ORIGIN, SEED_DEMO: 'true', DEMO_PUBLIC: '1' }
	});
	expect(app.output()).not.toContain('demo editor:');
	const page = await fetch(`${app.baseUrl}/desk/sign-in`);
	expect(await page.text()).not.toContain('Demo database');
	const old = await signIn(
		app.baseUrl,
		PUBLIC_ORIGIN,
		'198.51.100.1',
		'editor@demo.throughline.test',
		demoPassword
	);
	expect(old.status).toBe(400);

	for (const file of ['/', '/stories/russia-ukraine-peace-talks', '/embed.js', '/desk/sign-in']) {
		const response = await fetch(app.baseUrl + file, { redirect: 'manual' });
		expect(response.headers.get('strict-transport-security'), file).toBe('max-age=31536000');
	}
	await stop();
});
