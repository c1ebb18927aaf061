/**
 * The security probe's findings (issue 15), replayed against the built app. Each test is one
 * finding; security-demo.e2e.ts replays those that need an app started with other settings.
 */
import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { e2eDatabase } from '../support/e2e-database';
import { createApiToken, createUser, signIn } from '../support/desk-auth';

const db = e2eDatabase();
test.afterAll(async () => {
	await db.end();
});

const tag = () => randomBytes(4).toString('hex');

async function story(title: string, publication: 'draft' | 'published' = 'published') {
	const [row] = await db<{ id: number; slug: string; version: number }[]>`
		insert into stories (slug, title, publication, published_at)
		values (${`probe-${tag()}`}, ${title}, ${publication},
			${publication === 'published' ? new Date() : null})
		returning id, slug, version`;
	return row!;
}

async function event(storyId: number, title: string, groupLabel: string | null = null) {
	const [row] = await db<{ id: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision, status, group_label)
		values (${storyId}, 'statement', ${title}, '2025-12-05T12:00:00Z', 'day', 'published',
			${groupLabel})
		returning id`;
	return row!.id;
}

async function latestRevision(storyId: number): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		select max(story_revision)::int as n from revisions where story_id = ${storyId}`;
	return row!.n;
}

test('a pinned embed shows nothing of a revision readers could not see: no embargoed title, no deleted event', async ({
	request
}) => {
	const pinned = await story('EMBARGOED: minister resigns', 'draft');
	await event(pinned.id, 'Resignation letter sent');
	const embargoed = await latestRevision(pinned.id);
	await db`update stories set title = 'Minister resigns', publication = 'published',
		published_at = now(), version = version + 1 where id = ${pinned.id}`;
	const withdrawn = await event(pinned.id, 'Later withdrawn');
	const beforeDeletion = await latestRevision(pinned.id);
	await db`update events set deleted_at = now() where id = ${withdrawn}`;

	for (let version = 1; version <= embargoed; version += 1) {
		const response = await request.get(`/embed/stories/${pinned.slug}?version=${version}`);
		expect(response.status(), `version ${version}`).toBe(404);
		expect(await response.text()).not.toContain('EMBARGOED');
	}
	const later = await request.get(`/embed/stories/${pinned.slug}?version=${beforeDeletion}`);
	expect(later.status()).toBe(200);
	const html = await later.text();
	expect(html).toContain('Minister resigns');
	expect(html).toContain('Resignation letter sent');
	expect(html).not.toContain('Later withdrawn');
});

test('replacement patterns in an event title do not multiply the page', async ({ request }) => {
	const plain = await story(`Plain ${tag()}`);
	await event(plain.id, 'x'.repeat(200));
	const dollars = await story(`Dollars ${tag()}`);
	const title = "$'".repeat(100);
	await event(dollars.id, title);

	const plainPage = await (await request.get(`/stories/${plain.slug}`)).text();
	const page = await (await request.get(`/stories/${dollars.slug}`)).text();
	// The probe's page was 1.07 MB; this one is the size of the same story with a plain title.
	expect(page.length).toBeLessThan(plainPage.length + 5_000);
	const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1];
	const data = JSON.parse(ld ?? '{}') as { itemListElement: { item: { name: string } }[] };
	expect(data.itemListElement.map((element) => element.item.name)).toEqual([title]);
});

test('a page on another origin cannot sign anyone out, whatever it sends', async ({
	page,
	baseURL
}) => {
	const user = await createUser(db, { role: 'editor' });
	await signIn(page, user);
	const sibling = baseURL!.replace('//localhost', '//evil.localhost');
	const attempts: Record<string, string>[] = [
		{ origin: sibling, 'sec-fetch-site': 'same-site' },
		{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
		{}
	];
	for (const headers of attempts) {
		// No data: the request has no Content-Type, which SvelteKit's own check let through.
		const response = await page.request.post('/desk/sign-out', { headers, maxRedirects: 0 });
		expect(response.status(), JSON.stringify(headers)).toBe(403);
	}
	await page.goto('/desk');
	await expect(page).toHaveURL(/\/desk\/?$/);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/desk\/sign-in/);
});

test('API writes with the session cookie must come from the site; Bearer calls need not', async ({
	page,
	request,
	baseURL
}) => {
	const user = await createUser(db, { role: 'editor' });
	await signIn(page, user);
	const target = await story(`Kept title ${tag()}`);
	const url = `/api/v1/stories/${target.id}`;
	for (const type of ['application/json', 'text/plain']) {
		const response = await page.request.patch(url, {
			headers: { origin: 'https://evil.example', 'content-type': type, 'if-match': '"1"' },
			data: JSON.stringify({ title: 'Hijacked' })
		});
		expect(response.status(), type).toBe(403);
	}
	const [row] = await db<{ title: string }[]>`select title from stories where id = ${target.id}`;
	expect(row?.title).toMatch(/^Kept title/);

	// The desk's own page may (the timeline's drag does this with the session).
	const own = await page.request.patch(url, {
		headers: { origin: new URL(baseURL!).origin, 'if-match': `"${target.version}"` },
		data: { title: 'Retitled from the desk' }
	});
	expect(own.status()).toBe(200);

	const token = await createApiToken(db, user.id);
	const byToken = await request.patch(url, {
		headers: {
			authorization: `Bearer ${token}`,
			origin: 'https://tool.example',
			'if-match': `"${target.version + 1}"`
		},
		data: { title: 'Retitled by a script' }
	});
	expect(byToken.status()).toBe(200);
});

test('the TimelineJS export escapes imported group labels', async ({ request }) => {
	const exported = await story(`Groups ${tag()}`);
	await event(exported.id, 'Imported slide', '<img src=x onerror=alert(1)>');
	const response = await request.get(`/stories/${exported.slug}/timeline.json`);
	expect(response.headers()['access-control-allow-origin']).toBe('*');
	const text = await response.text();
	expect(text).not.toContain('<img');
	const timeline = JSON.parse(text) as { events: { group: string }[] };
	expect(timeline.events[0]?.group).toBe('&lt;img src=x onerror=alert(1)&gt;');
});

test('static files carry nosniff and a CSP; desk pages are never cached; no HSTS over http', async ({
	page,
	request
}) => {
	const embedJs = await request.get('/embed.js');
	expect(embedJs.headers()['x-content-type-options']).toBe('nosniff');
	expect(embedJs.headers()['content-security-policy']).toContain("default-src 'none'");
	const storyPage = await (await request.get('/stories/russia-ukraine-peace-talks')).text();
	const asset = /\/_app\/immutable\/[^"']+\.js/.exec(storyPage)?.[0];
	expect(asset).toBeTruthy();
	const script = await request.get(asset!);
	expect(script.status()).toBe(200);
	expect(script.headers()['x-content-type-options']).toBe('nosniff');
	expect(script.headers()['strict-transport-security']).toBeUndefined();

	const admin = await createUser(db, { role: 'admin' });
	await signIn(page, admin);
	for (const path of ['/desk/tokens', '/desk/audit', '/desk']) {
		const response = await page.request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toContain('no-store');
	}
	const me = await page.request.get('/api/v1/stories?limit=1');
	expect(me.headers()['cache-control']).toContain('no-store');
});

test('a feed at an IPv4-compatible IPv6 address of this machine is refused, not fetched', async ({
	page,
	baseURL
}) => {
	const editor = await createUser(db, { role: 'editor' });
	await signIn(page, editor);
	const port = new URL(baseURL!).port;
	// The app's own feed, reached through loopback written as ::127.0.0.1 (Node writes ::7f00:1).
	const url = `http://[::127.0.0.1]:${port}/stories/russia-ukraine-peace-talks/feed.atom?${tag()}`;
	const [feed] = await db<{ id: number }[]>`
		insert into feeds (url, source, next_poll_at)
		values (${url}, 'Probe', now() + interval '1 day') returning id`;
	const response = await page.request.post('/desk/feeds?/poll', {
		form: { id: String(feed!.id) },
		headers: { origin: new URL(baseURL!).origin }
	});
	expect(await response.text()).toContain('which is not a public address: refused');
	const [row] = await db<{ items: number }[]>`
		select count(*)::int as items from articles where source = 'Probe'`;
	expect(row?.items).toBe(0);
});

test('the story page "as of" a past date shows no draft and no deleted event', async ({
	request
}) => {
	const past = await story(`As of ${tag()}`);
	await event(past.id, 'Public then and now');
	const draft = await event(past.id, 'Draft held back');
	const deleted = await event(past.id, 'Deleted since');
	await db`update events set first_reported_at = '2025-12-05T13:00:00Z' where story_id = ${past.id}`;
	await db`update events set status = 'draft' where id = ${draft}`;
	await db`update events set deleted_at = now() where id = ${deleted}`;

	const html = await (await request.get(`/stories/${past.slug}?asof=2025-12-20`)).text();
	expect(html).toContain('Public then and now');
	expect(html).not.toContain('Draft held back');
	expect(html).not.toContain('Deleted since');
});
