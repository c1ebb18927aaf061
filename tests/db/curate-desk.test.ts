import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import * as deskEvents from '../../src/lib/server/db/desk-events';
import * as deskStories from '../../src/lib/server/db/desk-stories';
import * as revisions from '../../src/lib/server/db/revisions';
import * as events from '../../src/lib/server/db/events';
import * as entities from '../../src/lib/server/db/entities';
import { restoreEventRevision } from '../../src/lib/server/newsroom/revisions';
import { diffSnapshots } from '../../src/lib/server/revisions/diff';
import {
	createArticle,
	createEvent,
	createStory,
	createStoryArticle,
	createUser
} from '../factories';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db?.drop();
});

const fields = (event: deskEvents.DeskEvent): deskEvents.EventFields => ({
	kind: event.kind,
	title: event.title,
	description: event.description,
	occurredStart: event.occurredStart,
	occurredEnd: event.occurredEnd,
	precision: event.precision,
	timeZone: event.timeZone,
	placeName: event.placeName,
	latitude: event.latitude,
	longitude: event.longitude,
	attribution: event.attribution,
	verification: event.verification,
	status: event.status,
	pinned: event.pinned,
	mediaKind: event.mediaKind,
	mediaUrl: event.mediaUrl,
	mediaCaption: event.mediaCaption,
	mediaCredit: event.mediaCredit,
	mediaAlt: event.mediaAlt,
	mediaWidth: event.mediaWidth,
	mediaHeight: event.mediaHeight
});

describe('optimistic concurrency', () => {
	it('saves against the version it started from and refuses a stale one', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		const event = await createEvent(db.sql, story.id, { title: 'Original' });

		const first = await deskEvents.update(
			event.id,
			event.version,
			{ ...fields(event), title: 'Mine' },
			db.sql
		);
		expect(first.ok).toBe(true);
		const second = await deskEvents.update(
			event.id,
			event.version,
			{ ...fields(event), title: 'Theirs' },
			db.sql
		);
		expect(second.ok).toBe(false);
		if (second.ok) return;
		expect(second.current?.title).toBe('Mine');
		expect(second.current?.version).toBe(event.version + 1);
	});

	it('checks a story edit the same way', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		const edit = {
			title: 'New title',
			slug: story.slug,
			summary: '',
			status: 'developing' as const,
			language: 'en'
		};
		expect((await deskStories.update(story.id, story.version, edit, db.sql)).ok).toBe(true);
		const stale = await deskStories.update(
			story.id,
			story.version,
			{ ...edit, title: 'Other' },
			db.sql
		);
		expect(stale.ok).toBe(false);
		expect((await deskStories.get(story.id, db.sql))?.title).toBe('New title');
	});
});

describe('soft delete and restore', () => {
	it('hides a deleted event, lists it in the trash, and brings it back', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		const event = await createEvent(db.sql, story.id, { title: 'Binned' });
		expect(await deskEvents.softDelete(event.id, event.version, db.sql)).toBe(true);
		expect(await deskEvents.get(event.id, db.sql)).toBeUndefined();
		const trash = await deskStories.listTrash(db.sql);
		expect(trash.some((item) => item.entityType === 'event' && item.id === event.id)).toBe(true);

		expect(await deskEvents.restore(event.id, db.sql)).toBe(true);
		expect((await deskEvents.get(event.id, db.sql))?.title).toBe('Binned');
	});

	it('does not restore what was deleted more than 30 days ago', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		await db.sql`update stories set deleted_at = now() - interval '31 days' where id = ${story.id}`;
		expect(await deskStories.restore(story.id, db.sql)).toBe(false);
		const trash = await deskStories.listTrash(db.sql);
		expect(trash.some((item) => item.entityType === 'story' && item.id === story.id)).toBe(false);
	});
});

describe('merging two events', () => {
	it('keeps every source, actor and relation on the kept event and soft-deletes the other', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		const a1 = await createStoryArticle(db.sql, story.id);
		const a2 = await createStoryArticle(db.sql, story.id);
		const keep = await createEvent(db.sql, story.id, { title: 'Keep' });
		const other = await createEvent(db.sql, story.id, { title: 'Duplicate' });
		const third = await createEvent(db.sql, story.id, { title: 'Third' });
		await events.addSource({ eventId: keep.id, articleId: a1.id, evidence: 'kept quote' }, db.sql);
		await events.addSource(
			{ eventId: other.id, articleId: a1.id, evidence: 'other quote' },
			db.sql
		);
		await events.addSource({ eventId: other.id, articleId: a2.id, evidence: 'only here' }, db.sql);
		await events.relate(
			{ fromEventId: third.id, toEventId: other.id, relation: 'responds_to' },
			db.sql
		);
		await events.relate({ fromEventId: other.id, toEventId: keep.id, relation: 'same_as' }, db.sql);
		const actor = await entities.upsert(
			{ kind: 'person', name: 'An Envoy', aliases: ['Envoy'] },
			db.sql
		);
		await entities.linkToEvent({ eventId: other.id, entityId: actor.id }, db.sql);

		await db.sql.begin((tx) => deskEvents.merge(keep.id, other.id, tx));

		const sources = await deskEvents.sources(keep.id, db.sql);
		expect(sources.map((s) => [s.articleId, s.evidence])).toEqual([
			[a1.id, 'kept quote'],
			[a2.id, 'only here']
		]);
		const actors = await entities.listForEvent(keep.id, db.sql);
		expect(actors.map((e) => e.name)).toContain('An Envoy');
		const relationsOfThird = await deskEvents.relations(third.id, db.sql);
		expect(relationsOfThird).toEqual([
			expect.objectContaining({ toEventId: keep.id, relation: 'responds_to' })
		]);
		expect(await deskEvents.get(other.id, db.sql)).toBeUndefined();
	});
});

describe('revisions', () => {
	it('records each change with its author and restores an earlier one as a new revision', async () => {
		const editor = await createUser(db.sql, { role: 'editor' });
		const story = await createStory(db.sql, { publication: 'draft' });
		const event = await createEvent(db.sql, story.id, {
			title: 'First wording',
			verification: 'claimed'
		});
		await db.sql.begin(async (tx) => {
			await deskStories.actAs(editor.id, tx);
			await deskEvents.update(
				event.id,
				event.version,
				{ ...fields(event), title: 'Second wording', verification: 'confirmed' },
				tx
			);
		});
		const list = await revisions.listFor('event', event.id, db.sql);
		expect(list).toHaveLength(2);
		const [latest, original] = list as [revisions.Revision, revisions.Revision];
		expect(latest.authorId).toBe(editor.id);
		expect(
			diffSnapshots('event', original.snapshot, latest.snapshot).map((c) => [
				c.label,
				c.before,
				c.after
			])
		).toEqual([
			['Title', 'First wording', 'Second wording'],
			['Verification', 'Claimed', 'Confirmed']
		]);
		// Verification history knows the editor too (set in the same transaction).
		const history = await events.verificationHistory(event.id, db.sql);
		expect(history.at(-1)?.changedBy).toBe(editor.id);

		// A stale restore is refused; a current one writes a third revision.
		const actor = { id: editor.id, role: editor.role, clientAddress: null };
		const restore = (expected: number) =>
			restoreEventRevision(actor, event.id, original.entityVersion, expected, db.sql);
		expect((await restore(event.version)).kind).toBe('stale');
		expect((await restore(latest.entityVersion)).kind).toBe('ok');
		const restored = await deskEvents.get(event.id, db.sql);
		expect(restored?.title).toBe('First wording');
		expect(restored?.verification).toBe('claimed');
		expect(await revisions.listFor('event', event.id, db.sql)).toHaveLength(3);
		const [audit] = await db.sql<{ action: string; actorId: number }[]>`
			select action, actor_id from audit_log where entity_type = 'event' and entity_id = ${String(event.id)}`;
		expect(audit).toEqual({ action: 'event.revision_restored', actorId: editor.id });
	});
});

describe('the desk home', () => {
	it('lists drafts by last activity and counts unfiled articles', async () => {
		const before = await deskStories.unfiledArticles(3, db.sql);
		const draft = await createStory(db.sql, { publication: 'draft', title: 'Fresh draft' });
		const loose = await createArticle(db.sql, { headline: 'Nobody filed me' });
		const home = await deskStories.listForDesk(db.sql);
		expect(home[0]?.id).toBe(draft.id);
		const after = await deskStories.unfiledArticles(3, db.sql);
		expect(after.count).toBe(before.count + 1);
		expect(after.first[0]?.id).toBe(loose.id);
		await deskStories.fileArticle(
			{
				storyId: draft.id,
				articleId: loose.id,
				role: 'first_report',
				decidedBy: (await createUser(db.sql)).id
			},
			db.sql
		);
		expect((await deskStories.unfiledArticles(3, db.sql)).count).toBe(before.count);
	});
});
