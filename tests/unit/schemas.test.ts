/**
 * The input schemas ($lib/schemas) and the parsers built on them: every bad input is a field
 * error keyed by its field, never an exception; one limit per field; and the OpenAPI document
 * says what the schemas accept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/lib/desk/event-input';
import { parseStory } from '../../src/lib/desk/story-input';
import { validateArticle } from '../../src/lib/server/ingest/article-input';
import { openApiDocument } from '../../src/lib/server/api/openapi';
import { LIMITS } from '../../src/lib/schemas/limits';
import { EVENT_FIELDS } from '../../src/lib/schemas/event';
import { tokenNameProblem } from '../../src/lib/server/auth/tokens';
import { newUserProblems } from '../../src/lib/server/auth/accounts';
import { checkDocumentSchemas, validate } from '../support/json-schema';

const goodEvent = {
	kind: 'meeting',
	title: 'Talks resume',
	description: 'Line one\n\tLine two',
	occurredStart: '2025-12-06T10:00',
	timeZone: 'America/New_York',
	precision: 'minute',
	placeName: 'Miami',
	latitude: '25.76',
	longitude: '-80.19',
	attribution: 'White House',
	verification: 'claimed',
	status: 'draft'
};
const goodStory = {
	title: 'Peace talks',
	slug: 'peace-talks',
	summary: 'Two\nlines',
	status: 'developing'
};
const goodArticle = {
	headline: 'Talks resume',
	body: 'Delegations met.\n\nAgain.',
	source: 'Wire',
	publishedAt: '2025-12-06T10:00:00Z'
};

/** A control character no field takes (NUL, other C0 but tab/LF/CR, DEL, C1). */
const control = fc.oneof(
	fc.integer({ min: 0, max: 8 }),
	fc.constantFrom(0x0b, 0x0c),
	fc.integer({ min: 0x0e, max: 0x1f }),
	fc.integer({ min: 0x7f, max: 0x9f })
);
const withControl = fc
	.tuple(fc.string({ maxLength: 20 }), control, fc.string({ maxLength: 20 }))
	.map(([a, c, b]) => `x${a}${String.fromCharCode(c)}${b}`);

describe('text fields refuse control characters, field by field', () => {
	const cases = [
		[
			'event',
			parseEvent,
			goodEvent,
			['title', 'description', 'placeName', 'attribution', 'timeZone']
		],
		['story', parseStory, goodStory, ['title', 'summary']],
		[
			'article',
			(input: Record<string, unknown>) => validateArticle(input as never),
			goodArticle,
			['headline', 'body', 'source']
		]
	] as const;
	for (const [name, parse, good, fields] of cases)
		it(`${name}: ${fields.join(', ')}`, () => {
			expect(parse({ ...good }).ok).toBe(true);
			fc.assert(
				fc.property(fc.constantFrom(...fields), withControl, (field, value) => {
					const result = parse({ ...good, [field]: value });
					expect(result.ok ? {} : result.errors).toEqual({ [field]: expect.any(String) });
				}),
				{ numRuns: 200 }
			);
		}, 30_000);

	it('keeps tab and newline in multi-line fields only', () => {
		expect(parseEvent({ ...goodEvent, description: 'a\r\n\tb' }).ok).toBe(true);
		expect(parseEvent({ ...goodEvent, title: 'a\nb' })).toMatchObject({ ok: false });
		expect(parseEvent({ ...goodEvent, title: 'a\tb' }).ok).toBe(true);
	});

	it('token names, new users and the sign-in fields too', () => {
		expect(tokenNameProblem('nightly\u0000import')).toMatch(/control/);
		expect(tokenNameProblem('nightly import')).toBeUndefined();
		const user = {
			email: 'a@example.org',
			displayName: 'Ada',
			role: 'editor',
			password: 'long enough'
		};
		expect(newUserProblems(user)).toEqual({});
		expect(newUserProblems({ ...user, displayName: 'A\u0000da' })).toEqual({
			displayName: expect.stringMatching(/control/)
		});
		expect(newUserProblems({ ...user, email: 'a\u0000@example.org' })).toHaveProperty('email');
	});
});

describe('one limit per field, on every door', () => {
	it('caps each text field at its limit and no lower', () => {
		const at = (n: number) => 'x'.repeat(n);
		expect(parseStory({ ...goodStory, summary: at(LIMITS.summary) }).ok).toBe(true);
		expect(parseStory({ ...goodStory, summary: at(LIMITS.summary + 1) })).toMatchObject({
			ok: false,
			errors: { summary: expect.any(String) }
		});
		for (const [field, limit] of [
			['title', LIMITS.title],
			['description', LIMITS.description],
			['attribution', LIMITS.attribution],
			['placeName', LIMITS.name]
		] as const) {
			expect(parseEvent({ ...goodEvent, [field]: at(limit) }).ok, field).toBe(true);
			expect(parseEvent({ ...goodEvent, [field]: at(limit + 1) }), field).toMatchObject({
				ok: false,
				errors: { [field]: expect.any(String) }
			});
		}
	});

	it('the OpenAPI document states the same limits for POST and PATCH', () => {
		const schemas = (
			openApiDocument('http://x') as {
				components: { schemas: Record<string, unknown> };
			}
		).components.schemas;
		const max = (schema: string, field: string) => {
			const property = (schemas[schema] as { properties: Record<string, Record<string, unknown>> })
				.properties[field]!;
			const text = (property.anyOf as Record<string, unknown>[] | undefined)?.[0] ?? property;
			return text.maxLength;
		};
		expect(max('NewStory', 'summary')).toBe(LIMITS.summary);
		expect(max('StoryChange', 'summary')).toBe(LIMITS.summary);
		expect(max('StoryChange', 'slug')).toBe(LIMITS.slug);
		expect(max('EventChange', 'description')).toBe(LIMITS.description);
		expect(max('EventChange', 'attribution')).toBe(LIMITS.attribution);
		expect(max('NewArticle', 'headline')).toBe(LIMITS.headline);
		expect(max('NewArticle', 'dek')).toBe(LIMITS.dek);
	});
});

describe('dates are years 1 to 9999 on a real calendar', () => {
	it.each([
		['0000-06-01T00:00Z'],
		['10000-01-01T00:00Z'],
		['+010000-01-01T00:00:00Z'],
		['2025-02-30T10:00'],
		['2025-13-01T10:00Z'],
		['2025-01-01T24:00Z'],
		['2025-01-01T10:00+25:00']
	])('refuses %s', (start) => {
		const result = parseEvent({ ...goodEvent, occurredStart: start });
		expect(result.ok ? {} : result.errors).toEqual({ occurredStart: expect.any(String) });
	});

	it('reads years 1 and 9999 and wall-clock time in the zone', () => {
		const first = parseEvent({ ...goodEvent, occurredStart: '0001-01-01T12:00Z', timeZone: 'UTC' });
		expect(first.ok && first.value.occurredStart.toISOString()).toBe('0001-01-01T12:00:00.000Z');
		const last = parseEvent({ ...goodEvent, occurredStart: '9999-12-31T10:00Z' });
		expect(last.ok && last.value.occurredStart.getUTCFullYear()).toBe(9999);
		const local = parseEvent(goodEvent);
		expect(local.ok && local.value.occurredStart.toISOString()).toBe('2025-12-06T15:00:00.000Z');
	});

	it('refuses article dates past 9999', () => {
		const result = validateArticle({ ...goodArticle, publishedAt: '+010000-01-01T00:00:00Z' });
		expect(result.ok ? {} : Object.keys(result.errors)).toEqual(['publishedAt']);
	});
});

describe('any input is a result, never an exception', () => {
	const keys = [...EVENT_FIELDS, 'slug', 'summary', 'headline', 'body', 'source', 'publishedAt'];
	const body = fc.dictionary(fc.constantFrom(...keys, 'other'), fc.jsonValue(), { maxKeys: 12 });

	it('parses arbitrary JSON into a value or errors keyed by known fields', () => {
		fc.assert(
			fc.property(body, (input) => {
				for (const result of [
					parseEvent(input),
					parseStory(input),
					validateArticle(input as never)
				]) {
					if (result.ok) continue;
					expect(Object.keys(result.errors).length).toBeGreaterThan(0);
					for (const [key, message] of Object.entries(result.errors)) {
						expect(keys).toContain(key);
						expect(typeof message).toBe('string');
					}
				}
			}),
			{ numRuns: 300 }
		);
	}, 30_000);

	it('gives back, field by field, the event it was given', () => {
		const event = fc.record({
			kind: fc.constantFrom('meeting', 'statement', 'policy'),
			title: fc.string({ minLength: 1, maxLength: 40 }).filter((t) => /^[\w ]*\w$/.test(t)),
			start: fc.date({
				min: new Date('0100-01-01T00:00:00Z'),
				max: new Date('9999-01-01T00:00:00Z'),
				noInvalidDate: true
			}),
			latitude: fc.double({ min: -90, max: 90, noNaN: true }),
			longitude: fc.double({ min: -180, max: 180, noNaN: true })
		});
		fc.assert(
			fc.property(event, (e) => {
				const result = parseEvent({
					...e,
					occurredStart: e.start.toISOString(),
					timeZone: 'Europe/Kyiv'
				});
				expect(result.ok && result.value).toMatchObject({
					kind: e.kind,
					title: e.title.trim(),
					occurredStart: e.start,
					latitude: e.latitude,
					longitude: e.longitude,
					timeZone: 'Europe/Kyiv'
				});
			}),
			{ numRuns: 200 }
		);
	}, 30_000);
});

describe('the OpenAPI document', () => {
	const doc = openApiDocument('http://x') as {
		paths: Record<string, Record<string, { operationId?: string }>>;
		components: { schemas: Record<string, Record<string, unknown>> };
	};

	it('names every operation and uses only keywords the test validator checks', () => {
		const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
		expect(operations.every((op) => typeof op.operationId === 'string')).toBe(true);
		expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length);
		expect(checkDocumentSchemas(doc)).toEqual([]);
	});

	it('describes the event change with the names the API returns, and accepts a read event back', () => {
		const change = doc.components.schemas.EventChange as { properties: Record<string, unknown> };
		expect(Object.keys(change.properties).sort()).toEqual([...EVENT_FIELDS].sort());
		expect(change.properties).toHaveProperty('latitude');
		expect(change.properties).not.toHaveProperty('start');
		const story = doc.components.schemas.StoryChange as { properties: Record<string, unknown> };
		expect(story.properties).toHaveProperty('slug');
		const sent = {
			title: 'Talks',
			occurredStart: '2025-12-06T10:00:00.000Z',
			latitude: 25.7,
			longitude: -80.2
		};
		expect(validate(doc, { $ref: '#/components/schemas/EventChange' }, sent)).toEqual([]);
		expect(validate(doc, { $ref: '#/components/schemas/EventChange' }, { start: 'x' })).not.toEqual(
			[]
		);
	});
});
