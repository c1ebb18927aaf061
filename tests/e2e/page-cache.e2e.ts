import { test, expect, type APIResponse } from '@playwright/test';
import { e2eDatabase } from '../support/e2e-database';

// The story page is kept rendered for the next reader of the same URL (http/page-cache.ts):
// what it must never do is serve an old page, or reuse a CSP nonce.
const SLUG = 'russia-ukraine-peace-talks';
const STORY = `/stories/${SLUG}`;
const TITLE = 'Page cache check: delegations meet in Geneva';

let db: ReturnType<typeof e2eDatabase>;

test.beforeAll(() => {
	db = e2eDatabase();
});

test.afterAll(async () => {
	await db`delete from events where title like 'Page cache check:%'`;
	await db?.end({ timeout: 5 });
});

async function served(response: APIResponse) {
	expect(response.status()).toBe(200);
	const html = await response.text();
	const nonces = [...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);
	const header = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];
	return { html, nonces, header };
}

test('the same story page is served again with a fresh nonce, and an edit shows at once', async ({
	request
}) => {
	const first = await served(await request.get(STORY));
	const second = await served(await request.get(STORY));
	expect(first.nonces.length).toBeGreaterThan(0);
	// Every inline script carries the nonce its response's CSP allows, a new one each time.
	for (const page of [first, second]) expect(new Set(page.nonces)).toEqual(new Set([page.header]));
	expect(second.header).not.toBe(first.header);
	const withoutNonce = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce=""');
	expect(withoutNonce(second.html)).toBe(withoutNonce(first.html));
	expect(first.html).not.toContain(TITLE);

	// Published straight into the database: the trigger's NOTIFY reaches the app's LISTEN, and the
	// next reader sees it.
	const [row] = await db<{ id: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision, time_zone, status)
		select id, 'meeting', ${TITLE}, '2025-12-07T08:00:00Z', 'day', 'Europe/Zurich', 'published'
		from stories where slug = ${SLUG}
		returning id`;
	// "At once" is as soon as the NOTIFY reaches the app, which can trail the commit by a few
	// milliseconds: a reader's request answered from memory (http/fast-path.ts) in between still
	// gets the page before the edit.
	const next = async () => (await served(await request.get(STORY))).html;
	await expect.poll(next, { timeout: 1_000, intervals: [25] }).toContain(TITLE);

	await db`update events set title = ${`${TITLE} (corrected)`} where id = ${row!.id}`;
	await expect.poll(next, { timeout: 1_000, intervals: [25] }).toContain(`${TITLE} (corrected)`);

	// A deletion announces nothing (story_changes records no removals): the kept page is checked
	// against the data again within PAGE_CACHE_CHECK_MS (2 s), not on every request.
	await db`delete from events where id = ${row!.id}`;
	await expect
		.poll(async () => (await served(await request.get(STORY))).html, { timeout: 4_000 })
		.not.toContain(TITLE);
});
