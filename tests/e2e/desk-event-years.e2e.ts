import { test, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createUser, signIn } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

test.describe.configure({ timeout: 120_000 });

test('the desk event form keeps year 0001 and refuses year 10000 with a field error', async ({
	page
}) => {
	const db = e2eDatabase();
	try {
		const editor = await createUser(db, { role: 'editor' });
		const slug = `years-${randomBytes(3).toString('hex')}`;
		const [story] = await db<{ id: number }[]>`
			insert into stories (slug, title, summary) values (${slug}, 'Years', '') returning id`;
		const [event] = await db<{ id: number }[]>`
			insert into events (story_id, kind, title, occurred_start, precision, time_zone)
			values (${story!.id}, 'other', 'Founding', '2025-01-01T00:00Z', 'day', 'Europe/Rome')
			returning id`;
		await signIn(page, editor);

		const start = page.getByLabel('Start (local time at the place)');
		await page.goto(`/desk/events/${event!.id}`);
		await page.waitForLoadState('networkidle');
		await start.fill('0001-03-01T12:00');
		await page.getByRole('button', { name: 'Save event' }).click();
		// Stored as noon in Rome on 1 March of year 1, whatever page the save leads to.
		const storedStart = async () => {
			const [row] = await db<{ start: string }[]>`
				select to_char(occurred_start at time zone 'Europe/Rome', 'YYYY-MM-DD HH24:MI') as start
				from events where id = ${event!.id}`;
			return row!.start;
		};
		await expect.poll(storedStart).toBe('0001-03-01 12:00');

		await page.goto(`/desk/events/${event!.id}`);
		await expect(start).toHaveValue('0001-03-01T12:00');

		await start.fill('10000-01-01T00:00');
		await page.getByRole('button', { name: 'Save event' }).click();
		await expect(page.getByText('Use a year from 0001 to 9999.', { exact: true })).toBeVisible();
		expect(await storedStart()).toBe('0001-03-01 12:00');
	} finally {
		await db.end({ timeout: 5 });
	}
});
