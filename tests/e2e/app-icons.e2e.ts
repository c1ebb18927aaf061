import { expect, test } from '@playwright/test';

// Readers who pin or bookmark a story see the app's icon, not a broken one (the favicon was 404).
test('the story page names an icon and a web app manifest that both load', async ({
	page,
	request
}) => {
	await page.goto('/stories/russia-ukraine-peace-talks');
	const icon = await page.locator('link[rel="icon"]').getAttribute('href');
	const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(icon).toBeTruthy();
	expect(manifest).toBeTruthy();
	const iconResponse = await request.get(icon!);
	expect(iconResponse.status()).toBe(200);
	expect(iconResponse.headers()['content-type']).toContain('image/svg+xml');
	const app = (await (await request.get(manifest!)).json()) as { name: string; icons: unknown[] };
	expect(app.name).toBe('Throughline');
	expect(app.icons.length).toBeGreaterThan(0);
});
