import { test, expect } from '@playwright/test';
import { createUser, signIn } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

test.describe.configure({ timeout: 120_000 });

test('typing a known place fills in its time zone, which stays editable', async ({ page }) => {
	const db = e2eDatabase();
	try {
		const editor = await createUser(db, { role: 'editor' });
		const [story] = await db<{ id: number }[]>`
			select id from stories where slug = 'russia-ukraine-peace-talks'`;
		const [miami] = await db<{ time_zone: string }[]>`
			select time_zone from events where place_name = 'Miami' limit 1`;
		await signIn(page, editor);
		await page.goto(`/desk/stories/${story!.id}/events/new`);
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Time zone (IANA, e.g. Europe/Kyiv)').fill('UTC');
		await page.getByLabel('Place', { exact: true }).fill('miami');
		await page.getByLabel('Place', { exact: true }).blur();
		await expect(page.getByLabel('Time zone (IANA, e.g. Europe/Kyiv)')).toHaveValue(
			miami!.time_zone
		);
		await expect(page.getByText(`Time zone set to ${miami!.time_zone}`)).toBeVisible();
		await page.getByLabel('Time zone (IANA, e.g. Europe/Kyiv)').fill('Europe/Kyiv');
		await expect(page.getByLabel('Time zone (IANA, e.g. Europe/Kyiv)')).toHaveValue('Europe/Kyiv');
	} finally {
		await db.end({ timeout: 5 });
	}
});
