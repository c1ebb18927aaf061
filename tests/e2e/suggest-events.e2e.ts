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
	await api.dispose();
});

test.afterAll(async () => {
	// Leave the demo story as the other browser tests expect it.
	await db`delete from events where id in (
		select event_id from event_sources where article_id = ${articleId})`;
	await db`delete from articles where id = ${articleId}`;
	await db?.end({ timeout: 5 });
});

test('accept a proposed event after correcting it; reject another for good', async ({ page }) => {
	await signIn(page, editor);
	await page.goto(`/desk/articles/${articleId}`);
	// Typing before the page has hydrated would be undone by hydration.
	await page.waitForLoadState('networkidle');
	const meeting = page.locator('li.proposal', { hasText: 'fourth' }).filter({
		has: page.getByRole('button', { name: /^Accept event/ })
	});
	await expect(meeting.first()).toBeVisible();
	const drones = page.locator('li.proposal', { hasText: '83 Ukrainian drones' });
	await expect(drones).toContainText('claimed');
	await expect(drones).toContainText(/defence ministry/i);

	await meeting.first().getByLabel('Title').fill('Miami talks, fourth day');
	await meeting
		.first()
		.getByRole('button', { name: /^Accept event/ })
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

	await drones.getByRole('button', { name: /^Reject event/ }).click();
	await expect(page.locator('li.proposal', { hasText: '83 Ukrainian drones' })).toHaveCount(0);
	await page.reload();
	await expect(page.locator('li.proposal', { hasText: '83 Ukrainian drones' })).toHaveCount(0);
	const [decision] = await db<{ decision: string }[]>`
		select decision from event_proposal_decisions
		where article_id = ${articleId} and decision = 'rejected'`;
	expect(decision?.decision).toBe('rejected');
});
