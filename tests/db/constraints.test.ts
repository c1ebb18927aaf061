import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { createTestDatabase, type TestDatabase } from './harness';
import * as events from '../../src/lib/server/db/events';
import { createEvent, createStory, createUser } from '../factories';
import type { Story } from '../../src/lib/types';

let db: TestDatabase;
let story: Story;

beforeAll(async () => {
	db = await createTestDatabase();
	story = await createStory(db.sql, { slug: 'constraints' });
});

afterAll(async () => {
	await db?.drop();
});

/** Awaits a write that must fail and returns the database's error (not a wrapper or a mapped one). */
async function rejection(write: Promise<unknown>): Promise<postgres.PostgresError> {
	try {
		await write;
	} catch (error) {
		expect(error).toBeInstanceOf(postgres.PostgresError);
		return error as postgres.PostgresError;
	}
	throw new Error('the write was accepted');
}

/** The definition of the constraint that fired, so a test proves the right rule said no. */
async function definitionOf(error: postgres.PostgresError): Promise<string> {
	const [row] = await db.sql<{ definition: string }[]>`
		select pg_get_constraintdef(oid) as definition
		from pg_constraint
		where conname = ${error.constraint_name ?? ''}
	`;
	return row?.definition ?? '';
}

async function eventCount(): Promise<number> {
	const [row] = await db.sql<{ count: number }[]>`select count(*)::int as count from events`;
	return row?.count ?? 0;
}

describe('the database refuses bad rows', () => {
	it('refuses a second story with the same slug', async () => {
		await createStory(db.sql, { slug: 'taken' });
		const error = await rejection(createStory(db.sql, { slug: 'taken', title: 'Another' }));
		expect(error.code).toBe('23505');
		expect(error.constraint_name).toBe('stories_slug_key');
		const rows = await db.sql`select id from stories where slug = 'taken'`;
		expect(rows).toHaveLength(1);
	});

	it('refuses an event that ends before it starts', async () => {
		const before = await eventCount();
		const error = await rejection(
			createEvent(db.sql, story.id, {
				occurredStart: new Date('2025-12-06T05:00:00Z'),
				occurredEnd: new Date('2025-12-05T05:00:00Z')
			})
		);
		expect(error.code).toBe('23514');
		expect(await definitionOf(error)).toContain('occurred_end >= occurred_start');
		expect(await eventCount()).toBe(before);
	});

	it('refuses a verification the newsroom does not use', async () => {
		const error = await rejection(
			createEvent(db.sql, story.id, { verification: 'probably' as never })
		);
		expect(error.code).toBe('23514');
		expect(error.constraint_name).toBe('events_verification_check');
	});

	it('refuses a latitude without a longitude', async () => {
		const error = await rejection(
			createEvent(db.sql, story.id, { placeName: 'Miami', latitude: 25.7617 })
		);
		expect(error.code).toBe('23514');
		expect(await definitionOf(error)).toContain('(latitude IS NULL) = (longitude IS NULL)');
	});

	it('refuses an approximate time with no end to its window', async () => {
		const error = await rejection(createEvent(db.sql, story.id, { precision: 'approximate' }));
		expect(error.code).toBe('23514');
		expect(await definitionOf(error)).toContain("'approximate'");
	});

	it('accepts the same event once it is well formed', async () => {
		const event = await createEvent(db.sql, story.id, {
			precision: 'approximate',
			occurredStart: new Date('2025-11-20T05:00:00Z'),
			occurredEnd: new Date('2025-12-01T04:59:59Z'),
			latitude: 25.7617,
			longitude: -80.1918
		});
		expect(event.occurredEnd).toEqual(new Date('2025-12-01T04:59:59Z'));
	});
});

describe('verification history', () => {
	it('records the first verification and every change, with the acting editor', async () => {
		const editor = await createUser(db.sql);
		const event = await createEvent(db.sql, story.id, {
			attribution: "Russia's defence ministry",
			verification: 'claimed'
		});

		await db.sql.begin(async (tx) => {
			await tx`select set_config('throughline.actor_id', ${String(editor.id)}, true)`;
			await events.setVerification(
				event.id,
				{ verification: 'disputed', attribution: "Russia's defence ministry" },
				tx
			);
		});

		const history = await events.verificationHistory(event.id, db.sql);
		expect(
			history.map((entry) => [entry.verification, entry.attribution, entry.changedBy])
		).toEqual([
			['claimed', "Russia's defence ministry", null],
			['disputed', "Russia's defence ministry", editor.id]
		]);
		expect(history[1]?.changedAt).toBeInstanceOf(Date);
	});

	it('adds nothing when an edit leaves verification and attribution as they were', async () => {
		const event = await createEvent(db.sql, story.id, { verification: 'reported' });
		await events.setVerification(event.id, { verification: 'reported', attribution: null }, db.sql);
		expect(await events.verificationHistory(event.id, db.sql)).toHaveLength(1);
	});

	it('does not leak the actor to the next transaction on the same pool', async () => {
		const editor = await createUser(db.sql);
		const event = await createEvent(db.sql, story.id);
		await db.sql.begin(async (transaction) => {
			await transaction`select set_config('throughline.actor_id', ${String(editor.id)}, true)`;
		});
		await events.setVerification(
			event.id,
			{ verification: 'confirmed', attribution: null },
			db.sql
		);
		const history = await events.verificationHistory(event.id, db.sql);
		expect(history.at(-1)).toMatchObject({ verification: 'confirmed', changedBy: null });
	});
});
