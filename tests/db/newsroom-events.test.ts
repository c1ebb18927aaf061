import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from './harness';
import { setSql } from '../../src/lib/server/db/client';
import * as articles from '../../src/lib/server/db/articles';
import * as deskEvents from '../../src/lib/server/db/desk-events';
import * as entities from '../../src/lib/server/db/entities';
import * as suggestions from '../../src/lib/server/db/suggestions';
import { analyseArticle } from '../../src/lib/server/suggest/analyse';
import { suggestEvents } from '../../src/lib/server/suggest/event-suggestions';
import type { Actor } from '../../src/lib/server/newsroom/actor';
import {
	createEvent,
	deleteEvent,
	inputOf,
	fieldsOf,
	mergeEvents,
	moveEvent,
	saveEvent,
	type SaveConflict
} from '../../src/lib/server/newsroom/events';
import * as parts from '../../src/lib/server/newsroom/event-parts';
import { acceptProposal, mergeProposal } from '../../src/lib/server/newsroom/event-proposals';
import { createEvent as eventRow, createStory, createStoryArticle, createUser } from '../factories';
import type { Role } from '../../src/lib/types';

let db: TestDatabase;
const actors = {} as Record<Role, Actor>;

beforeAll(async () => {
	db = await createTestDatabase();
	setSql(db.sql);
	for (const role of ['contributor', 'editor', 'admin'] as const) {
		const user = await createUser(db.sql, { role });
		actors[role] = { id: user.id, role, clientAddress: '203.0.113.9' };
	}
});

afterAll(async () => {
	setSql(undefined);
	await db?.drop();
});

async function eventIn(status: 'draft' | 'published', title = 'Talks open') {
	const story = await createStory(db.sql, { publication: 'published' });
	const event = await eventRow(db.sql, story.id, { status, title });
	return { story, event: (await deskEvents.get(event.id, db.sql))! };
}

async function auditFor(eventId: number) {
	return db.sql<{ action: string; actorId: number; clientAddress: string }[]>`
		select action, actor_id, client_address from audit_log
		where entity_type = 'event' and entity_id = ${String(eventId)} order by id`;
}

/** A form as the desk posts it after the editor changed `changes`. */
const formOf = (event: deskEvents.DeskEvent, changes: Record<string, unknown> = {}) => ({
	...inputOf(fieldsOf(event)),
	...changes
});

describe('saveEvent merges, never reverts', () => {
	it('keeps both editors’ changes to different fields', async () => {
		const { event } = await eventIn('draft');
		const first = await saveEvent(actors.editor, event.id, {
			version: event.version,
			values: formOf(event, { title: 'Retitled by the first' })
		});
		expect(first.kind).toBe('ok');
		// The second editor's form still holds the old title: saving it must not undo the first.
		const second = await saveEvent(actors.editor, event.id, {
			version: event.version,
			values: formOf(event, { description: 'Context by the second' })
		});
		expect(second).toMatchObject({ kind: 'ok', value: { changed: ['description'] } });
		const saved = await deskEvents.get(event.id, db.sql);
		expect(saved).toMatchObject({
			title: 'Retitled by the first',
			description: 'Context by the second',
			version: event.version + 2
		});
	});

	it('answers stale with the fields both changed, and writes nothing', async () => {
		const { event } = await eventIn('draft');
		await saveEvent(actors.editor, event.id, {
			version: event.version,
			values: formOf(event, { title: 'Theirs' })
		});
		const mine = await saveEvent(actors.editor, event.id, {
			version: event.version,
			values: formOf(event, { title: 'Mine', placeName: 'Geneva' })
		});
		expect(mine.kind).toBe('stale');
		const conflict = (mine as { current: SaveConflict }).current;
		expect(conflict.conflicts).toEqual(['title']);
		expect(conflict.merged).toMatchObject({ title: 'Theirs', placeName: 'Geneva' });
		expect(await deskEvents.get(event.id, db.sql)).toMatchObject({
			title: 'Theirs',
			placeName: null,
			version: event.version + 1
		});
		// Saving again from their version writes only what the editor changed.
		const again = await saveEvent(actors.editor, event.id, {
			version: event.version + 1,
			values: { ...inputOf(conflict.merged), title: 'Mine' }
		});
		expect(again).toMatchObject({ kind: 'ok', value: { changed: ['title', 'placeName'] } });
	});

	it('merges any two sets of field changes, or names exactly the fields in conflict', async () => {
		const field = fc.constantFrom('title', 'description', 'placeName', 'attribution');
		const changes = fc.dictionary(field, fc.constantFrom('A', 'B'), { maxKeys: 4 });
		await fc.assert(
			fc.asyncProperty(changes, changes, async (theirs, yours) => {
				const { event } = await eventIn('draft', 'Base');
				const first = await saveEvent(actors.editor, event.id, {
					version: event.version,
					values: formOf(event, theirs)
				});
				expect(first.kind).toBe('ok');
				const second = await saveEvent(actors.editor, event.id, {
					version: event.version,
					values: formOf(event, yours)
				});
				const clash = Object.keys(yours).filter(
					(key) => key in theirs && theirs[key] !== yours[key]
				);
				const saved = (await deskEvents.get(event.id, db.sql)) as unknown as Record<
					string,
					unknown
				>;
				if (clash.length > 0) {
					expect(second.kind).toBe('stale');
					expect([...(second as { current: SaveConflict }).current.conflicts].sort()).toEqual(
						clash.sort()
					);
					for (const [key, value] of Object.entries(theirs)) expect(saved[key]).toBe(value);
				} else {
					expect(second.kind).toBe('ok');
					for (const [key, value] of Object.entries({ ...theirs, ...yours }))
						expect(saved[key]).toBe(value);
				}
			}),
			{ numRuns: 30 }
		);
	});

	it('moves an event’s dates over someone else’s newer title', async () => {
		const { event } = await eventIn('draft');
		await saveEvent(actors.editor, event.id, {
			version: event.version,
			values: formOf(event, { title: 'Renamed meanwhile' })
		});
		const moved = await moveEvent(actors.contributor, event.id, event.version, {
			occurredStart: new Date('2025-12-03T00:00:00Z'),
			occurredEnd: null
		});
		expect(moved).toMatchObject({ kind: 'ok', value: { changed: ['occurredStart'] } });
		const saved = await deskEvents.get(event.id, db.sql);
		expect(saved?.title).toBe('Renamed meanwhile');
		expect(saved?.occurredStart.toISOString()).toBe('2025-12-03T00:00:00.000Z');
	});

	it('refuses bad input field by field and stores nothing', async () => {
		const { event } = await eventIn('draft');
		const result = await saveEvent(actors.editor, event.id, {
			version: event.version,
			values: formOf(event, { title: '', occurredStart: 'soon' })
		});
		expect(result.kind).toBe('invalid');
		expect(Object.keys((result as { errors: object }).errors).sort()).toEqual([
			'occurredStart',
			'title'
		]);
		expect((await deskEvents.get(event.id, db.sql))?.version).toBe(event.version);
	});
});

describe('the policy, by role and publication state', () => {
	it('lets a contributor edit drafts but nothing readers see', async () => {
		const draft = (await eventIn('draft')).event;
		const published = (await eventIn('published')).event;
		const edit = (event: deskEvents.DeskEvent, changes: Record<string, unknown>) =>
			saveEvent(actors.contributor, event.id, {
				version: event.version,
				values: formOf(event, changes)
			});
		expect((await edit(draft, { title: 'Draft edit' })).kind).toBe('ok');
		expect((await edit(published, { title: 'Sneaky' })).kind).toBe('forbidden');
		const fresh = (await deskEvents.get(draft.id, db.sql))!;
		expect((await edit(fresh, { status: 'published' })).kind).toBe('forbidden');
		expect((await deskEvents.get(published.id, db.sql))?.title).toBe('Talks open');
		expect((await deskEvents.get(draft.id, db.sql))?.status).toBe('draft');
	});

	it('refuses a role that may never do it before saying whether the event exists', async () => {
		const missing = 999_999;
		expect((await deleteEvent(actors.contributor, missing, null)).kind).toBe('forbidden');
		expect((await mergeEvents(actors.contributor, missing, 1)).kind).toBe('forbidden');
		expect((await deleteEvent(actors.editor, missing, null)).kind).toBe('notFound');
		expect((await saveEvent(actors.contributor, missing, { version: 1, values: {} })).kind).toBe(
			'notFound'
		);
	});

	it('creates drafts for contributors, published events for editors (audited)', async () => {
		const story = await createStory(db.sql);
		const values = {
			kind: 'meeting',
			title: 'New one',
			occurredStart: '2025-12-02T10:00',
			precision: 'minute',
			timeZone: 'Europe/Kyiv'
		};
		const draft = await createEvent(actors.contributor, story.id, values);
		expect(draft).toMatchObject({ kind: 'ok', value: { status: 'draft', title: 'New one' } });
		const refused = await createEvent(actors.contributor, story.id, {
			...values,
			status: 'published'
		});
		expect(refused.kind).toBe('forbidden');
		const published = await createEvent(actors.editor, story.id, {
			...values,
			status: 'published'
		});
		expect(published.kind).toBe('ok');
		const id = (published as { value: { id: number } }).value.id;
		const stored = await deskEvents.get(id, db.sql);
		expect(stored?.occurredStart.toISOString()).toBe('2025-12-02T08:00:00.000Z');
		expect((await auditFor(id)).map((row) => row.action)).toEqual(['event.published']);
		expect((await createEvent(actors.editor, 999_999, values)).kind).toBe('notFound');
	});

	it('audits publishing, edits of published events, and deletion', async () => {
		const { event } = await eventIn('draft');
		await saveEvent(actors.editor, event.id, {
			version: event.version,
			values: formOf(event, { status: 'published' })
		});
		await saveEvent(actors.editor, event.id, {
			version: event.version + 1,
			values: formOf(event, { status: 'published', title: 'Corrected' })
		});
		expect((await deleteEvent(actors.editor, event.id, event.version)).kind).toBe('stale');
		expect((await deleteEvent(actors.editor, event.id, event.version + 2)).kind).toBe('ok');
		const log = await auditFor(event.id);
		expect(log.map((row) => row.action)).toEqual([
			'event.published',
			'event.edited',
			'event.deleted'
		]);
		expect(log.every((row) => row.actorId === actors.editor.id)).toBe(true);
		expect(log[0]?.clientAddress).toBe('203.0.113.9');
		expect(await deskEvents.get(event.id, db.sql)).toBeUndefined();
	});
});

describe('parts', () => {
	it('a contributor changes a draft’s parts; on a published event only an editor, audited', async () => {
		const { story, event: draft } = await eventIn('draft');
		const published = await eventRow(db.sql, story.id, { status: 'published' });
		const article = await createStoryArticle(db.sql, story.id);
		const source = { articleId: article.id, evidence: 'The envoy said so.' };

		expect((await parts.addSource(actors.contributor, draft.id, source)).kind).toBe('ok');
		expect(
			(
				await parts.addRelation(actors.contributor, draft.id, {
					relation: 'follows',
					toEventId: published.id
				})
			).kind
		).toBe('ok');
		expect(await auditFor(draft.id)).toEqual([]);

		for (const refused of [
			parts.addSource(actors.contributor, published.id, source),
			parts.addActor(actors.contributor, published.id, {
				name: 'Envoy',
				kind: 'person',
				aliases: []
			}),
			parts.addRelation(actors.contributor, published.id, {
				relation: 'follows',
				toEventId: draft.id
			})
		])
			expect((await refused).kind).toBe('forbidden');
		expect(await deskEvents.sources(published.id, db.sql)).toEqual([]);
		expect(await entities.listForEvent(published.id, db.sql)).toEqual([]);

		expect((await parts.addSource(actors.editor, published.id, source)).kind).toBe('ok');
		const added = await parts.addActor(actors.editor, published.id, {
			name: 'Oksana Vereshchak',
			kind: 'person',
			aliases: [' O. Vereshchak ', '']
		});
		expect(added.kind).toBe('ok');
		const [actor] = await entities.listForEvent(published.id, db.sql);
		expect(actor).toMatchObject({ name: 'Oksana Vereshchak', aliases: ['O. Vereshchak'] });
		expect((await parts.removeActor(actors.contributor, published.id, actor!.id)).kind).toBe(
			'forbidden'
		);
		expect((await parts.removeActor(actors.editor, published.id, actor!.id)).kind).toBe('ok');
		expect((await parts.removeSource(actors.editor, published.id, article.id)).kind).toBe('ok');
		expect((await auditFor(published.id)).map((row) => row.action)).toEqual([
			'event.source_added',
			'event.actor_added',
			'event.actor_removed',
			'event.source_removed'
		]);
	});

	it('refuses a source not filed in the story and a relation to another story', async () => {
		const { story, event } = await eventIn('draft');
		const elsewhere = await eventIn('draft');
		const unfiled = await articles.create(
			{ source: 'Wire', headline: 'Unfiled', body: 'Text.', publishedAt: new Date() },
			db.sql
		);
		expect(
			await parts.addSource(actors.editor, event.id, { articleId: unfiled.id, evidence: 'Text.' })
		).toMatchObject({ kind: 'invalid', errors: { articleId: expect.any(String) } });
		expect(
			await parts.addRelation(actors.editor, event.id, {
				relation: 'follows',
				toEventId: elsewhere.event.id
			})
		).toMatchObject({ kind: 'invalid' });
		expect(
			await parts.addActor(actors.editor, event.id, { name: 'X', kind: 'alien', aliases: [] })
		).toMatchObject({ kind: 'invalid', errors: { entityKind: expect.any(String) } });
		expect(await deskEvents.sources(event.id, db.sql)).toEqual([]);
		expect(await deskEvents.relations(event.id, db.sql)).toEqual([]);
		void story;
	});

	it('merges two events for editors only, with an audit entry', async () => {
		const { story, event: keep } = await eventIn('published');
		const other = await eventRow(db.sql, story.id, { status: 'published', title: 'Duplicate' });
		expect((await mergeEvents(actors.contributor, keep.id, other.id)).kind).toBe('forbidden');
		expect(await deskEvents.get(other.id, db.sql)).toBeDefined();
		expect((await mergeEvents(actors.editor, keep.id, keep.id)).kind).toBe('invalid');
		expect((await mergeEvents(actors.editor, keep.id, other.id)).kind).toBe('ok');
		expect(await deskEvents.get(other.id, db.sql)).toBeUndefined();
		expect((await auditFor(keep.id)).map((row) => row.action)).toEqual(['event.merged']);
	});
});

describe('event proposals', () => {
	it('accepts as a draft (contributors too) and merges into a published event for editors', async () => {
		const article = await db.sql.begin(async (tx) => {
			const created = await articles.create(
				{
					source: 'Wire P',
					headline: 'Talks Resume in Geneva',
					body: 'Daniel Marsh met Oksana Vereshchak in Geneva on Monday for a third round of talks.',
					publishedAt: new Date('2026-01-13T18:00:00Z')
				},
				tx
			);
			await analyseArticle(created.id, tx);
			return created;
		});
		const story = await suggestions.createDraftStory({ title: 'Geneva round three' }, db.sql);
		await suggestions.fileArticle(
			{ storyId: story.id, articleId: article.id, decidedBy: null },
			db.sql
		);
		const [proposal] = (await suggestEvents(article.id, db.sql)) ?? [];
		const ref = { articleId: article.id, fingerprint: proposal!.fingerprint };

		const accepted = await acceptProposal(actors.contributor, ref, {
			title: 'Third round in Geneva',
			kind: 'meeting',
			verification: 'reported',
			date: '2026-01-12'
		});
		expect(accepted).toMatchObject({ kind: 'ok', value: { event: { status: 'draft' } } });
		const eventId = (accepted as { value: { event: { id: number } } }).value.event.id;
		expect((await deskEvents.sources(eventId, db.sql)).map((s) => s.articleId)).toEqual([
			article.id
		]);
		expect((await acceptProposal(actors.editor, ref, {})).kind).toBe('notFound');

		// A second article reporting it, matched against the (now published) event.
		const later = await db.sql.begin(async (tx) => {
			const created = await articles.create(
				{
					source: 'Wire Q',
					headline: 'Geneva Talks Go On',
					body: 'Daniel Marsh met Oksana Vereshchak in Geneva on Monday, officials confirmed.',
					publishedAt: new Date('2026-01-13T20:00:00Z')
				},
				tx
			);
			await analyseArticle(created.id, tx);
			return created;
		});
		await suggestions.fileArticle(
			{ storyId: story.id, articleId: later.id, decidedBy: null },
			db.sql
		);
		await db.sql`update events set status = 'published' where id = ${eventId}`;
		const [match] = (await suggestEvents(later.id, db.sql)) ?? [];
		expect(match?.matchesEventId).toBe(eventId);
		const laterRef = { articleId: later.id, fingerprint: match!.fingerprint };
		expect((await mergeProposal(actors.contributor, laterRef)).kind).toBe('forbidden');
		expect((await mergeProposal(actors.editor, laterRef)).kind).toBe('ok');
		expect((await deskEvents.sources(eventId, db.sql)).map((s) => s.articleId).sort()).toEqual(
			[article.id, later.id].sort()
		);
		expect((await auditFor(eventId)).map((row) => row.action)).toEqual(['event.source_added']);
	});
});
