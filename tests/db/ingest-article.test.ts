import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { ingestArticle as ingestCommand, TOO_LARGE } from '../../src/lib/server/newsroom/articles';
import type { Actor } from '../../src/lib/server/newsroom/actor';
import type { ArticleInput } from '../../src/lib/server/ingest/article-input';

// The analysis step stands in for whatever runs after the insert: a failure there must undo it.
const analyse = vi.hoisted(() => ({ fail: false, calls: [] as number[] }));
vi.mock('../../src/lib/server/suggest/analyse', () => ({
	analyseArticle: (articleId: number) => {
		analyse.calls.push(articleId);
		if (analyse.fail) return Promise.reject(new Error('analysis broke'));
		return Promise.resolve();
	}
}));

let db: TestDatabase;
let n = 0;

const contributor: Actor = { id: null, role: 'contributor', clientAddress: null };

/** The command's stored article, or its refusal thrown (for the tests that expect success). */
async function ingestArticle(input: ArticleInput, sql: TestDatabase['sql']) {
	const result = await ingestCommand(contributor, input, sql);
	if (result.kind !== 'ok') throw new Error(`refused: ${JSON.stringify(result)}`);
	return result.value;
}

function article(overrides: Partial<ArticleInput> = {}): ArticleInput {
	n += 1;
	return {
		headline: `Talks resume in Istanbul, round ${n}`,
		body: `<p>Delegations met on day ${n}.</p><p>They agreed <a href="https://example.org/x">terms</a>.</p>`,
		source: 'Test Wire',
		url: `https://wire.example/articles/${n}`,
		publishedAt: '2025-06-10T14:30:00+03:00',
		...overrides
	};
}

async function count(): Promise<number> {
	const [row] = await db.sql<{ count: number }[]>`select count(*)::int as count from articles`;
	return row?.count ?? 0;
}

beforeAll(async () => {
	db = await createTestDatabase({});
});

afterAll(async () => {
	await db.drop();
});

beforeEach(() => {
	analyse.fail = false;
	analyse.calls = [];
});

describe('ingestArticle', () => {
	it('stores the sanitised body, the original and the hash, then analyses the article', async () => {
		const input = article({ body: '<p onclick="x()">Copy<script>alert(1)</script></p>' });
		const { article: stored, created } = await ingestArticle(input, db.sql);

		expect(created).toBe(true);
		expect(stored.bodyHtml).toBe('<p>Copy</p>');
		expect(stored.publishedAt.toISOString()).toBe('2025-06-10T11:30:00.000Z');
		const [row] = await db.sql<{ bodyRaw: string; contentHash: string }[]>`
			select body_raw, content_hash from articles where id = ${stored.id}`;
		expect(row?.bodyRaw).toBe(input.body);
		expect(row?.contentHash).toMatch(/^[0-9a-f]{64}$/);
		expect(analyse.calls).toEqual([stored.id]);
	});

	it('returns the stored article for the same URL and stores nothing new', async () => {
		const first = await ingestArticle(article({ url: 'https://wire.example/same' }), db.sql);
		const before = await count();
		const again = await ingestArticle(
			article({ url: 'https://wire.example/same#comments', headline: 'Updated headline' }),
			db.sql
		);
		expect(again).toMatchObject({ created: false, article: { id: first.article.id } });
		expect(await count()).toBe(before);
		expect(analyse.calls).toEqual([first.article.id]);
	});

	it('returns the stored article for the same text (even in another Unicode form)', async () => {
		const input = article({
			headline: 'Cafe\u0301 talks',
			body: 'Plain copy.\n\nMore.',
			url: null
		});
		const first = await ingestArticle(input, db.sql);
		const again = await ingestArticle(
			{ ...input, headline: 'Café talks', url: 'https://other.example/copy' },
			db.sql
		);
		expect(again.created).toBe(false);
		expect(again.article.id).toBe(first.article.id);
	});

	it('stores one article when the same one arrives twice at once', async () => {
		const input = article();
		const before = await count();
		const results = await Promise.all([ingestArticle(input, db.sql), ingestArticle(input, db.sql)]);
		expect(new Set(results.map((r) => r.article.id)).size).toBe(1);
		expect(results.filter((r) => r.created)).toHaveLength(1);
		expect(await count()).toBe(before + 1);
	});

	it('stores nothing when a later step of the transaction fails', async () => {
		analyse.fail = true;
		const before = await count();
		const input = article();
		await expect(ingestArticle(input, db.sql)).rejects.toThrow('analysis broke');
		expect(await count()).toBe(before);
		analyse.fail = false;
		expect((await ingestArticle(input, db.sql)).created).toBe(true);
	});

	it('refuses bad input field by field and stores nothing', async () => {
		const before = await count();
		const attempt = await ingestCommand(
			contributor,
			{
				headline: '',
				body: 'x',
				source: 'Wire',
				publishedAt: '2025-13-01T00:00Z',
				url: 'javascript:x'
			},
			db.sql
		);
		expect(attempt.kind).toBe('invalid');
		if (attempt.kind !== 'invalid') return;
		expect(attempt.message).toBeUndefined();
		expect(Object.keys(attempt.errors).sort()).toEqual(['headline', 'publishedAt', 'url']);
		expect(await count()).toBe(before);
	});

	it('refuses a body of only markup and an oversized body (413)', async () => {
		const before = await count();
		expect(
			await ingestCommand(contributor, article({ body: '<div><img src=x></div>' }), db.sql)
		).toMatchObject({
			kind: 'invalid',
			errors: { body: 'The body has no text once markup is removed.' }
		});
		expect(
			await ingestCommand(contributor, article({ body: 'x'.repeat(1024 * 1024 + 10) }), db.sql)
		).toMatchObject({ kind: 'invalid', message: TOO_LARGE });
		expect(await count()).toBe(before);
	});

	it('reads a wall-clock time in the given zone', async () => {
		const { article: stored } = await ingestArticle(
			article({ publishedAt: '2025-01-15T12:00', timeZone: 'Europe/Kyiv' }),
			db.sql
		);
		expect(stored.publishedAt.toISOString()).toBe('2025-01-15T10:00:00.000Z');
	});
});
