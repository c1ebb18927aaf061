import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { actAs } from '../../src/lib/server/db/client';
import * as deskEvents from '../../src/lib/server/db/desk-events';
import { restoreEventRevision } from '../../src/lib/server/newsroom/revisions';
import { eventFieldsOf } from '../../src/lib/server/revisions/snapshot';
import type { Actor } from '../../src/lib/server/newsroom/actor';
import { createEvent, createStory, createUser } from '../factories';
import { PLAIN_EVENT } from '../../src/lib/types';

let db: TestDatabase;
let editor: Actor;

beforeAll(async () => {
	db = await createTestDatabase();
	const user = await createUser(db.sql, { role: 'editor' });
	editor = { id: user.id, role: user.role, clientAddress: null };
});

afterAll(async () => {
	await db?.drop();
});

const MEDIA = {
	pinned: true,
	mediaKind: 'image' as const,
	mediaUrl: 'https://images.example.org/miami-day-three.jpg',
	mediaCaption: 'Delegations at the table in Miami',
	mediaCredit: 'Pool photo',
	mediaAlt: 'Two delegations seated across a long table',
	mediaWidth: 1200,
	mediaHeight: 800
};

/** Saves these fields over the event as an editor (a revision is written by the trigger). */
async function save(event: deskEvents.DeskEvent, changes: Partial<deskEvents.EventFields>) {
	const result = await db.sql.begin(async (tx) => {
		await actAs(editor.id!, tx);
		return deskEvents.update(event.id, event.version, { ...event, ...changes }, tx);
	});
	if (!result.ok) throw new Error('save clashed');
	return result.value;
}

describe('key events and media in revisions', () => {
	it('restores pinned and every media field exactly, and clears them for an older version', async () => {
		const story = await createStory(db.sql);
		const created = (await deskEvents.get((await createEvent(db.sql, story.id)).id, db.sql))!;
		const withMedia = await save(created, MEDIA);
		const cleared = await save(withMedia, PLAIN_EVENT);

		const back = await restoreEventRevision(
			editor,
			cleared.id,
			withMedia.version,
			cleared.version,
			db.sql
		);
		expect(back.kind).toBe('ok');
		const restored = (await deskEvents.get(cleared.id, db.sql))!;
		for (const [field, value] of Object.entries(MEDIA))
			expect(restored[field as keyof typeof MEDIA], field).toBe(value);

		await restoreEventRevision(editor, cleared.id, created.version, restored.version, db.sql);
		const first = (await deskEvents.get(cleared.id, db.sql))!;
		expect(first.pinned).toBe(false);
		expect(first.mediaUrl).toBeNull();
		expect(first.mediaAlt).toBeNull();
	});

	it('restores a snapshot written before the columns existed as not pinned and without media', async () => {
		const story = await createStory(db.sql);
		const created = (await deskEvents.get((await createEvent(db.sql, story.id)).id, db.sql))!;
		// What the trigger wrote before migrations/00007: the same row without the new keys.
		await db.sql`
			update revisions
			set snapshot = snapshot - 'pinned' - 'media_kind' - 'media_url' - 'media_caption'
				- 'media_credit' - 'media_alt' - 'media_width' - 'media_height'
			where entity_type = 'event' and entity_id = ${created.id}
				and entity_version = ${created.version}`;
		const later = await save(created, { ...MEDIA, title: 'Retitled' });

		const result = await restoreEventRevision(
			editor,
			later.id,
			created.version,
			later.version,
			db.sql
		);

		expect(result.kind).toBe('ok');
		const restored = (await deskEvents.get(later.id, db.sql))!;
		expect(restored.title).toBe(created.title);
		expect(restored.pinned).toBe(false);
		expect([restored.mediaKind, restored.mediaUrl, restored.mediaAlt]).toEqual([null, null, null]);
		expect([restored.mediaWidth, restored.mediaHeight]).toEqual([null, null]);
	});

	it('still refuses a snapshot missing a field that always existed', () => {
		expect(() =>
			eventFieldsOf({ kind: 'meeting', occurred_start: '2025-12-06T00:00:00Z' })
		).toThrow('Revision snapshot has no title');
	});
});
