import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import * as entities from '../../src/lib/server/db/entities';
import * as events from '../../src/lib/server/db/events';
import { createEvent, createStory } from '../factories';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db?.drop();
});

describe('what the story page reads in one go', () => {
	it('lists the entities of several events, by event then name', async () => {
		const story = await createStory(db.sql);
		const moscow = await createEvent(db.sql, story.id);
		const miami = await createEvent(db.sql, story.id);
		const putin = await entities.upsert({ kind: 'person', name: 'Vladimir Putin' }, db.sql);
		const witkoff = await entities.upsert({ kind: 'person', name: 'Steve Witkoff' }, db.sql);
		const city = await entities.upsert({ kind: 'place', name: 'Miami' }, db.sql);
		await entities.linkToEvent({ eventId: moscow.id, entityId: witkoff.id }, db.sql);
		await entities.linkToEvent({ eventId: moscow.id, entityId: putin.id }, db.sql);
		await entities.linkToEvent({ eventId: miami.id, entityId: city.id, role: 'place' }, db.sql);

		const rows = await entities.listForEvents([moscow.id, miami.id], db.sql);
		expect(rows.map((row) => [row.eventId, row.name, row.role])).toEqual([
			[moscow.id, 'Steve Witkoff', 'actor'],
			[moscow.id, 'Vladimir Putin', 'actor'],
			[miami.id, 'Miami', 'place']
		]);
		expect(await entities.listForEvents([], db.sql)).toEqual([]);
	});

	it('reads a whole story’s verification history and relations, not other stories’', async () => {
		const story = await createStory(db.sql);
		const other = await createStory(db.sql);
		const claim = await createEvent(db.sql, story.id, { verification: 'claimed' });
		const reply = await createEvent(db.sql, story.id);
		const elsewhere = await createEvent(db.sql, other.id);
		await events.setVerification(
			claim.id,
			{ verification: 'confirmed', attribution: 'Reuters' },
			db.sql
		);
		await events.relate(
			{ fromEventId: reply.id, toEventId: claim.id, relation: 'responds_to' },
			db.sql
		);
		await events.relate(
			{ fromEventId: elsewhere.id, toEventId: claim.id, relation: 'follows' },
			db.sql
		);

		const history = await events.verificationHistoryForStory(story.id, db.sql);
		expect(history.map((change) => [change.eventId, change.verification])).toEqual([
			[claim.id, 'claimed'],
			[claim.id, 'confirmed'],
			[reply.id, 'reported']
		]);
		const relations = await events.relationsForStory(story.id, db.sql);
		expect(relations).toEqual([
			{ fromEventId: reply.id, toEventId: claim.id, relation: 'responds_to' }
		]);
	});
});
