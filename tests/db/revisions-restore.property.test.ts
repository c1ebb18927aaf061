import type { CommandResult } from '../../src/lib/server/newsroom/result';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from './harness';
import { actAs } from '../../src/lib/server/db/client';
import * as deskEvents from '../../src/lib/server/db/desk-events';
import * as deskStories from '../../src/lib/server/db/desk-stories';
import { fromLocalInput } from '../../src/lib/desk/zoned';
import {
	restoreEventRevision,
	restoreStoryRevision
} from '../../src/lib/server/newsroom/revisions';
import type { Actor } from '../../src/lib/server/newsroom/actor';
import { EVENT_KINDS, PRECISIONS, VERIFICATIONS } from '../../src/lib/types';
import { createEvent, createStory, createUser } from '../factories';

/**
 * Whatever sequence of edits a story and an event went through, restoring the revision that
 * recorded version N gives back every editable field exactly as it was at N: dates to the
 * millisecond in whatever zone they were entered, places, coordinates, nulls and non-nulls.
 * Runs against the real client (postgres.camel renames keys inside the jsonb snapshots).
 */

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

const ZONES = [
	'UTC',
	'Europe/Kyiv',
	'America/New_York',
	'America/St_Johns',
	'Asia/Kolkata',
	'Asia/Kathmandu',
	'Australia/Lord_Howe',
	'Pacific/Chatham'
];

// Text as editors type it; PostgreSQL text cannot hold NUL.
const words = (minLength = 0) =>
	fc.string({ unit: 'grapheme', minLength, maxLength: 30 }).filter((s) => !s.includes('\u0000'));
const title = words(1).filter((s) => s.trim().length > 0);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
// -0 is not a coordinate anyone means; jsonb keeps it as 0.
const coordinate = (limit: number) =>
	fc.double({ min: -limit, max: limit, noNaN: true }).map((n) => (Object.is(n, -0) ? 0 : n));

/** A wall-clock time in a zone, as the desk form reads it (DST gaps and overlaps included). */
const zonedStart = fc
	.record({
		zone: fc.constantFrom(...ZONES),
		year: fc.integer({ min: 1950, max: 2060 }),
		month: fc.integer({ min: 1, max: 12 }),
		day: fc.integer({ min: 1, max: 28 }),
		hour: fc.integer({ min: 0, max: 23 }),
		minute: fc.integer({ min: 0, max: 59 })
	})
	.map(({ zone, year, month, day, hour, minute }) => {
		const pad = (n: number) => String(n).padStart(2, '0');
		const local = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
		return { zone, start: fromLocalInput(local, zone) ?? new Date(`${local}:00Z`) };
	});

const eventFields: fc.Arbitrary<deskEvents.EventFields> = fc
	.record({
		kind: fc.constantFrom(...EVENT_KINDS),
		title,
		description: words(),
		when: fc.oneof(
			zonedStart,
			fc.record({
				zone: fc.constantFrom(...ZONES),
				start: fc.date({
					min: new Date('1900-01-01T00:00:00Z'),
					max: new Date('2100-01-01T00:00:00Z'),
					noInvalidDate: true
				})
			})
		),
		span: optional(fc.integer({ min: 0, max: 90 * 86_400_000 })),
		precision: fc.constantFrom(...PRECISIONS),
		placeName: optional(words(1)),
		coordinates: optional(fc.tuple(coordinate(90), coordinate(180))),
		attribution: optional(words(1)),
		verification: fc.constantFrom(...VERIFICATIONS),
		status: fc.constantFrom('draft' as const, 'published' as const),
		pinned: fc.boolean(),
		media: optional(
			fc.record({
				kind: fc.constantFrom('image' as const, 'link' as const),
				url: fc.constantFrom(
					'https://images.example.org/miami-talks.jpg',
					'https://www.youtube.com/watch?v=abc123',
					'http://bsky.app/profile/news.example/post/3k'
				),
				caption: optional(words()),
				credit: optional(words(1)),
				alt: title,
				size: optional(
					fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 4000 }))
				)
			})
		)
	})
	.map((r) => {
		// An approximate time needs the end of its window (a CHECK says so).
		const span = r.span ?? (r.precision === 'approximate' ? 86_400_000 : null);
		return {
			kind: r.kind,
			title: r.title,
			description: r.description,
			occurredStart: r.when.start,
			occurredEnd: span === null ? null : new Date(r.when.start.getTime() + span),
			precision: r.precision,
			timeZone: r.when.zone,
			placeName: r.placeName,
			latitude: r.coordinates?.[0] ?? null,
			longitude: r.coordinates?.[1] ?? null,
			attribution: r.attribution,
			verification: r.verification,
			status: r.status,
			pinned: r.pinned,
			mediaKind: r.media?.kind ?? null,
			mediaUrl: r.media?.url ?? null,
			mediaCaption: r.media?.caption ?? null,
			mediaCredit: r.media?.credit ?? null,
			mediaAlt: r.media?.alt ?? null,
			mediaWidth: r.media?.size?.[0] ?? null,
			mediaHeight: r.media?.size?.[1] ?? null
		};
	});

const storyFields = fc.record({
	title,
	// Unicode slugs are accepted as well as ASCII ones (issue 18).
	slug: fc.oneof(
		fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,2}$/),
		fc.stringMatching(/^[а-яіїєґ0-9]{1,12}(-[а-яіїєґ]{1,8}){0,2}$/)
	),
	summary: words(),
	status: fc.constantFrom('developing' as const, 'concluded' as const),
	language: fc.constantFrom('en', 'uk', 'ru', 'ar', 'und', 'pt-BR')
});

/** The editable fields of a row, as the db modules name them. */
const pick = <T extends object>(row: T, names: readonly string[]) =>
	Object.fromEntries(names.map((name) => [name, (row as Record<string, unknown>)[name]]));
const STORY_FIELD_NAMES = ['title', 'slug', 'summary', 'status', 'language'] as const;

/** Field by field, so a failure names the field; instants compare to the millisecond. */
function expectSameFields(actual: object, expected: Record<string, unknown>) {
	for (const [name, value] of Object.entries(expected)) {
		const got = (actual as Record<string, unknown>)[name];
		if (value instanceof Date) {
			expect(got, name).toBeInstanceOf(Date);
			expect((got as Date).toISOString(), name).toBe(value.toISOString());
		} else {
			expect(got, name).toStrictEqual(value);
		}
	}
}

/** Which versions to restore, as fractions of the history (mapped once its length is known). */
const restoreOrder = fc.array(fc.nat(), { minLength: 1, maxLength: 3 });

/**
 * Restores the versions `picks` names, one after another, and checks after each that the stored
 * entity has exactly the editable fields that version had.
 */
async function restoreEach<T extends { id: number; version: number }>(
	start: T,
	byVersion: Map<number, Record<string, unknown>>,
	picks: number[],
	door: {
		restore: (id: number, version: number, expected: number) => Promise<CommandResult<T>>;
		read: (id: number) => Promise<T | undefined>;
	}
) {
	const versions = [...byVersion.keys()];
	let current = start;
	for (const n of picks) {
		const version = versions[n % versions.length]!;
		const result = await door.restore(current.id, version, current.version);
		if (result.kind !== 'ok') throw new Error(`restore answered ${result.kind}`);
		current = result.value;
		expectSameFields((await door.read(current.id))!, byVersion.get(version)!);
	}
}

describe('restoring a revision', () => {
	it('gives an event back every editable field of that version', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		await fc.assert(
			fc.asyncProperty(
				fc.array(eventFields, { minLength: 1, maxLength: 5 }),
				restoreOrder,
				async (edits, picks) => {
					const created = await createEvent(db.sql, story.id);
					const byVersion = new Map<number, Record<string, unknown>>();
					let current = (await deskEvents.get(created.id, db.sql))!;
					byVersion.set(current.version, pick(current, deskEvents.EVENT_FIELD_NAMES));
					for (const fields of edits) {
						const saved = await db.sql.begin(async (tx) => {
							await actAs(editor.id!, tx);
							return deskEvents.update(current.id, current.version, fields, tx);
						});
						if (!saved.ok) throw new Error('the edit clashed with nothing');
						current = saved.value;
						byVersion.set(current.version, { ...fields });
					}
					await restoreEach(current, byVersion, picks, {
						restore: (id, version, expected) =>
							restoreEventRevision(editor, id, version, expected, db.sql),
						read: (id) => deskEvents.get(id, db.sql)
					});
				}
			),
			{ numRuns: 40 }
		);
	});

	it('gives a story back every editable field of that version', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(storyFields, { minLength: 1, maxLength: 5 }),
				restoreOrder,
				async (edits, picks) => {
					const created = await createStory(db.sql, { publication: 'draft' });
					// Slugs are unique across stories: this story's own suffix keeps runs apart.
					const own = (slug: string) => `${slug}-s${created.id}`;
					const byVersion = new Map<number, Record<string, unknown>>();
					let current = created;
					byVersion.set(current.version, pick(current, STORY_FIELD_NAMES));
					for (const edit of edits) {
						const fields = { ...edit, slug: own(edit.slug) };
						const saved = await db.sql.begin(async (tx) => {
							await actAs(editor.id!, tx);
							return deskStories.update(current.id, current.version, fields, tx);
						});
						if (!saved.ok) throw new Error('the edit clashed with nothing');
						current = saved.value;
						byVersion.set(current.version, { ...fields });
					}
					await restoreEach(current, byVersion, picks, {
						restore: (id, version, expected) =>
							restoreStoryRevision(editor, id, version, expected, db.sql),
						read: (id) => deskStories.get(id, db.sql)
					});
				}
			),
			{ numRuns: 30 }
		);
	});
});
