import { test, expect } from '@playwright/test';

const STORY = '/stories/russia-ukraine-peace-talks';

test.describe.configure({ timeout: 90_000 });

test('the timeline is up before the page has hydrated, and a selection made then is kept', async ({
	page
}) => {
	// Hold the page's own code (SvelteKit's route modules) back until the reader has acted.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/nodes/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(STORY, { waitUntil: 'commit' });

	const item = page.locator('.vis-item.tl-item', { hasText: /^Miami talks, third day$/ });
	await expect(item).toBeVisible({ timeout: 45_000 });
	await expect(page.getByText('The interactive timeline needs JavaScript')).toBeHidden();
	// The zoom buttons come with the page's code.
	await expect(page.getByRole('toolbar', { name: 'Timeline zoom' })).toHaveCount(0);
	await item.locator('.vis-item-content').click();
	await expect(page).not.toHaveURL(/event=/);

	release();
	await expect(page).toHaveURL(/[?&]event=\d+/);
	await expect(
		page.getByRole('region', { name: 'More about Miami talks, third day' })
	).toBeVisible();
	await expect(page.getByRole('toolbar', { name: 'Timeline zoom' })).toBeVisible();
	// Taken over, not drawn a second time.
	await expect(page.locator('.vis-timeline')).toHaveCount(1);
	await expect(item).toHaveClass(/vis-selected/);
});
