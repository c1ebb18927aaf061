import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type APIRequestContext, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { e2eDatabase } from '../support/e2e-database';
import { createUser, signIn, type TestUser } from '../support/desk-auth';

/**
 * The issue as users met it: an editor moves a published event to another day, zone and place,
 * then restores the first revision from the history. The history says what changed in words,
 * the restore asks first, and the public story page shows the original date and place again.
 */

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const db = e2eDatabase();
let editor: TestUser;

test.beforeAll(async () => {
	editor = await createUser(db, { role: 'editor' });
});

test.afterAll(async () => {
	await db.end({ timeout: 5 });
});

/** A published story with one published event: 7 December 2025 in Moscow. */
async function publishedEvent() {
	const tag = randomBytes(4).toString('hex');
	const [story] = await db<{ id: number; slug: string }[]>`
		insert into stories (slug, title, publication, published_at)
		values (${`restore-${tag}`}, ${`Restore ${tag}`}, 'published', now()) returning id, slug`;
	const title = `Envoys meet ${tag}`;
	const [event] = await db<{ id: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision, time_zone, place_name,
			status)
		values (${story!.id}, 'meeting', ${title}, '2025-12-06T21:00:00Z', 'day', 'Europe/Moscow',
			'Moscow', 'published')
		returning id`;
	return { story: story!, eventId: event!.id, title };
}

async function open(page: Page, url: string) {
	await page.goto(url);
	await page.waitForLoadState('networkidle');
}

const placeOf = async (id: number) =>
	(await db<{ place_name: string }[]>`select place_name from events where id = ${id}`)[0]
		?.place_name;

test('an edited date, zone and place read in words in the history and restore after asking', async ({
	page
}) => {
	const { story, eventId, title } = await publishedEvent();
	await open(page, '/desk/sign-in');
	await signIn(page, editor);

	await open(page, `/desk/events/${eventId}`);
	// The form fills the zone in from a known place: let it, then set the zone ourselves.
	await page.getByLabel('Place', { exact: true }).fill('Miami');
	await page.getByLabel('Place', { exact: true }).blur();
	await expect(page.getByText(/^Time zone set to/)).toBeVisible();
	await page.getByLabel(/^Time zone/).fill('America/New_York');
	await page.getByLabel(/^Start/).fill('2025-12-08T00:00');
	await page.getByRole('button', { name: 'Save event' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');

	await page.getByRole('link', { name: 'History' }).click();
	const latest = page.getByRole('listitem').filter({ hasText: '(current)' });
	await expect(latest.getByRole('row', { name: /^Date/ })).toContainText(
		'7 December 2025 (Europe/Moscow)'
	);
	await expect(latest.getByRole('row', { name: /^Date/ })).toContainText(
		'8 December 2025 (America/New_York)'
	);
	await expect(latest.getByRole('row', { name: /^Place/ })).toContainText('Moscow');
	await expect(latest.getByRole('row', { name: /^Place/ })).toContainText('Miami');
	await expect(latest.getByRole('row', { name: /^Time zone/ })).toContainText('America/New_York');
	await expect(page.getByText('No visible field changed.')).toHaveCount(0);

	// Restore… only asks: the confirmation lists what would change, nothing is written yet.
	const first = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: /· version 1$/ }) });
	await first.getByRole('link', { name: /^Restore revision \d+…$/ }).click();
	const confirm = page.getByRole('region', { name: /^Restore revision \d+ \(version 1\)\?$/ });
	await expect(confirm.getByRole('row', { name: /^Place/ })).toContainText('Miami');
	await expect(confirm.getByRole('row', { name: /^Place/ })).toContainText('Moscow');
	await expect(confirm.getByRole('row', { name: /^Date/ })).toContainText('7 December 2025');
	expect(await placeOf(eventId)).toBe('Miami');
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	expect(
		violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
	).toEqual([]);

	await confirm.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status')).toHaveText('Restored the event as it was at version 1.');
	expect(await placeOf(eventId)).toBe('Moscow');

	await open(page, `/stories/${story.slug}`);
	const card = page.getByRole('article', { name: title });
	await expect(card.locator('time').first()).toHaveText('7 December 2025');
	await expect(card).toContainText('Moscow');
	await expect(card).not.toContainText('Miami');
});

test('the restore confirmation works without JavaScript', async ({ browser }) => {
	const { eventId } = await publishedEvent();
	await db`update events set place_name = 'Miami', version = version + 1 where id = ${eventId}`;
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, editor);
	await page.goto(`/desk/events/${eventId}/history`);
	await page.getByRole('link', { name: /^Restore revision \d+…$/ }).click();
	await expect(page.getByRole('heading', { name: /\(version 1\)\?$/ })).toBeVisible();
	expect(await placeOf(eventId)).toBe('Miami');
	await page.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status')).toHaveText('Restored the event as it was at version 1.');
	expect(await placeOf(eventId)).toBe('Moscow');
	await context.close();
});

test('the desk restore answers a contributor and a stranger alike for unknown and published ids', async ({
	browser,
	baseURL
}) => {
	const { eventId } = await publishedEvent();
	const post = (request: APIRequestContext, id: number) =>
		request.post(`/desk/events/${id}/history?/restore`, {
			form: { version: '1', expected: '1' },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
	const anonymous = await browser.newContext();
	const strangers = [await post(anonymous.request, eventId), await post(anonymous.request, 987654)];
	expect(strangers.map((r) => [r.status(), r.headers().location?.split('?')[0]])).toEqual([
		[303, '/desk/sign-in'],
		[303, '/desk/sign-in']
	]);
	await anonymous.close();

	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, await createUser(db, { role: 'contributor' }));
	const known = await post(page.request, eventId);
	const unknown = await post(page.request, 987654);
	expect([known.status(), unknown.status()]).toEqual([403, 403]);
	expect(await unknown.text()).toContain('Readers see this: it needs the editor role.');
	expect(await known.text()).toContain('Readers see this: it needs the editor role.');
	expect(await placeOf(eventId)).toBe('Moscow');
	await context.close();
});
