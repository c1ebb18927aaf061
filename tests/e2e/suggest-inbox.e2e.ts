import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { connect, type Sql } from '../../src/lib/server/db/client';
import * as articles from '../../src/lib/server/db/articles';
import * as suggestions from '../../src/lib/server/db/suggestions';
import { analyseArticle } from '../../src/lib/server/suggest/analyse';
import { e2eDatabase } from '../support/e2e-database';
import { createUser, signIn, type TestUser } from '../support/desk-auth';

// The dev server compiles the desk pages on first visit.
test.describe.configure({ timeout: 90_000 });

/** The running app's database with the app's conventions, to ingest as the app does. */
function appDatabase(): Sql {
	const dir = process.env.THROUGHLINE_E2E_PG_DIR!;
	const { user, password } = JSON.parse(readFileSync(`${dir}.credentials.json`, 'utf8')) as {
		user: string;
		password: string;
	};
	const port = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[3]);
	const url = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/throughline`;
	return connect(url, { max: 1 });
}

const CONTINUES = 'Geneva Ceasefire Talks Enter a Second Round';
const ALSO = 'Vereshchak and Marsh Trade Drafts in Geneva';
const ONE_OFF = 'Scientists Map Coral Recovery on the Reef';

let app: Sql;
let editor: TestUser;
let storyId: number;

/** Stores and analyses an article, once: a retried worker runs beforeAll again. */
async function ingest(headline: string, body: string, publishedAt: string) {
	const [existing] = await app<
		{ id: number }[]
	>`select id from articles where headline = ${headline}`;
	if (existing) return existing;
	return app.begin(async (tx) => {
		const article = await articles.create(
			{ source: 'E2E Wire', headline, body, publishedAt: new Date(publishedAt) },
			tx
		);
		await analyseArticle(article.id, tx);
		return article;
	});
}

test.beforeAll(async () => {
	const raw = e2eDatabase();
	editor = await createUser(raw, { role: 'editor' });
	await raw.end();
	app = appDatabase();
	const first = await ingest(
		'Envoy Daniel Marsh Opens Ceasefire Talks in Geneva',
		'US envoy Daniel Marsh met Ukrainian negotiator Oksana Vereshchak in Geneva on Sunday to discuss a ceasefire plan.',
		'2026-01-04T10:00:00Z'
	);
	const [known] = await app<{ id: number }[]>`
		select id from stories where slug = 'geneva-ceasefire-talks'
	`;
	storyId =
		known?.id ?? (await suggestions.createDraftStory({ title: 'Geneva ceasefire talks' }, app)).id;
	await suggestions.fileArticle({ storyId, articleId: first.id, decidedBy: null }, app);
	await ingest(
		CONTINUES,
		'Daniel Marsh and Oksana Vereshchak met again in Geneva on Tuesday; the ceasefire plan is still disputed.',
		'2026-01-06T10:00:00Z'
	);
	await ingest(
		ALSO,
		'Oksana Vereshchak said Daniel Marsh had sent a new ceasefire draft to Geneva on Wednesday.',
		'2026-01-07T10:00:00Z'
	);
	await ingest(
		ONE_OFF,
		'Marine scientist Nadia Okafor said coral cover had grown after two cool summers.',
		'2026-01-08T10:00:00Z'
	);
});

test.afterAll(async () => {
	await app?.end();
});

const item = (page: Page, headline: string) => page.getByRole('article', { name: headline });

test('an unfiled article shows its story suggestion with reasons, and Accept files it', async ({
	page
}) => {
	await signIn(page, editor);
	await page.goto('/desk/inbox');
	const article = item(page, CONTINUES);
	await expect(
		article.getByRole('link', { name: 'Geneva ceasefire talks', exact: true })
	).toBeVisible();
	await expect(article.getByText('shares Marsh, Vereshchak, Geneva')).toBeVisible();
	await expect(
		article.getByText(/continues ‘Geneva ceasefire talks’ two days after/)
	).toBeVisible();

	await article.getByRole('button', { name: 'Accept: file in Geneva ceasefire talks' }).click();
	await expect(page.getByText('Filed in “Geneva ceasefire talks”.')).toBeVisible();
	await expect(item(page, CONTINUES)).toHaveCount(0);
	const [link] = await app<{ state: string; decidedBy: number }[]>`
		select sa.state, sa.decided_by from story_articles sa join articles a on a.id = sa.article_id
		where a.headline = ${CONTINUES} and sa.story_id = ${storyId}
	`;
	expect(link).toEqual({ state: 'accepted', decidedBy: editor.id });
});

test('Reject removes the suggestion and it stays gone after a reload', async ({ page }) => {
	await signIn(page, editor);
	await page.goto('/desk/inbox');
	const article = item(page, ALSO);
	const reject = article.getByRole('button', {
		name: 'Reject: not part of Geneva ceasefire talks'
	});
	await expect(reject).toBeVisible();
	await reject.click();
	await expect(page.getByText('Suggestion rejected: it will not be offered again.')).toBeVisible();
	await expect(
		article.getByRole('link', { name: 'Geneva ceasefire talks', exact: true })
	).toHaveCount(0);
	await page.reload();
	await expect(item(page, ALSO)).toBeVisible();
	await expect(
		item(page, ALSO).getByRole('link', { name: 'Geneva ceasefire talks', exact: true })
	).toHaveCount(0);
});

test('Start a new story opens a draft story with the article as its first report', async ({
	page
}) => {
	await signIn(page, editor);
	await page.goto('/desk/inbox');
	const article = item(page, ONE_OFF);
	await expect(article.getByText(/^Start a new story\?/)).toBeVisible();
	await article.getByLabel('New story title').fill('Coral reef recovery');
	await article.getByRole('button', { name: 'Start a new story' }).click();
	await expect(page.getByText('Started the draft story “Coral reef recovery”.')).toBeVisible();
	await expect(item(page, ONE_OFF)).toHaveCount(0);
	const [story] = await app<{ slug: string; publication: string; role: string }[]>`
		select s.slug, s.publication, sa.role from stories s
		join story_articles sa on sa.story_id = s.id and sa.state = 'accepted'
		join articles a on a.id = sa.article_id
		where a.headline = ${ONE_OFF}
	`;
	expect(story).toEqual({
		slug: 'coral-reef-recovery',
		publication: 'draft',
		role: 'first_report'
	});
});
