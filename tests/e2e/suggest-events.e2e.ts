import { test, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createApiToken, createUser, signIn } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

// The article review page: an editor takes the events the machine proposes from a new article,
// accepting one after correcting its title, and rejecting another for good.
test.describe.configure({ timeout: 180_000 });

const SLUG = 'russia-ukraine-peace-talks';
let db: ReturnType<typeof e2eDatabase>;
const run = randomBytes(4).toString('hex');
let articleId: number;
let secondId: number;
let editor: { email: string; password: string };

test.beforeAll(async ({ playwright, baseURL }) => {
	db = e2eDatabase();
	const user = await createUser(db, { role: 'editor' });
	editor = user;
	const token = await createApiToken(db, user.id);
	const api = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { authorization: `Bearer ${token}` }
	});
	const posted = await api.post('/api/v1/articles', {
		data: {
			headline: `Miami talks run into a fourth day (${run})`,
			body:
				'Ukraine’s Rustem Umerov met US envoy Steve Witkoff in Miami on Sunday for a fourth ' +
				'straight day of talks. Russia’s defence ministry said on Sunday that its air defences ' +
				'had destroyed 83 Ukrainian drones overnight.',
			source: 'Test Wire',
			url: `https://wire.example/${run}/day-4`,
			publishedAt: '2025-12-21T18:00:00+02:00'
		}
	});
	expect(posted.status()).toBe(201);
	articleId = ((await posted.json()) as { id: number }).id;
	const [story] = await db<{ id: number }[]>`select id from stories where slug = ${SLUG}`;
	const filed = await api.post(`/api/v1/stories/${story!.id}/articles`, {
		data: { articleId, role: 'update' }
	});
	expect(filed.status()).toBe(201);

	// A second report of a meeting the story already has: proposed as a match to merge into.
	const second = await api.post('/api/v1/articles', {
		data: {
			headline: `Witkoff and Kushner met Putin in Moscow (${run})`,
			body:
				'US envoys Steve Witkoff and Jared Kushner met Vladimir Putin in Moscow on Tuesday ' +
				'for five hours of talks on the US peace plan.',
			source: 'Test Wire',
			url: `https://wire.example/${run}/moscow`,
			// After the demo's first report, so the merge leaves its "first reported" as it is.
			publishedAt: '2025-12-04T09:00:00+03:00'
		}
	});
	expect(second.status()).toBe(201);
	secondId = ((await second.json()) as { id: number }).id;
	expect(
		(
			await api.post(`/api/v1/stories/${story!.id}/articles`, {
				data: { articleId: secondId, role: 'update' }
			})
		).status()
	).toBe(201);
	await api.dispose();
});

test.afterAll(async () => {
	// Leave the demo story as the other browser tests expect it.
	await db`delete from events where id in (
		select event_id from event_sources where article_id = ${articleId})`;
	// The merge only added a source to a demo event: remove the source, keep the event.
	if (secondId) await db`delete from event_sources where article_id = ${secondId}`;
	await db`delete from articles where id in (${articleId}, ${secondId})`;
	await db?.end({ timeout: 5 });
});

test('accept a proposed event after correcting it; reject another for good', async ({ page }) => {
	await signIn(page, editor);
	await page.goto(`/desk/articles/${articleId}`);
	// Typing before the page has hydrated would be undone by hydration.
	await page.waitForLoadState('networkidle');
	const meeting = page.locator('li.proposal', { hasText: 'fourth' }).filter({
		has: page.getByRole('button', { name: /^Accept as new event/ })
	});
	await expect(meeting.first()).toBeVisible();
	const drones = page.locator('li.proposal', { hasText: '83 Ukrainian drones' });
	await expect(drones).toContainText('Verification: Claimed.');
	await expect(drones).toContainText(/defence ministry/i);

	await meeting.first().getByLabel('Title').fill('Miami talks, fourth day');
	await meeting
		.first()
		.getByRole('button', { name: /^Accept as new event/ })
		.click();
	await expect
		.poll(async () => {
			const rows = await db<{ title: string; evidence: string }[]>`
				select e.title, es.evidence from events e
				join event_sources es on es.event_id = e.id and es.article_id = ${articleId}
				where e.title = 'Miami talks, fourth day'`;
			return rows.length;
		})
		.toBe(1);

	// Reject asks first, then can be undone from "What this article made" (editor-journey).
	await drones.getByRole('button', { name: /^Reject/ }).click();
	await drones.getByRole('button', { name: /^Yes, reject/ }).click();
	await expect(page.locator('li.proposal', { hasText: '83 Ukrainian drones' })).toHaveCount(0);
	await page.reload();
	await expect(page.locator('li.proposal', { hasText: '83 Ukrainian drones' })).toHaveCount(0);
	const [decision] = await db<{ decision: string }[]>`
		select decision from event_proposal_decisions
		where article_id = ${articleId} and decision = 'rejected'`;
	expect(decision?.decision).toBe('rejected');
});

test('a second report of a known meeting merges into it as a new source', async ({ page }) => {
	await signIn(page, editor);
	await page.goto(`/desk/articles/${secondId}`);
	await page.waitForLoadState('networkidle');
	const merge = page.getByRole('button', {
		name: /^Merge into matched event\W+Witkoff and Kushner meet Putin/
	});
	await expect(merge).toBeVisible();
	await merge.click();
	await expect
		.poll(async () => {
			const rows = await db<{ title: string }[]>`
				select e.title from event_sources es join events e on e.id = es.event_id
				where es.article_id = ${secondId}`;
			return rows.map((row) => row.title);
		})
		.toEqual(['Witkoff and Kushner meet Putin in Moscow']);
	// Merged, not duplicated: the story still has one such meeting.
	const [count] = await db<{ n: number }[]>`
		select count(*)::int as n from events e join stories s on s.id = e.story_id
		where s.slug = ${SLUG} and e.title ilike '%meet Putin in Moscow%' and e.deleted_at is null`;
	expect(count?.n).toBe(1);
});
