import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from './harness';
import * as deskEvents from '../../src/lib/server/db/desk-events';
import { createEvent, createStory } from '../factories';
import { fromLocalInput, toLocalInput } from '../../src/lib/desk/zoned';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
});

afterAll(async () => {
	await db?.drop();
});

describe('event dates in the database, years 0001 to 9999', () => {
	it('reads back year 0001 as 0001 (V8 read PostgreSQL’s "0001-03-01 …+00" as 2001)', async () => {
		const story = await createStory(db.sql);
		const start = fromLocalInput('0001-03-01T12:00', 'Europe/Rome')!;
		const end = fromLocalInput('9999-12-31T12:00', 'Europe/Rome')!;
		const created = await createEvent(db.sql, story.id, {
			occurredStart: start,
			occurredEnd: end,
			timeZone: 'Europe/Rome'
		});
		const read = await deskEvents.get(created.id, db.sql);
		expect(read?.occurredStart.toISOString()).toBe(start.toISOString());
		expect(read?.occurredEnd?.toISOString()).toBe(end.toISOString());
		expect(toLocalInput(read!.occurredStart, 'Europe/Rome')).toBe('0001-03-01T12:00');
	});

	it('round-trips any instant we accept, to the millisecond', async () => {
		const story = await createStory(db.sql);
		await fc.assert(
			fc.asyncProperty(
				fc.date({
					min: new Date('0001-01-01T00:00:00.001Z'),
					max: new Date('9999-12-31T23:59:59.999Z'),
					noInvalidDate: true
				}),
				async (at) => {
					const created = await createEvent(db.sql, story.id, { occurredStart: at });
					const read = await deskEvents.get(created.id, db.sql);
					expect(read?.occurredStart.toISOString()).toBe(at.toISOString());
				}
			),
			{ numRuns: 60 }
		);
	});
});
