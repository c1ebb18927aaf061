import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { actAs } from '../../src/lib/server/db/client';
import * as deskEvents from '../../src/lib/server/db/desk-events';
import * as deskStories from '../../src/lib/server/db/desk-stories';
import {
	restoreEventRevision,
	restoreStoryRevision
} from '../../src/lib/server/newsroom/revisions';
import type { Actor } from '../../src/lib/server/newsroom/actor';
import type { Role } from '../../src/lib/types';
import { createEvent, createStory, createUser } from '../factories';

/** Who may restore what: nothing a contributor restores changes what readers see. */

let db: TestDatabase;
const actors = {} as Record<Role, Actor>;

beforeAll(async () => {
	db = await createTestDatabase();
	for (const role of ['contributor', 'editor'] as const) {
		const user = await createUser(db.sql, { role });
		actors[role] = { id: user.id, role, clientAddress: '192.0.2.7' };
	}
});

afterAll(async () => {
	await db?.drop();
});

/** An event edited once by an editor: version 1 as created, version 2 with a new title. */
async function editedEvent(status: 'draft' | 'published', firstStatus = status) {
	const story = await createStory(db.sql, { publication: 'published' });
	const event = await createEvent(db.sql, story.id, { title: 'First', status: firstStatus });
	const saved = await db.sql.begin(async (tx) => {
		await actAs(actors.editor.id!, tx);
		return deskEvents.update(
			event.id,
			event.version,
			{ ...(await deskEvents.get(event.id, tx))!, title: 'Second', status },
			tx
		);
	});
	if (!saved.ok) throw new Error('edit failed');
	return saved.value;
}

describe('restoring an event revision', () => {
	it('lets a contributor restore a draft, as a new revision with an audit entry', async () => {
		const event = await editedEvent('draft');
		const result = await restoreEventRevision(
			actors.contributor,
			event.id,
			1,
			event.version,
			db.sql
		);
		expect(result.kind).toBe('ok');
		expect((await deskEvents.get(event.id, db.sql))?.title).toBe('First');
		const [entry] = await db.sql<{ action: string; actorId: number; clientAddress: string }[]>`
			select action, actor_id, client_address from audit_log
			where entity_type = 'event' and entity_id = ${String(event.id)}`;
		expect(entry).toEqual({
			action: 'event.revision_restored',
			actorId: actors.contributor.id,
			clientAddress: '192.0.2.7'
		});
	});

	it('refuses a contributor on a published event, and one that a restore would publish', async () => {
		const published = await editedEvent('published');
		const onPublished = await restoreEventRevision(
			actors.contributor,
			published.id,
			1,
			published.version,
			db.sql
		);
		expect(onPublished.kind).toBe('forbidden');
		// Created published, then withdrawn: restoring version 1 would publish it again.
		const withdrawn = await editedEvent('draft', 'published');
		const republish = await restoreEventRevision(
			actors.contributor,
			withdrawn.id,
			1,
			withdrawn.version,
			db.sql
		);
		expect(republish.kind).toBe('forbidden');
		expect((await deskEvents.get(withdrawn.id, db.sql))?.status).toBe('draft');
		const byEditor = await restoreEventRevision(
			actors.editor,
			withdrawn.id,
			1,
			withdrawn.version,
			db.sql
		);
		expect(byEditor.kind).toBe('ok');
		expect((await deskEvents.get(withdrawn.id, db.sql))?.status).toBe('published');
	});

	it('answers a contributor alike for an unknown id and a published one', async () => {
		const published = await editedEvent('published');
		const known = await restoreEventRevision(actors.contributor, published.id, 1, 2, db.sql);
		const unknown = await restoreEventRevision(actors.contributor, 987654, 1, 2, db.sql);
		expect(unknown).toEqual(known);
		expect((await restoreEventRevision(actors.editor, 987654, 1, 2, db.sql)).kind).toBe('notFound');
	});

	it('refuses a stale version and an unknown revision, and stores nothing', async () => {
		const event = await editedEvent('draft');
		const stale = await restoreEventRevision(actors.editor, event.id, 1, event.version - 1, db.sql);
		expect(stale).toMatchObject({ kind: 'stale', version: event.version });
		const missing = await restoreEventRevision(actors.editor, event.id, 99, event.version, db.sql);
		expect(missing.kind).toBe('notFound');
		expect((await deskEvents.get(event.id, db.sql))?.version).toBe(event.version);
	});
});

describe('restoring a story revision', () => {
	it('refuses a contributor on a published story and an unknown id alike', async () => {
		const story = await createStory(db.sql, { publication: 'published' });
		const known = await restoreStoryRevision(
			actors.contributor,
			story.id,
			1,
			story.version,
			db.sql
		);
		const unknown = await restoreStoryRevision(actors.contributor, 987654, 1, 1, db.sql);
		expect(known.kind).toBe('forbidden');
		expect(unknown).toEqual(known);
	});

	it('refuses a slug another story took since, keeping the story as it is', async () => {
		const story = await createStory(db.sql, { publication: 'draft', slug: 'old-name' });
		const renamed = await deskStories.update(
			story.id,
			story.version,
			{
				title: story.title,
				slug: 'new-name',
				summary: story.summary,
				status: story.status,
				language: story.language
			},
			db.sql
		);
		if (!renamed.ok) throw new Error('rename failed');
		await createStory(db.sql, { slug: 'old-name' });
		const result = await restoreStoryRevision(
			actors.editor,
			story.id,
			1,
			renamed.value.version,
			db.sql
		);
		expect(result).toMatchObject({ kind: 'invalid', errors: { slug: expect.any(String) } });
		expect((await deskStories.get(story.id, db.sql))?.slug).toBe('new-name');
	});
});
