import {
	test,
	expect,
	type APIRequestContext,
	type APIResponse,
	type BrowserContext
} from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { createApiToken, createUser, signIn } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';
import { may, type Action } from '../../src/lib/server/newsroom/policy';
import type { Role } from '../../src/lib/types';

/**
 * The policy matrix over every event write door: each desk form action and each API method,
 * for each role (and anonymous callers), on a draft and on a published event. A refused call
 * changes nothing (in the database, hence nothing readers see through the public API) and is
 * answered 403 (anonymous: the sign-in redirect on the desk, 401 on the API). An allowed call
 * makes its change, and leaves an audit entry when readers' view changed. The rows are generated
 * from the DOORS table below and the policy table in src/lib/server/newsroom/policy.ts. The
 * proposal doors (accept, merge, reject on the article page and the API) act on an article that
 * reports a meeting the story has in the row's state.
 */

test.describe.configure({ timeout: 60_000 });

type State = 'draft' | 'published';
type Who = Role | 'anonymous';

const db = e2eDatabase();
const tag = () => randomBytes(4).toString('hex');
// What this file made, removed at the end: the other browser tests share the database, and its
// articles would otherwise be suggested next to theirs.
const made = { stories: [] as number[], articles: [] as number[], actors: [] as string[] };

/** A published story with a target event in `state`, a sibling, and parts to add or remove. */
interface Fixture {
	tag: string;
	storyId: number;
	eventId: number;
	version: number;
	siblingId: number;
	/** Filed in the story, not yet a source of the event. */
	articleId: number;
	/** Already a source of the event. */
	citedId: number;
	/** Already an actor of the event. */
	entityId: number;
	state: State;
	/** For the proposal doors: an article filed in the story, and an event it matches. */
	proposal?: { articleId: number; fingerprint: string; matchId: number };
}

async function article(storyId: number, headline: string): Promise<number> {
	const body = `${headline}. The envoy said talks would resume.`;
	const [row] = await db<{ id: number }[]>`
		insert into articles (source, headline, body_html, body_raw, content_hash, published_at)
		values ('Policy Wire', ${headline}, ${`<p>${body}</p>`}, ${body},
			${createHash('sha256').update(body).digest('hex')}, '2025-03-01T08:00:00Z')
		returning id`;
	await db`insert into story_articles (story_id, article_id, state, decided_at)
		values (${storyId}, ${row!.id}, 'accepted', now())`;
	made.articles.push(row!.id);
	return row!.id;
}

async function fixture(state: State): Promise<Fixture> {
	const t = tag();
	const [story] = await db<{ id: number }[]>`
		insert into stories (slug, title, publication, published_at)
		values (${`policy-${t}`}, ${`Policy ${t}`}, 'published', now()) returning id`;
	const storyId = story!.id;
	made.stories.push(storyId);
	const event = (title: string) => db<{ id: number; version: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision, time_zone, status)
		values (${storyId}, 'meeting', ${title}, '2025-03-10T00:00:00Z', 'day', 'UTC', ${state})
		returning id, version`;
	const [target] = await event(`Target ${t}`);
	const [sibling] = await event(`Sibling ${t}`);
	const articleId = await article(storyId, `Fresh report ${t}`);
	const citedId = await article(storyId, `Cited report ${t}`);
	await db`insert into event_sources (event_id, article_id, evidence)
		values (${target!.id}, ${citedId}, 'The envoy said talks would resume.')`;
	const [entity] = await db<{ id: number }[]>`
		insert into entities (kind, name) values ('person', ${`Envoy ${t}`}) returning id`;
	made.actors.push(`Envoy ${t}`, `Negotiator ${t}`);
	await db`insert into event_entities (event_id, entity_id, role)
		values (${target!.id}, ${entity!.id}, 'actor')`;
	await db`insert into event_relations (from_event_id, to_event_id, relation)
		values (${target!.id}, ${sibling!.id}, 'follows')`;
	return {
		tag: t,
		storyId,
		eventId: target!.id,
		version: target!.version,
		siblingId: sibling!.id,
		articleId,
		citedId,
		entityId: entity!.id,
		state
	};
}

const exists = async (query: PromiseLike<{ length: number }>) => (await query).length > 0;

interface Caller {
	who: Who;
	/** Carries the session cookie (desk) for signed-in callers. */
	desk: APIRequestContext;
	/** Headers for the API (a Bearer token for signed-in callers). */
	apiHeaders: Record<string, string>;
	api: APIRequestContext;
}

interface Door {
	name: string;
	/** Extra setup the door needs (an analysed article with its proposals). */
	prepare?(f: Fixture): Promise<void>;
	via: 'desk' | 'api';
	/** The policy action the door's command checks, asked for the target's state. */
	action: Action;
	send(caller: Caller, f: Fixture, baseURL: string): Promise<APIResponse>;
	/** Whether the change is in the database now. */
	happened(f: Fixture): Promise<boolean>;
	/** The audit action an allowed call leaves, when readers' view changed (null: none). */
	audit(state: State): string | null;
}

/** The desk form's fields for the target, as its page would post them. */
const eventForm = (f: Fixture, changes: Record<string, string> = {}) => ({
	kind: 'meeting',
	title: `Target ${f.tag}`,
	description: '',
	occurredStart: '2025-03-10T00:00',
	occurredEnd: '',
	precision: 'day',
	timeZone: 'UTC',
	placeName: '',
	latitude: '',
	longitude: '',
	attribution: '',
	verification: 'reported',
	status: f.state,
	version: String(f.version),
	...changes
});

function deskPost(path: string, form: (f: Fixture) => Record<string, string>) {
	return (caller: Caller, f: Fixture, baseURL: string) =>
		caller.desk.post(
			path.replace('{event}', String(f.eventId)).replace('{story}', String(f.storyId)),
			{
				form: form(f),
				headers: { origin: baseURL, accept: 'text/html' },
				maxRedirects: 0
			}
		);
}

const onPublished = (action: string) => (state: State) => (state === 'published' ? action : null);
const titled = (f: Fixture, title: string) =>
	exists(db`select 1 from events where id = ${f.eventId} and title = ${title}`);
const deleted = (id: number) =>
	exists(db`select 1 from events where id = ${id} and deleted_at is not null`);
const created = (f: Fixture) =>
	exists(db`select 1 from events where story_id = ${f.storyId} and title = ${`New ${f.tag}`}`);

const DOORS: Door[] = [
	{
		name: 'desk save (title)',
		via: 'desk',
		action: 'event.edit',
		send: deskPost('/desk/events/{event}?/save', (f) => eventForm(f, { title: `Edited ${f.tag}` })),
		happened: (f) => titled(f, `Edited ${f.tag}`),
		audit: onPublished('event.edited')
	},
	{
		name: 'desk save (publish or withdraw)',
		via: 'desk',
		action: 'event.publish',
		send: deskPost('/desk/events/{event}?/save', (f) =>
			eventForm(f, { status: f.state === 'draft' ? 'published' : 'draft' })
		),
		happened: (f) =>
			exists(db`select 1 from events where id = ${f.eventId} and status <> ${f.state}`),
		audit: (state) => (state === 'draft' ? 'event.published' : 'event.unpublished')
	},
	{
		name: 'desk delete',
		via: 'desk',
		action: 'event.delete',
		send: deskPost('/desk/events/{event}?/delete', () => ({})),
		happened: (f) => deleted(f.eventId),
		audit: () => 'event.deleted'
	},
	{
		name: 'desk addSource',
		via: 'desk',
		action: 'event.editParts',
		send: deskPost('/desk/events/{event}?/addSource', (f) => ({
			articleId: String(f.articleId),
			evidence: 'The envoy said talks would resume.'
		})),
		happened: (f) =>
			exists(
				db`select 1 from event_sources where event_id = ${f.eventId} and article_id = ${f.articleId}`
			),
		audit: onPublished('event.source_added')
	},
	{
		name: 'desk removeSource',
		via: 'desk',
		action: 'event.editParts',
		send: deskPost('/desk/events/{event}?/removeSource', (f) => ({ articleId: String(f.citedId) })),
		happened: async (f) =>
			!(await exists(
				db`select 1 from event_sources where event_id = ${f.eventId} and article_id = ${f.citedId}`
			)),
		audit: onPublished('event.source_removed')
	},
	{
		name: 'desk addActor',
		via: 'desk',
		action: 'event.editParts',
		send: deskPost('/desk/events/{event}?/addActor', (f) => ({
			name: `Negotiator ${f.tag}`,
			entityKind: 'person',
			aliases: ''
		})),
		happened: (f) =>
			exists(db`select 1 from event_entities ee join entities en on en.id = ee.entity_id
				where ee.event_id = ${f.eventId} and en.name = ${`Negotiator ${f.tag}`}`),
		audit: onPublished('event.actor_added')
	},
	{
		name: 'desk removeActor',
		via: 'desk',
		action: 'event.editParts',
		send: deskPost('/desk/events/{event}?/removeActor', (f) => ({ entityId: String(f.entityId) })),
		happened: async (f) =>
			!(await exists(
				db`select 1 from event_entities where event_id = ${f.eventId} and entity_id = ${f.entityId}`
			)),
		audit: onPublished('event.actor_removed')
	},
	{
		name: 'desk addRelation',
		via: 'desk',
		action: 'event.editParts',
		send: deskPost('/desk/events/{event}?/addRelation', (f) => ({
			relation: 'responds_to',
			toEventId: String(f.siblingId)
		})),
		happened: (f) =>
			exists(db`select 1 from event_relations where from_event_id = ${f.eventId}
				and to_event_id = ${f.siblingId} and relation = 'responds_to'`),
		audit: onPublished('event.relation_added')
	},
	{
		name: 'desk removeRelation',
		via: 'desk',
		action: 'event.editParts',
		send: deskPost('/desk/events/{event}?/removeRelation', (f) => ({
			relation: 'follows',
			toEventId: String(f.siblingId)
		})),
		happened: async (f) =>
			!(await exists(db`select 1 from event_relations where from_event_id = ${f.eventId}
				and to_event_id = ${f.siblingId} and relation = 'follows'`)),
		audit: onPublished('event.relation_removed')
	},
	{
		name: 'desk merge',
		via: 'desk',
		action: 'event.merge',
		send: deskPost('/desk/events/{event}?/merge', (f) => ({ otherId: String(f.siblingId) })),
		happened: (f) => deleted(f.siblingId),
		audit: () => 'event.merged'
	},
	{
		name: 'desk new event (in the target’s state)',
		via: 'desk',
		action: 'event.create',
		send: deskPost('/desk/stories/{story}/events/new', (f) => {
			const { version, ...form } = eventForm(f, { title: `New ${f.tag}` });
			void version;
			return form;
		}),
		happened: created,
		audit: onPublished('event.published')
	},
	{
		name: 'PATCH /api/v1/events/{id}',
		via: 'api',
		action: 'event.edit',
		send: (c, f) =>
			c.api.patch(`/api/v1/events/${f.eventId}`, {
				headers: { ...c.apiHeaders, 'If-Match': `"${f.version}"` },
				data: { title: `Edited ${f.tag}` }
			}),
		happened: (f) => titled(f, `Edited ${f.tag}`),
		audit: onPublished('event.edited')
	},
	{
		name: 'PATCH /api/v1/events/{id} (publish or withdraw)',
		via: 'api',
		action: 'event.publish',
		send: (c, f) =>
			c.api.patch(`/api/v1/events/${f.eventId}`, {
				headers: { ...c.apiHeaders, 'If-Match': `"${f.version}"` },
				data: { status: f.state === 'draft' ? 'published' : 'draft' }
			}),
		happened: (f) =>
			exists(db`select 1 from events where id = ${f.eventId} and status <> ${f.state}`),
		audit: (state) => (state === 'draft' ? 'event.published' : 'event.unpublished')
	},
	{
		name: 'PUT /api/v1/events/{id}',
		via: 'api',
		action: 'event.edit',
		send: (c, f) =>
			c.api.put(`/api/v1/events/${f.eventId}`, {
				headers: { ...c.apiHeaders, 'If-Match': `"${f.version}"` },
				data: {
					kind: 'meeting',
					title: `Edited ${f.tag}`,
					occurredStart: '2025-03-10T00:00:00Z',
					precision: 'day',
					timeZone: 'UTC',
					status: f.state
				}
			}),
		happened: (f) => titled(f, `Edited ${f.tag}`),
		audit: onPublished('event.edited')
	},
	{
		name: 'DELETE /api/v1/events/{id}',
		via: 'api',
		action: 'event.delete',
		send: (c, f) =>
			c.api.delete(`/api/v1/events/${f.eventId}`, {
				headers: { ...c.apiHeaders, 'If-Match': `"${f.version}"` }
			}),
		happened: (f) => deleted(f.eventId),
		audit: () => 'event.deleted'
	},
	{
		name: 'POST /api/v1/stories/{id}/events (in the target’s state)',
		via: 'api',
		action: 'event.create',
		send: (c, f) =>
			c.api.post(`/api/v1/stories/${f.storyId}/events`, {
				headers: c.apiHeaders,
				data: {
					kind: 'meeting',
					title: `New ${f.tag}`,
					occurredStart: '2025-03-11T00:00:00Z',
					precision: 'day',
					status: f.state
				}
			}),
		happened: created,
		audit: onPublished('event.published')
	}
];

let ingestApi: { request: APIRequestContext; headers: Record<string, string> };

/**
 * Files a new article in the story that reports a meeting in Warsaw, with an event of the story
 * (in the fixture's state) that its proposal matches.
 */
async function withProposal(f: Fixture): Promise<void> {
	const [match] = await db<{ id: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision, time_zone, status)
		values (${f.storyId}, 'meeting', ${`Warsaw round ${f.tag}`}, '2026-01-11T23:00:00Z', 'day',
			'Europe/Warsaw', ${f.state})
		returning id`;
	const posted = await ingestApi.request.post('/api/v1/articles', {
		headers: ingestApi.headers,
		data: {
			headline: `Talks resume in Warsaw (${f.tag})`,
			body:
				'Ines Calder met Tomasz Wrona in Warsaw on Monday for a third round of talks. ' +
				`Filed by desk ${f.tag}.`,
			source: 'Policy Wire',
			publishedAt: '2026-01-13T18:00:00Z'
		}
	});
	expect(posted.status()).toBe(201);
	const { id: articleId } = (await posted.json()) as { id: number };
	made.articles.push(articleId);
	await db`insert into story_articles (story_id, article_id, state, decided_at)
		values (${f.storyId}, ${articleId}, 'accepted', now())`;
	const listed = await ingestApi.request.get(`/api/v1/articles/${articleId}/event-suggestions`, {
		headers: ingestApi.headers
	});
	const { events } = (await listed.json()) as {
		events: { fingerprint: string; matchesEventId?: number }[];
	};
	const proposal = events.find((event) => event.matchesEventId === match!.id);
	expect(proposal, 'the article’s meeting is proposed as a match').toBeTruthy();
	f.proposal = { articleId, fingerprint: proposal!.fingerprint, matchId: match!.id };
}

const accepted = (f: Fixture) =>
	exists(db`select 1 from events where story_id = ${f.storyId} and title = ${`Accepted ${f.tag}`}
		and status = 'draft'`);
const mergedIn = (f: Fixture) =>
	exists(db`select 1 from event_sources
		where event_id = ${f.proposal!.matchId} and article_id = ${f.proposal!.articleId}`);
const rejected = (f: Fixture) =>
	exists(db`select 1 from event_proposal_decisions
		where article_id = ${f.proposal!.articleId} and decision = 'rejected'`);
const acceptEdits = (f: Fixture) => ({
	fingerprint: f.proposal!.fingerprint,
	title: `Accepted ${f.tag}`,
	kind: 'meeting',
	verification: 'reported',
	date: '2026-01-12',
	attribution: ''
});
function articlePost(action: string, form: (f: Fixture) => Record<string, string>) {
	return (caller: Caller, f: Fixture, baseURL: string) =>
		caller.desk.post(`/desk/articles/${f.proposal!.articleId}?/${action}`, {
			form: form(f),
			headers: { origin: baseURL, accept: 'text/html' },
			maxRedirects: 0
		});
}
function decisionPost(decision: string, extra: (f: Fixture) => object = () => ({})) {
	return (caller: Caller, f: Fixture) =>
		caller.api.post(`/api/v1/articles/${f.proposal!.articleId}/event-suggestions`, {
			headers: caller.apiHeaders,
			data: { fingerprint: f.proposal!.fingerprint, decision, ...extra(f) }
		});
}

DOORS.push(
	{
		name: 'desk acceptEvent (a draft, whatever the match’s state)',
		prepare: withProposal,
		via: 'desk',
		action: 'suggestion.decide',
		send: articlePost('acceptEvent', acceptEdits),
		happened: accepted,
		audit: () => null
	},
	{
		name: 'desk mergeEvent',
		prepare: withProposal,
		via: 'desk',
		action: 'event.editParts',
		send: articlePost('mergeEvent', (f) => ({ fingerprint: f.proposal!.fingerprint })),
		happened: mergedIn,
		audit: onPublished('event.source_added')
	},
	{
		name: 'desk rejectEvent',
		prepare: withProposal,
		via: 'desk',
		action: 'suggestion.decide',
		send: articlePost('rejectEvent', (f) => ({ fingerprint: f.proposal!.fingerprint })),
		happened: rejected,
		audit: () => null
	},
	{
		name: 'POST /api/v1/articles/{id}/event-suggestions (accept)',
		prepare: withProposal,
		via: 'api',
		action: 'suggestion.decide',
		send: decisionPost('accept', acceptEdits),
		happened: accepted,
		audit: () => null
	},
	{
		name: 'POST /api/v1/articles/{id}/event-suggestions (merge)',
		prepare: withProposal,
		via: 'api',
		action: 'event.editParts',
		send: decisionPost('merge'),
		happened: mergedIn,
		audit: onPublished('event.source_added')
	},
	{
		name: 'POST /api/v1/articles/{id}/event-suggestions (reject)',
		prepare: withProposal,
		via: 'api',
		action: 'suggestion.decide',
		send: decisionPost('reject'),
		happened: rejected,
		audit: () => null
	}
);

/** What readers see of the fixture: the public event and the story's public events. */
async function readersView(api: APIRequestContext, f: Fixture) {
	const one = await api.get(`/api/v1/events/${f.eventId}`);
	const list = await api.get(`/api/v1/events?story=${f.storyId}`);
	return { event: [one.status(), await one.text()], list: [list.status(), await list.text()] };
}

async function auditActions(f: Fixture): Promise<string[]> {
	const rows = await db<{ action: string }[]>`
		select action from audit_log
		where entity_type = 'event'
			and entity_id in (select id::text from events where story_id = ${f.storyId})`;
	return rows.map((row) => row.action);
}

const callers = new Map<Who, Caller>();
const contexts: BrowserContext[] = [];

test.beforeAll(async ({ browser }) => {
	test.setTimeout(120_000);
	const bare = await browser.newContext();
	contexts.push(bare);
	const anonymous = bare.request;
	callers.set('anonymous', { who: 'anonymous', desk: anonymous, api: anonymous, apiHeaders: {} });
	for (const role of ['contributor', 'editor', 'admin'] as const) {
		const user = await createUser(db, { role });
		const token = await createApiToken(db, user.id);
		const context = await browser.newContext();
		contexts.push(context);
		const page = await context.newPage();
		await signIn(page, user);
		if (role === 'admin')
			ingestApi = { request: anonymous, headers: { Authorization: `Bearer ${token}` } };
		callers.set(role, {
			who: role,
			desk: context.request,
			api: anonymous,
			apiHeaders: { Authorization: `Bearer ${token}` }
		});
	}
});

test.afterAll(async () => {
	for (const context of contexts) await context.close();
	// Events, sources, links and decisions go with their story and article (on delete cascade).
	await db`delete from stories where id = any(${made.stories}::int[])`;
	await db`delete from articles where id = any(${made.articles}::int[])`;
	await db`delete from entities where name = any(${made.actors}::text[])`;
	await db.end({ timeout: 5 });
});

const WHO: Who[] = ['anonymous', 'contributor', 'editor', 'admin'];

for (const door of DOORS)
	for (const state of ['draft', 'published'] as const)
		for (const who of WHO) {
			const allowed = who !== 'anonymous' && may(who, door.action, state);
			test(`${door.name} · ${state} · ${who} → ${allowed ? 'allowed' : 'refused'}`, async ({
				baseURL
			}) => {
				const caller = callers.get(who)!;
				const f = await fixture(state);
				await door.prepare?.(f);
				const before = await readersView(caller.api, f);
				const response = await door.send(caller, f, baseURL!);
				if (!allowed) {
					if (who === 'anonymous' && door.via === 'desk') {
						expect(response.status()).toBe(303);
						expect(response.headers().location).toContain('/desk/sign-in');
					} else {
						expect(response.status()).toBe(who === 'anonymous' ? 401 : 403);
					}
					expect(await door.happened(f)).toBe(false);
					expect(await readersView(caller.api, f)).toEqual(before);
					expect(await auditActions(f)).toEqual([]);
					return;
				}
				expect(response.status(), await response.text()).toBeLessThan(400);
				expect(await door.happened(f)).toBe(true);
				const audit = door.audit(state);
				if (audit) expect(await auditActions(f)).toContain(audit);
				else expect(await auditActions(f)).toEqual([]);
			});
		}
