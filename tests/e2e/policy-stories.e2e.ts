/**
 * The policy matrix for the story and article write doors: every desk form action and API
 * method that writes a story or the articles filed in it, for every role and for a draft and a
 * published target. The rule under test: a contributor may draft and propose, but nothing a
 * contributor does changes what readers see; an editor publishes. Refused rows answer 403 (401
 * or the sign-in redirect when anonymous) and change nothing, on the reader pages or in the
 * desk; allowed rows change the story, and where readers' view changed there is an audit entry.
 */
import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext,
	type APIResponse
} from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { e2eDatabase } from '../support/e2e-database';
import { createApiToken, createUser } from '../support/desk-auth';

test.describe.configure({ timeout: 120_000 });

type Role = 'contributor' | 'editor' | 'admin';
type Who = Role | 'anonymous';
type State = 'draft' | 'published';

const db = e2eDatabase();
const WHO: Who[] = ['contributor', 'editor', 'admin', 'anonymous'];
const STATES: State[] = ['draft', 'published'];
const RANK: Record<Who, number> = { anonymous: 0, contributor: 1, editor: 2, admin: 3 };

/** What one row works on: a story with two filed articles, and one article filed nowhere. */
interface Target {
	id: number;
	slug: string;
	version: number;
	state: State;
	first: number;
	second: number;
	unfiled: number;
}

interface Door {
	name: string;
	kind: 'desk' | 'api';
	/** The least role allowed, by the target's publication state. */
	needs: Record<State, Role>;
	/** Publishes or withdraws: readers' view changes whatever the target's state. */
	publication?: true;
	send: (client: APIRequestContext, target: Target, origin: string) => Promise<APIResponse>;
}

const drafts = { draft: 'contributor', published: 'editor' } as const;
const editors = { draft: 'editor', published: 'editor' } as const;

const desk =
	(path: (t: Target) => string, form: (t: Target) => Record<string, string | number>) =>
	(client: APIRequestContext, t: Target, origin: string) =>
		client.post(path(t), {
			form: form(t),
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});

const onStory = (action: string) => (t: Target) => `/desk/stories/${t.id}?/${action}`;

const api =
	(
		method: 'patch' | 'put' | 'delete' | 'post',
		path: (t: Target) => string,
		data?: (t: Target) => Record<string, unknown>
	) =>
	(client: APIRequestContext, t: Target) =>
		client[method](path(t), {
			headers: { 'If-Match': `"${t.version}"` },
			...(data ? { data: data(t) } : {}),
			maxRedirects: 0
		});

const storyUrl = (t: Target) => `/api/v1/stories/${t.id}`;

/** Every story/article write door, as the table the rows are generated from. */
const DOORS: Door[] = [
	{
		name: 'desk save',
		kind: 'desk',
		needs: drafts,
		send: desk(onStory('save'), (t) => ({
			title: `Changed ${t.slug}`,
			slug: t.slug,
			summary: 'A summary readers would see.',
			status: 'developing',
			version: t.version
		}))
	},
	{
		name: 'desk publish / unpublish',
		kind: 'desk',
		needs: editors,
		publication: true,
		send: desk(
			(t) => onStory(t.state === 'draft' ? 'publish' : 'unpublish')(t),
			(t) => ({ version: t.version })
		)
	},
	{ name: 'desk delete', kind: 'desk', needs: editors, send: desk(onStory('delete'), () => ({})) },
	{
		name: 'desk attach',
		kind: 'desk',
		needs: drafts,
		send: desk(onStory('attach'), (t) => ({ articleId: t.unfiled, role: 'analysis' }))
	},
	{
		name: 'desk move',
		kind: 'desk',
		needs: drafts,
		send: desk(onStory('move'), (t) => ({ articleId: t.second, direction: 'up' }))
	},
	{
		name: 'desk role',
		kind: 'desk',
		needs: drafts,
		send: desk(onStory('role'), (t) => ({ articleId: t.first, role: 'background' }))
	},
	{
		name: 'desk detach',
		kind: 'desk',
		needs: drafts,
		send: desk(onStory('detach'), (t) => ({ articleId: t.first }))
	},
	{
		name: 'desk inbox accept',
		kind: 'desk',
		needs: drafts,
		send: desk(
			() => '/desk/inbox?/accept',
			(t) => ({ articleId: t.unfiled, storyId: t.id })
		)
	},
	{
		name: 'desk article accept',
		kind: 'desk',
		needs: drafts,
		send: desk(
			(t) => `/desk/articles/${t.unfiled}?/accept`,
			(t) => ({ articleId: t.unfiled, storyId: t.id })
		)
	},
	{
		name: 'API PATCH story',
		kind: 'api',
		needs: drafts,
		send: api('patch', storyUrl, (t) => ({ title: `Changed ${t.slug}` }))
	},
	{
		name: 'API PUT story',
		kind: 'api',
		needs: drafts,
		send: api('put', storyUrl, (t) => ({
			title: `Changed ${t.slug}`,
			slug: t.slug,
			summary: 'A summary readers would see.',
			status: 'concluded'
		}))
	},
	{
		name: 'API PATCH publication',
		kind: 'api',
		needs: editors,
		publication: true,
		send: api('patch', storyUrl, (t) => ({
			publication: t.state === 'draft' ? 'published' : 'draft'
		}))
	},
	{ name: 'API DELETE story', kind: 'api', needs: editors, send: api('delete', storyUrl) },
	{
		name: 'API POST story articles',
		kind: 'api',
		needs: drafts,
		send: api(
			'post',
			(t) => `/api/v1/stories/${t.id}/articles`,
			(t) => ({ articleId: t.unfiled, role: 'analysis' })
		)
	}
];

async function article(headline: string): Promise<number> {
	const body = `${headline}. Negotiators met again on Tuesday.`;
	const [row] = await db<{ id: number }[]>`
		insert into articles (source, headline, body_html, body_raw, content_hash, published_at)
		values ('Policy Wire', ${headline}, ${`<p>${body}</p>`}, ${body},
			${createHash('sha256').update(body).digest('hex')}, '2025-03-01T08:00:00Z')
		returning id`;
	return row!.id;
}

async function target(state: State): Promise<Target> {
	const tag = randomBytes(4).toString('hex');
	const [story] = await db<{ id: number; slug: string; version: number }[]>`
		insert into stories (slug, title, summary, publication, published_at)
		values (${`policy-${tag}`}, ${`Policy ${tag}`}, 'As first written.', ${state},
			${state === 'published' ? new Date() : null})
		returning id, slug, version`;
	const first = await article(`First report ${tag}`);
	const second = await article(`Second report ${tag}`);
	for (const [position, articleId] of [first, second].entries())
		await db`
			insert into story_articles (story_id, article_id, role, position, state, decided_at)
			values (${story!.id}, ${articleId}, 'update', ${position + 1}, 'accepted', now())`;
	const unfiled = await article(`Unfiled report ${tag}`);
	return { ...story!, state, first, second, unfiled };
}

/** What readers see of the story and its articles: the reader pages, as fetched. */
async function readersView(client: APIRequestContext, t: Target) {
	const page = await client.get(`/stories/${t.slug}`);
	const html = page.ok() ? await page.text() : '';
	const text = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!.trim());
	const articles = await Promise.all(
		[t.first, t.second, t.unfiled].map(async (id) => (await client.get(`/articles/${id}`)).status())
	);
	return {
		story: page.status(),
		title: text(/<h1[^>]*>([^<]*)</g),
		summary: html.includes('A summary readers would see.'),
		roles: text(/<p class="role[^"]*">([^<]*)</g),
		headlines: text(/<p class="headline[^"]*"[^>]*>\s*<a[^>]*>([^<]*)</g),
		articles
	};
}

/** What the desk sees: the story row and its filed articles, straight from the database. */
async function deskView(t: Target) {
	const [story] = await db`
		select title, summary, status, publication, version, deleted_at is not null as deleted
		from stories where id = ${t.id}`;
	const links = await db`
		select article_id, role, position, state from story_articles
		where story_id = ${t.id} order by article_id`;
	return { story, links };
}

async function auditEntries(t: Target): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		select count(*)::int as n from audit_log
		where entity_type = 'story' and entity_id = ${String(t.id)}`;
	return row!.n;
}

const clients = {} as Record<Who, APIRequestContext>;
const readers = {} as { client: APIRequestContext };

test.beforeAll(async ({ baseURL }) => {
	const origin = baseURL!;
	readers.client = await playwrightRequest.newContext({ baseURL: origin });
	clients.anonymous = await playwrightRequest.newContext({ baseURL: origin });
	for (const role of ['contributor', 'editor', 'admin'] as const) {
		const user = await createUser(db, { role });
		const token = await createApiToken(db, user.id);
		const session = await playwrightRequest.newContext({ baseURL: origin });
		const signedIn = await session.post('/desk/sign-in', {
			form: { email: user.email, password: user.password },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(signedIn.status(), `${role} signs in`).toBe(303);
		// One context per role: the desk session cookie and the API token travel together.
		const client = await playwrightRequest.newContext({
			baseURL: origin,
			storageState: await session.storageState(),
			extraHTTPHeaders: { authorization: `Bearer ${token}` }
		});
		await session.dispose();
		clients[role] = client;
	}
});

test.afterAll(async () => {
	await Promise.all([readers.client, ...Object.values(clients)].map((c) => c?.dispose()));
	await db.end();
});

for (const door of DOORS)
	for (const state of STATES)
		for (const who of WHO) {
			const allowed = RANK[who] >= RANK[door.needs[state]];
			test(`${door.name} · ${who} · ${state} story: ${allowed ? 'allowed' : 'refused'}`, async ({
				baseURL
			}) => {
				const t = await target(state);
				const readersBefore = await readersView(readers.client, t);
				const deskBefore = await deskView(t);
				const auditBefore = await auditEntries(t);
				const response = await door.send(clients[who], t, baseURL!);
				const readersAfter = await readersView(readers.client, t);
				const deskAfter = await deskView(t);

				if (!allowed) {
					if (who === 'anonymous' && door.kind === 'desk') {
						expect(response.status()).toBe(303);
						expect(response.headers().location).toMatch(/^\/desk\/sign-in\?next=/);
					} else {
						expect(response.status()).toBe(who === 'anonymous' ? 401 : 403);
					}
					expect(readersAfter).toEqual(readersBefore);
					expect(deskAfter).toEqual(deskBefore);
					expect(await auditEntries(t)).toBe(auditBefore);
					return;
				}
				expect(response.status(), await response.text()).toBeLessThan(400);
				expect(deskAfter).not.toEqual(deskBefore);
				if (state === 'published' || door.publication) {
					// Readers' view changed, and the audit log says who changed it. A kept story page
					// learns of an edit to the story row itself within PAGE_CACHE_CHECK_MS (2 s).
					await expect
						.poll(() => readersView(readers.client, t), { timeout: 5_000 })
						.not.toEqual(readersBefore);
					expect(await auditEntries(t)).toBeGreaterThan(auditBefore);
				} else {
					// A draft stays unseen: nothing filed in it becomes visible either.
					expect(readersAfter).toEqual(readersBefore);
					expect(readersAfter.articles[2]).toBe(404);
				}
			});
		}
