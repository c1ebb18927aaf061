/**
 * Issue 18 on a real database: an article's language detected at ingest and stored, a story's
 * language and its Cyrillic or Unicode slug, search in each article's own language, the
 * extractor kept to English, and a story's language through its revisions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import * as articles from '../../src/lib/server/db/articles';
import * as deskStories from '../../src/lib/server/db/desk-stories';
import * as publicStories from '../../src/lib/server/db/stories';
import * as sources from '../../src/lib/server/db/sources';
import { ingestArticle } from '../../src/lib/server/newsroom/articles';
import { createStory, saveStory, setStoryPublication } from '../../src/lib/server/newsroom/stories';
import { restoreStoryRevision } from '../../src/lib/server/newsroom/revisions';
import { suggestEventsFor } from '../../src/lib/server/suggest/event-suggestions';
import type { Actor } from '../../src/lib/server/newsroom/actor';
import * as factories from '../factories';

let db: TestDatabase;
let editor: Actor;

beforeAll(async () => {
	db = await createTestDatabase();
	const user = await factories.createUser(db.sql, { role: 'editor' });
	editor = { id: user.id, role: 'editor', clientAddress: '192.0.2.1' };
});

afterAll(async () => {
	await db?.drop();
});

const UKRAINIAN_BODY =
	'Переговори в Маямі тривали до пізньої ночі. Делегації обговорили обмін полоненими та ' +
	'припинення вогню на сході країни, повідомили джерела в обох делегаціях.';
const RUSSIAN_BODY =
	'Переговоры в Майами продолжались до поздней ночи. Делегации обсуждали обмен пленными и ' +
	'прекращение огня на востоке страны, сообщили источники в обеих делегациях.';

let published = 0;
async function ingest(fields: { headline: string; body: string; language?: string }) {
	published += 1;
	const result = await ingestArticle(
		editor,
		{
			source: 'Test Wire',
			publishedAt: new Date(Date.UTC(2025, 11, 6, 9, published)),
			...fields
		},
		db.sql
	);
	if (result.kind !== 'ok') throw new Error(`ingest failed: ${JSON.stringify(result)}`);
	return result.value.article;
}

describe('an article’s language at ingest', () => {
	it('is detected from the copy when not given, and stored', async () => {
		const ukrainian = await ingest({ headline: 'Переговори тривають', body: UKRAINIAN_BODY });
		const russian = await ingest({ headline: 'Переговоры продолжаются', body: RUSSIAN_BODY });

		expect(ukrainian.language).toBe('uk');
		expect(russian.language).toBe('ru');
		expect((await articles.get(ukrainian.id, db.sql))?.language).toBe('uk');
	});

	it('keeps the language the sender gave, and is und for copy too short to judge', async () => {
		const given = await ingest({ headline: 'Коротко', body: 'Новини дня.', language: 'UK' });
		const short = await ingest({ headline: 'Brief', body: 'Talks go on.' });

		expect(given.language).toBe('uk');
		expect(short.language).toBe('und');
	});

	it('takes the story’s language when too short to judge, once filed in it', async () => {
		const short = await ingest({ headline: 'Ще коротше', body: 'Вечір.' });
		const story = await factories.createStory(db.sql, { language: 'uk' });
		expect(short.language).toBe('und');

		await deskStories.fileArticle(
			{ storyId: story.id, articleId: short.id, decidedBy: null },
			db.sql
		);

		expect((await articles.get(short.id, db.sql))?.language).toBe('uk');
	});

	it('refuses a language that is no language tag, storing nothing', async () => {
		const before = await db.sql`select count(*)::int as n from articles`;
		const result = await ingestArticle(
			editor,
			{ source: 'W', headline: 'H', body: 'B', publishedAt: '2025-12-06T09:00Z', language: 'x!' },
			db.sql
		);
		expect(result.kind).toBe('invalid');
		if (result.kind === 'invalid') expect(result.errors.language).toMatch(/language tag/);
		expect(await db.sql`select count(*)::int as n from articles`).toEqual(before);
	});
});

describe('event proposals', () => {
	it('are not made for a Ukrainian article, with the reason; an English one is read', async () => {
		const ukrainian = await ingest({ headline: 'Обмін полоненими', body: UKRAINIAN_BODY });
		const english = await ingest({
			headline: 'Prisoner exchange agreed',
			body: 'The two delegations agreed on Saturday to exchange prisoners, officials said.',
			language: 'en'
		});

		expect(await suggestEventsFor(ukrainian.id, db.sql)).toEqual({
			events: [],
			reason: 'Event proposals are available for English articles.'
		});
		expect((await suggestEventsFor(english.id, db.sql))?.reason).toBeNull();
	});
});

describe('a story’s language and slug', () => {
	it('transliterates a Ukrainian title into a working ASCII slug', async () => {
		const result = await createStory(editor, { title: 'Переговори в Маямі' }, db.sql);
		if (result.kind !== 'ok') throw new Error(JSON.stringify(result));

		expect(result.value.slug).toBe('perehovory-v-maiami');
		expect(result.value.language).toBe('uk');
		await setStoryPublication(editor, result.value.id, result.value.version, 'published', db.sql);
		expect((await publicStories.getPublishedBySlug('perehovory-v-maiami', db.sql))?.id).toBe(
			result.value.id
		);
	});

	it('accepts a Unicode slug an editor types, and finds the story by it', async () => {
		const result = await createStory(
			editor,
			{ title: 'Переговори у Стамбулі', slug: 'переговори-у-стамбулі', language: 'uk' },
			db.sql
		);
		if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
		await setStoryPublication(editor, result.value.id, result.value.version, 'published', db.sql);

		// A decomposed spelling of the same letters (as some systems send them) finds it too.
		const decomposed = 'переговори-у-стамбулі'.normalize('NFD');
		expect((await publicStories.getPublishedBySlug(decomposed, db.sql))?.id).toBe(result.value.id);
	});

	it('refuses a slug with capitals or spaces, storing nothing', async () => {
		const before = await db.sql`select count(*)::int as n from stories`;
		for (const slug of ['Переговори', 'два слова', 'a--b']) {
			const result = await createStory(editor, { title: 'Назва', slug }, db.sql);
			expect(result.kind, slug).toBe('invalid');
			if (result.kind === 'invalid') expect(result.errors.slug).toMatch(/lower-case/);
		}
		expect(await db.sql`select count(*)::int as n from stories`).toEqual(before);
	});

	it('restores the language of an earlier revision exactly', async () => {
		const created = await createStory(
			editor,
			{ title: 'Talks', language: 'pt-BR', summary: '' },
			db.sql
		);
		if (created.kind !== 'ok') throw new Error(JSON.stringify(created));
		const story = created.value;
		const saved = await saveStory(editor, story.id, story.version, { language: 'uk' }, db.sql);
		if (saved.kind !== 'ok') throw new Error(JSON.stringify(saved));
		expect(saved.value.language).toBe('uk');

		const restored = await restoreStoryRevision(
			editor,
			story.id,
			story.version,
			saved.value.version,
			db.sql
		);

		expect(restored.kind).toBe('ok');
		expect((await deskStories.get(story.id, db.sql))?.language).toBe('pt-BR');
	});

	it('restores a revision written before stories had a language as English', async () => {
		const created = await createStory(editor, { title: 'Old talks', language: 'en' }, db.sql);
		if (created.kind !== 'ok') throw new Error(JSON.stringify(created));
		const story = created.value;
		const saved = await saveStory(editor, story.id, story.version, { language: 'ru' }, db.sql);
		if (saved.kind !== 'ok') throw new Error(JSON.stringify(saved));
		// As the trigger wrote it before migration 00006: no language key at all.
		await db.sql`
			update revisions set snapshot = snapshot - 'language'
			where entity_type = 'story' and entity_id = ${story.id} and entity_version = 1`;

		const restored = await restoreStoryRevision(editor, story.id, 1, saved.value.version, db.sql);

		expect(restored.kind).toBe('ok');
		expect((await deskStories.get(story.id, db.sql))?.language).toBe('en');
	});
});

describe('search in each article’s language', () => {
	let thread: Awaited<ReturnType<typeof factories.createStory>>;

	beforeAll(async () => {
		thread = await factories.createStory(db.sql, { title: 'Miami talks' });
		// Readers search an outlet's body only where its full text is public (rights.test.ts
		// covers closed outlets); the factories' outlet is opened here.
		await sources.setFullTextPublic('Test Wire', true, null, db.sql);
		await factories.createStoryArticle(db.sql, thread.id, {
			headline: 'Итоги дня',
			body: 'Стороны провели переговоры о перемирии и договорились встретиться снова.',
			language: 'ru'
		});
		await factories.createStoryArticle(db.sql, thread.id, {
			headline: 'Підсумки дня',
			body: 'Делегації завершили переговорами про перемир’я і домовилися зустрітися знову.',
			language: 'uk'
		});
	});

	it('finds a Russian article by another form of a word in its body (Russian stemming)', async () => {
		// The body says «переговоры» and «перемирии»; the reader types other cases.
		const found = await articles.search('переговорах перемирия', db.sql);

		expect(found.map((hit) => hit.headline)).toEqual(['Итоги дня']);
		expect(found[0]!.snippet).toContain('\uE000переговоры\uE001');
	});

	it('finds a Ukrainian article by the exact form of a word in its body', async () => {
		const exact = await articles.search('переговорами', db.sql);
		const otherForm = await articles.search('переговорів', db.sql);

		// (The Russian article matches too: in Russian the word shares the stem of «переговоры».)
		expect(exact.map((hit) => hit.headline)).toContain('Підсумки дня');
		expect(exact.find((hit) => hit.headline === 'Підсумки дня')?.snippet).toContain(
			'\uE000переговорами\uE001'
		);
		// Ukrainian has no stemmer in PostgreSQL: another form does not find the Ukrainian article.
		expect(otherForm.map((hit) => hit.headline)).not.toContain('Підсумки дня');
	});

	it('indexes each article with its language’s configuration', async () => {
		const rows = await db.sql<{ language: string; config: string }[]>`
			select language, search_config::text as config from articles
			where language in ('ru', 'uk') order by language`;
		expect(new Set(rows.map((row) => `${row.language}:${row.config}`))).toEqual(
			new Set(['ru:russian', 'uk:simple_unaccent'])
		);
	});
});
