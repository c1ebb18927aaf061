import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from './harness';
import * as articles from '../../src/lib/server/db/articles';
import * as deskStories from '../../src/lib/server/db/desk-stories';
import * as stories from '../../src/lib/server/newsroom/stories';
import type { Actor } from '../../src/lib/server/newsroom/actor';
import type { Role, Story } from '../../src/lib/types';
import { createArticle, createStory, createStoryArticle, createUser } from '../factories';

let db: TestDatabase;
const staff = {} as Record<Role, Actor>;

beforeAll(async () => {
	db = await createTestDatabase();
	for (const role of ['contributor', 'editor', 'admin'] as const) {
		const user = await createUser(db.sql, { role });
		staff[role] = { id: user.id, role, clientAddress: '192.0.2.1' };
	}
});

afterAll(async () => {
	await db?.drop();
});

async function auditCount(storyId: number): Promise<number> {
	const [row] = await db.sql<{ n: number }[]>`
		select count(*)::int as n from audit_log
		where entity_type = 'story' and entity_id = ${String(storyId)}`;
	return row?.n ?? 0;
}

const fieldsOf = (story: Story) => ({
	title: story.title,
	slug: story.slug,
	summary: story.summary,
	status: story.status
});

describe('filing articles', () => {
	it('refuses a contributor filing in a published story: the article stays unseen', async () => {
		const story = await createStory(db.sql, { publication: 'published' });
		const article = await createArticle(db.sql);
		const result = await stories.attachArticle(
			staff.contributor,
			{ storyId: story.id, articleId: article.id },
			db.sql
		);
		expect(result.kind).toBe('forbidden');
		expect(await articles.getPublic(article.id, db.sql)).toBeUndefined();
		expect(await auditCount(story.id)).toBe(0);
	});

	it('lets an editor file in a published story: the article is public and audited', async () => {
		const story = await createStory(db.sql, { publication: 'published' });
		const article = await createArticle(db.sql);
		const result = await stories.attachArticle(
			staff.editor,
			{ storyId: story.id, articleId: article.id, role: 'analysis' },
			db.sql
		);
		expect(result).toMatchObject({ kind: 'ok', value: { filed: true } });
		expect((await articles.getPublic(article.id, db.sql))?.headline).toBe(article.headline);
		const [link] = await articles.listForStory(story.id, db.sql);
		expect(link?.role).toBe('analysis');
		expect(await auditCount(story.id)).toBe(1);
	});

	it('lets a contributor file in a draft, unseen by readers and so not audited', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		const article = await createArticle(db.sql);
		const result = await stories.attachArticle(
			staff.contributor,
			{ storyId: story.id, articleId: article.id },
			db.sql
		);
		expect(result.kind).toBe('ok');
		expect((await articles.listForStory(story.id, db.sql)).map((a) => a.id)).toEqual([article.id]);
		expect(await articles.getPublic(article.id, db.sql)).toBeUndefined();
		expect(await auditCount(story.id)).toBe(0);
	});

	it('refuses a contributor detaching, moving or re-roling on a published story', async () => {
		const story = await createStory(db.sql, { publication: 'published' });
		const first = await createStoryArticle(db.sql, story.id);
		const second = await createStoryArticle(db.sql, story.id);
		const before = await articles.listForStory(story.id, db.sql);
		const c = staff.contributor;
		for (const result of [
			await stories.detachArticle(c, story.id, first.id, db.sql),
			await stories.moveArticle(c, story.id, second.id, 'up', db.sql),
			await stories.setArticleRole(c, story.id, first.id, 'background', db.sql)
		])
			expect(result.kind).toBe('forbidden');
		expect(await articles.listForStory(story.id, db.sql)).toEqual(before);
		expect((await articles.getPublic(first.id, db.sql))?.id).toBe(first.id);
	});

	it('lets an editor rearrange a published story, each change audited', async () => {
		const story = await createStory(db.sql, { publication: 'published' });
		const first = await createStoryArticle(db.sql, story.id);
		const second = await createStoryArticle(db.sql, story.id);
		const e = staff.editor;
		expect((await stories.moveArticle(e, story.id, second.id, 'up', db.sql)).kind).toBe('ok');
		const order = (await articles.listForStory(story.id, db.sql)).map((a) => a.id);
		expect(order).toEqual([second.id, first.id]);
		expect((await stories.setArticleRole(e, story.id, first.id, 'background', db.sql)).kind).toBe(
			'ok'
		);
		expect((await stories.detachArticle(e, story.id, second.id, db.sql)).kind).toBe('ok');
		expect(await articles.getPublic(second.id, db.sql)).toBeUndefined();
		expect(await auditCount(story.id)).toBe(3);
		// A role that is not one of ours is a field error, before anything is looked up.
		const bad = await stories.setArticleRole(e, story.id, first.id, 'gossip', db.sql);
		expect(bad.kind).toBe('invalid');
	});
});

describe('who may do what', () => {
	it('refuses by role before saying whether the id exists', async () => {
		const missing = 999_999;
		const c = staff.contributor;
		expect((await stories.deleteStory(c, missing, null, db.sql)).kind).toBe('forbidden');
		expect((await stories.restoreStory(c, missing, db.sql)).kind).toBe('forbidden');
		expect((await stories.setStoryPublication(c, missing, 1, 'published', db.sql)).kind).toBe(
			'forbidden'
		);
		expect((await stories.deleteStory(staff.editor, missing, null, db.sql)).kind).toBe('notFound');
	});

	it('lets a contributor edit a draft, status included, but not publish it', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		const c = staff.contributor;
		const saved = await stories.saveStory(
			c,
			story.id,
			story.version,
			{ status: 'concluded' },
			db.sql
		);
		expect(saved).toMatchObject({ kind: 'ok', value: { status: 'concluded' } });
		const publish = await stories.saveStory(
			c,
			story.id,
			story.version + 1,
			{ publication: 'published' },
			db.sql
		);
		expect(publish.kind).toBe('forbidden');
		expect((await deskStories.get(story.id, db.sql))?.publication).toBe('draft');
	});

	it('refuses a contributor editing a published story; an editor’s edit is audited', async () => {
		const story = await createStory(db.sql, { publication: 'published' });
		const input = { title: 'Retitled' };
		expect((await stories.saveStory(staff.contributor, story.id, 1, input, db.sql)).kind).toBe(
			'forbidden'
		);
		expect((await deskStories.get(story.id, db.sql))?.title).toBe(story.title);
		const saved = await stories.saveStory(staff.editor, story.id, story.version, input, db.sql);
		expect(saved).toMatchObject({ kind: 'ok', value: { title: 'Retitled' } });
		const [entry] = await db.sql<{ action: string; before: unknown; after: unknown }[]>`
			select action, before, after from audit_log where entity_id = ${String(story.id)}`;
		expect(entry).toEqual({
			action: 'story.edited',
			before: { title: story.title },
			after: { title: 'Retitled' }
		});
	});

	it('publishes and withdraws for an editor, each audited', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		const e = staff.editor;
		const published = await stories.setStoryPublication(e, story.id, 1, 'published', db.sql);
		expect(published).toMatchObject({ kind: 'ok', value: { publication: 'published' } });
		const stale = await stories.setStoryPublication(e, story.id, 1, 'draft', db.sql);
		expect(stale.kind).toBe('stale');
		expect((await stories.setStoryPublication(e, story.id, 2, 'draft', db.sql)).kind).toBe('ok');
		expect(await auditCount(story.id)).toBe(2);
	});

	it('moves a story to the trash and back, audited both ways', async () => {
		const story = await createStory(db.sql, { publication: 'published' });
		expect((await stories.deleteStory(staff.editor, story.id, 1, db.sql)).kind).toBe('ok');
		expect(await deskStories.get(story.id, db.sql)).toBeUndefined();
		expect((await stories.restoreStory(staff.editor, story.id, db.sql)).kind).toBe('ok');
		expect((await deskStories.get(story.id, db.sql))?.title).toBe(story.title);
		expect(await auditCount(story.id)).toBe(2);
	});
});

describe('creating', () => {
	it('opens a draft with a free slug made from the title, or the one chosen', async () => {
		const first = await stories.createStory(staff.contributor, { title: 'Dam talks' }, db.sql);
		const second = await stories.createStory(staff.contributor, { title: 'Dam talks' }, db.sql);
		expect(first).toMatchObject({ kind: 'ok', value: { slug: 'dam-talks', publication: 'draft' } });
		expect(second).toMatchObject({ kind: 'ok', value: { slug: 'dam-talks-2' } });
		const clash = await stories.createStory(
			staff.editor,
			{ title: 'Other', slug: 'dam-talks' },
			db.sql
		);
		expect(clash.kind).toBe('invalid');
		if (clash.kind === 'invalid') expect(clash.errors.slug).toContain('dam-talks');
		const bad = await stories.createStory(staff.editor, { title: '' }, db.sql);
		expect(bad.kind).toBe('invalid');
	});
});

describe('one set of rules at every door', () => {
	it('caps the summary the same when creating and when saving', async () => {
		const long = 'x'.repeat(5001);
		const e = staff.editor;
		const created = await stories.createStory(e, { title: 'Long', summary: long }, db.sql);
		expect(created).toMatchObject({ kind: 'invalid', errors: { summary: expect.any(String) } });
		const story = await createStory(db.sql, { publication: 'draft' });
		const saved = await stories.saveStory(e, story.id, 1, { summary: long }, db.sql);
		expect(saved).toMatchObject({ kind: 'invalid', errors: { summary: expect.any(String) } });
		expect((await deskStories.get(story.id, db.sql))?.summary).toBe(story.summary);
		const fits = await stories.saveStory(e, story.id, 1, { summary: long.slice(1) }, db.sql);
		expect(fits.kind).toBe('ok');
	});
});

describe('saving after someone else saved', () => {
	it('keeps the other editor’s change to a field you did not touch', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		const e = staff.editor;
		const form = fieldsOf(story);
		await stories.saveStory(e, story.id, story.version, { ...form, summary: 'Theirs' }, db.sql);
		const mine = await stories.saveStory(
			e,
			story.id,
			story.version,
			{ ...form, title: 'Mine' },
			db.sql
		);
		expect(mine).toMatchObject({ kind: 'ok', value: { title: 'Mine', summary: 'Theirs' } });
	});

	it('writes nothing on a conflict, and saving the shown form again keeps their other change', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		const e = staff.editor;
		const form = fieldsOf(story);
		await stories.saveStory(
			e,
			story.id,
			story.version,
			{ ...form, title: 'Their title', summary: 'Their summary' },
			db.sql
		);
		const conflict = await stories.saveStory(
			e,
			story.id,
			story.version,
			{ ...form, title: 'My title', status: 'concluded' },
			db.sql
		);
		expect(conflict.kind).toBe('stale');
		if (conflict.kind !== 'stale') return;
		const shown = conflict.current as stories.StoryConflict;
		expect(shown.conflicts).toEqual(['title']);
		expect(shown.values).toEqual({
			title: 'My title',
			slug: story.slug,
			summary: 'Their summary',
			status: 'concluded',
			language: 'en'
		});
		expect(await deskStories.get(story.id, db.sql)).toMatchObject({
			title: 'Their title',
			status: 'developing'
		});

		const again = await stories.saveStory(
			e,
			story.id,
			conflict.version,
			{ ...shown.values },
			db.sql
		);
		expect(again).toMatchObject({
			kind: 'ok',
			value: { title: 'My title', summary: 'Their summary', status: 'concluded' }
		});
	});

	it('answers stale for a version the story never had', async () => {
		const story = await createStory(db.sql, { publication: 'draft' });
		const result = await stories.saveStory(staff.editor, story.id, 99, { title: 'X' }, db.sql);
		expect(result).toMatchObject({ kind: 'stale', version: story.version });
	});

	it('merges any two edits: nobody’s change is lost, a conflict writes nothing', async () => {
		const value = fc.constantFrom('a', 'b', '');
		const edit = fc.record({ title: value, summary: value });
		await fc.assert(
			fc.asyncProperty(edit, edit, async (theirEdit, myEdit) => {
				const story = await createStory(db.sql, { publication: 'draft' });
				const base = fieldsOf(story);
				// '' means "left as it was"; 'a' and 'b' are two different new values.
				const apply = (e: typeof theirEdit) => ({
					...base,
					title: e.title ? `${base.title} ${e.title}` : base.title,
					summary: e.summary ? `${base.summary} ${e.summary}` : base.summary
				});
				const theirs = apply(theirEdit);
				const mine = apply(myEdit);
				const e = staff.editor;
				expect((await stories.saveStory(e, story.id, 1, theirs, db.sql)).kind).toBe('ok');
				const result = await stories.saveStory(e, story.id, 1, mine, db.sql);
				const now = await deskStories.get(story.id, db.sql);
				const clash = (['title', 'summary'] as const).filter(
					(k) => mine[k] !== base[k] && theirs[k] !== base[k] && mine[k] !== theirs[k]
				);
				if (clash.length > 0) {
					expect(result.kind).toBe('stale');
					expect((result as { current: stories.StoryConflict }).current.conflicts).toEqual(clash);
					expect(fieldsOf(now!)).toEqual(theirs);
					return;
				}
				expect(result.kind).toBe('ok');
				for (const k of ['title', 'summary'] as const)
					expect(now![k]).toBe(mine[k] !== base[k] ? mine[k] : theirs[k]);
			}),
			{ numRuns: 40 }
		);
	});
});
