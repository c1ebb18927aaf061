import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { createHash, randomBytes } from 'node:crypto';
import { createApiToken, createUser } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';
import { responseProblems, type Doc } from '../support/openapi-check';
import { writingRoutes } from '../support/writing-routes';

// Every write endpoint of /api/v1, as the served document lists them, gets generated bodies with
// an editor's token over real HTTP: random JSON, the operation's own field names with hostile
// values (control characters, NUL, huge strings, odd numbers, years 0 and 10000). No answer may
// be a 5xx; every answer is one the document describes; a 4xx says why (`error`, and `fields`
// for field errors) and changes nothing.
test.describe.configure({ timeout: 600_000 });

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const run = randomBytes(4).toString('hex');
let db: ReturnType<typeof e2eDatabase>;
let doc: Doc;
let auth: Record<string, string>;
const ids = { stories: 0, events: 0, articles: 0 };

test.beforeAll(async ({ request }) => {
	db = e2eDatabase();
	const editor = await createUser(db, { role: 'editor' });
	auth = { Authorization: `Bearer ${await createApiToken(db, editor.id)}` };
	doc = (await (await request.get('/api/v1/openapi.json')).json()) as Doc;
	const [story] = await db<{ id: number }[]>`
		insert into stories (slug, title) values (${`fuzz-${run}`}, 'Fuzz target') returning id`;
	const [event] = await db<{ id: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision)
		values (${story!.id}, 'meeting', 'Fuzz meeting', '2025-12-06T15:00:00Z', 'day') returning id`;
	const [article] = await db<{ id: number }[]>`
		insert into articles (source, headline, body_html, body_raw, content_hash, published_at)
		values ('Fuzz Wire', 'Fuzz article', '<p>Fuzz.</p>', 'Fuzz.', ${createHash('sha256').update(run).digest('hex')},
			'2025-12-06T10:00:00Z') returning id`;
	Object.assign(ids, { stories: story!.id, events: event!.id, articles: article!.id });
});

test.afterAll(async () => {
	await db`delete from articles where id = ${ids.articles} or source = 'Fuzz Wire'`;
	await db`delete from stories where id = ${ids.stories}`;
	await db.end({ timeout: 5 });
});

const control = fc.oneof(
	fc.integer({ min: 0, max: 0x1f }),
	fc.constantFrom(0x7f, 0x85, 0x9f, 0xfeff, 0xd800)
);
const hostileString = fc.oneof(
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc
		.tuple(fc.string({ maxLength: 12 }), control, fc.string({ maxLength: 12 }))
		.map(([a, c, b]) => `${a}${String.fromCharCode(c)}${b}`),
	fc.integer({ min: 250, max: 30_000 }).map((n) => 'x'.repeat(n)),
	fc.constantFrom(
		'',
		' ',
		'\u0000',
		'0000-01-01T00:00:00Z',
		'0000-06-01T12:00',
		'10000-01-01T00:00:00Z',
		'+010000-01-01T00:00:00Z',
		'-000001-01-01T00:00:00Z',
		'9999-12-31T23:59:59+14:00',
		'0001-01-01T00:00:00-14:00',
		'2025-02-30T10:00',
		'99999999999999',
		'Europe/Nowhere',
		'approximate',
		'published'
	)
);
const oddNumber = fc.oneof(
	fc.constantFrom(0, -0, -1, 0.5, 1e308, -1e308, 2 ** 31, 2 ** 53, 99_999_999_999_999, 1e-300),
	fc.integer(),
	fc.double({ noNaN: true, noDefaultInfinity: true })
);
const value = fc.oneof(
	hostileString,
	oddNumber,
	fc.boolean(),
	fc.constant(null),
	fc.jsonValue({ maxDepth: 2 })
);
/** A TimelineJS-looking file with hostile values where the importer reads text and dates. */
const timeline = fc.record({
	title: fc.record({ text: fc.record({ headline: value, text: value }) }),
	events: fc.array(
		fc.record({
			start_date: fc.record({ year: value, month: value, day: value }),
			end_date: fc.option(fc.record({ year: value }), { nil: undefined }),
			text: fc.record({ headline: value, text: value }),
			group: value
		}),
		{ maxLength: 3 }
	)
});

function fieldsOf(method: string, template: string): string[] {
	const schema = doc.paths[template]?.[method]?.requestBody?.content['application/json']?.schema;
	const ref = typeof schema?.$ref === 'string' ? (schema.$ref.split('/').pop() ?? '') : '';
	const resolved = ((doc.components as { schemas: Record<string, unknown> }).schemas[ref] ??
		schema ??
		{}) as { properties?: Record<string, unknown> };
	return Object.keys(resolved.properties ?? {});
}

function bodies(method: string, template: string) {
	const fields = fieldsOf(method, template);
	const named = fields.length
		? [
				fc.dictionary(fc.constantFrom(...fields), value, { minKeys: 1, maxKeys: fields.length }),
				fc.dictionary(fc.constantFrom(...fields), hostileString, { minKeys: 1, maxKeys: 3 })
			]
		: [];
	return fc.oneof(
		fc.jsonValue({ maxDepth: 3 }),
		...named,
		...(template.includes('timelinejs') ? [timeline] : [])
	);
}

/** The write operations the document lists; every writing API route must be among them. */
function writeOperations(): { method: string; template: string }[] {
	return Object.entries(doc.paths).flatMap(([template, item]) =>
		Object.keys(item)
			.filter((method) => ['post', 'put', 'patch'].includes(method))
			.map((method) => ({ method, template }))
	);
}

test('every writing API route is in the document', () => {
	const documented = new Set(
		Object.entries(doc.paths).flatMap(([template, item]) =>
			Object.keys(item).map((m) => `${m.toUpperCase()} ${template.replace(/\{(\w+)\}/g, '[$1]')}`)
		)
	);
	const routes = writingRoutes().filter(
		(route) => route.kind === 'api' && route.route.startsWith('/api/v1')
	);
	expect(routes.length).toBeGreaterThan(5);
	expect(routes.map((route) => route.key).filter((key) => !documented.has(key))).toEqual([]);
});

async function versionOf(template: string): Promise<number | undefined> {
	if (template === '/api/v1/stories/{id}')
		return (
			await db<{ version: number }[]>`select version from stories where id = ${ids.stories}`
		)[0]?.version;
	if (template === '/api/v1/events/{id}')
		return (await db<{ version: number }[]>`select version from events where id = ${ids.events}`)[0]
			?.version;
	return undefined;
}

test('generated bodies never get a 5xx, and a 4xx says why and changes nothing', async ({
	request
}) => {
	const operations = writeOperations();
	expect(operations.length).toBeGreaterThan(6);
	for (const { method, template } of operations) {
		const segment = template.split('/')[3] as keyof typeof ids;
		const url = template.replace('{id}', String(ids[segment]));
		await fc.assert(
			fc.asyncProperty(bodies(method, template), async (body) => {
				const version = await versionOf(template);
				const response = await request.fetch(url, {
					method,
					headers: {
						...auth,
						'Content-Type': 'application/json',
						...(version === undefined ? {} : { 'If-Match': `"${version}"` })
					},
					data: JSON.stringify(body)
				});
				const status = response.status();
				const what = `${method.toUpperCase()} ${url} ${JSON.stringify(body).slice(0, 300)}`;
				expect(status, what).toBeLessThan(500);
				expect(await responseProblems(doc, method, template, response), what).toEqual([]);
				if (status >= 400) {
					const answer = (await response.json()) as { error?: unknown; fields?: unknown };
					expect(typeof answer.error === 'string' || typeof answer.fields === 'object', what).toBe(
						true
					);
					expect(await versionOf(template), `${what} changed the target`).toBe(version);
				}
			}),
			{ numRuns: RUNS }
		);
	}
});
