import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { setSql } from '../../src/lib/server/db/client';
import { createEvent, createStory, createStoryArticle, createUser } from '../factories';
import * as articles from '../../src/lib/server/db/articles';
import * as events from '../../src/lib/server/db/events';
import * as sources from '../../src/lib/server/db/sources';
import { articleDetailJson } from '../../src/lib/server/api/public/shape';
import { setSourceRights } from '../../src/lib/server/newsroom/sources';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
	setSql(db.sql);
});

afterAll(async () => {
	await db?.drop();
});

const BODY =
	'Negotiators met in Biscayne for a third day.\n\nA senior aide described the mood as tense but workable.';
const EVIDENCE = 'Negotiators met in Biscayne for a third day.';

/** A published story with one article from `outlet`, quoted by one published event. */
async function quotedArticle(outlet: string) {
	const story = await createStory(db.sql);
	const article = await createStoryArticle(db.sql, story.id, {
		source: outlet,
		headline: `Third day in Biscayne (${outlet})`,
		dek: 'The outlet’s own summary of the talks.',
		body: BODY
	});
	const event = await createEvent(db.sql, story.id, { title: 'Third day of talks' });
	await events.addSource({ eventId: event.id, articleId: article.id, evidence: EVIDENCE }, db.sql);
	return { ...article, storyId: story.id };
}

describe('rights per source in public reads', () => {
	it('keeps another outlet’s body out of the article read, its API shape and search', async () => {
		const article = await quotedArticle('Wire Outlet');

		const found = await articles.getPublic(article.id, db.sql);
		expect(found).toMatchObject({ headline: article.headline, source: 'Wire Outlet' });
		expect(found?.fullTextPublic).toBe(false);
		expect(found?.bodyHtml).toBe('');
		expect(found?.dek).toBeNull();
		const [listed] = await articles.listForReaders(article.storyId, db.sql);
		expect(listed).toMatchObject({ headline: article.headline, dek: null });
		const json = JSON.stringify(articleDetailJson(found!, []));
		expect(json).not.toContain('senior aide');
		expect(json).toContain('"bodyHtml":null');

		// A word only in the body finds nothing; a word of the evidence finds it, quoting evidence.
		expect(await articles.search('aide', db.sql)).toEqual([]);
		const [hit] = await articles.search('Biscayne', db.sql);
		expect(hit?.id).toBe(article.id);
		expect(hit?.snippet).not.toContain('aide');
	});

	it('shows the full text of an outlet an editor opened, and hides it again when closed', async () => {
		const editor = await createUser(db.sql, { role: 'editor' });
		const article = await quotedArticle('Our Desk');
		const actor = { id: editor.id, role: editor.role, clientAddress: null };

		// Outlet names match trimmed and case-blind, as articles and feeds spell them.
		const opened = await setSourceRights(actor, '  our desk ', true);
		expect(opened.kind).toBe('ok');
		expect((await articles.getPublic(article.id, db.sql))?.bodyHtml).toContain('senior aide');
		expect((await articles.search('aide', db.sql)).map((hit) => hit.id)).toEqual([article.id]);

		await setSourceRights(actor, 'Our Desk', false);
		expect((await articles.getPublic(article.id, db.sql))?.bodyHtml).toBe('');
		const listed = (await sources.list(db.sql)).find((row) => /^our desk$/i.test(row.name));
		expect(listed).toMatchObject({ fullTextPublic: false, articleCount: 1 });
	});

	it('lets only editors change an outlet’s rights, and refuses a blank name', async () => {
		const contributor = await createUser(db.sql, { role: 'contributor' });
		const editor = await createUser(db.sql, { role: 'editor' });
		const as = (user: typeof editor) => ({ id: user.id, role: user.role, clientAddress: null });

		expect((await setSourceRights(as(contributor), 'Wire Outlet', true)).kind).toBe('forbidden');
		expect((await setSourceRights(as(editor), '   ', true)).kind).toBe('invalid');
		expect(await sources.fullTextPublic('Wire Outlet', db.sql)).toBe(false);
	});
});
