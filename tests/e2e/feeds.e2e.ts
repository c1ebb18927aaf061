import { test, expect } from '@playwright/test';

const STORY = '/stories/russia-ukraine-peace-talks';
const CRBC_HEADLINE =
	'Miami Talks Enter Third Day — US and Ukraine Say "Real Progress" Hinges on Russia';

interface JsonFeedItem {
	id: string;
	url: string;
	title: string;
	_throughline: { type: string };
}

test('the story’s Atom feed is valid XML that lists its events', async ({ page, request }) => {
	const response = await request.get(`${STORY}/feed.atom`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
	const xml = await response.text();

	await page.goto('/');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'application/xml');
		return {
			errors: doc.getElementsByTagName('parsererror').length,
			root: doc.documentElement.namespaceURI,
			titles: [...doc.getElementsByTagName('entry')].map(
				(entry) => entry.getElementsByTagName('title')[0]?.textContent ?? ''
			)
		};
	}, xml);

	expect(parsed.errors).toBe(0);
	expect(parsed.root).toBe('http://www.w3.org/2005/Atom');
	expect(parsed.titles).toContain('Miami talks, third day');
	expect(parsed.titles).toContain('Russia says it destroyed 116 Ukrainian drones overnight');
	expect(parsed.titles).toContain(CRBC_HEADLINE);
});

test('the JSON feed is JSON Feed 1.1, and an unknown story has no feed', async ({ request }) => {
	const response = await request.get(`${STORY}/feed.json`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/feed+json; charset=utf-8');
	const feed = (await response.json()) as { version: string; items: JsonFeedItem[] };
	expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
	expect(feed.items.map((item) => item.title)).toContain('Miami talks, third day');

	expect((await request.get('/stories/no-such-story/feed.atom')).status()).toBe(404);
	expect((await request.get('/stories/no-such-story/feed.json')).status()).toBe(404);
});

test('the CRBC article reads cleanly and leads back to the day-2 article', async ({
	page,
	request
}) => {
	// The feed is how a follower reaches the article page.
	const feed = (await (await request.get(`${STORY}/feed.json`)).json()) as {
		items: JsonFeedItem[];
	};
	const item = feed.items.find((entry) => entry.title === CRBC_HEADLINE);
	expect(item).toBeDefined();
	await page.goto(new URL(item!.url).pathname);

	await expect(page.getByRole('heading', { level: 1, name: CRBC_HEADLINE })).toBeVisible();
	await expect(page.getByText('CRBC News', { exact: true })).toBeVisible();
	// Another outlet's copy: its body stays in the desk (rights per source), only evidence shows.
	await expect(
		page.getByText('Outlook: Diplomats said further Miami talks will focus on the specifics')
	).toHaveCount(0);
	await expect(page.getByText('Written for the demo story.')).toHaveCount(0);

	const thread = page.getByRole('navigation', { name: 'In the story Russia–Ukraine peace talks' });
	await expect(thread).toContainText('Article 4 of 4');
	const previous = thread.getByRole('link', { name: /^Previous/ });
	await expect(previous).toContainText('Miami Talks Go Into a Second Day');

	const reported = page.getByRole('region', { name: 'Events this article reports' });
	const drones = reported.getByRole('listitem').filter({ hasText: /116 Ukrainian drones/ });
	await expect(drones).toContainText(
		"Claimed by Russia's defence ministry — not independently verified"
	);
	await expect(drones.getByRole('link', { name: /116 Ukrainian drones/ })).toHaveAttribute(
		'href',
		/^\/stories\/russia-ukraine-peace-talks\?event=\d+#event-\d+$/
	);

	await previous.click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Miami Talks Go Into a Second Day' })
	).toBeVisible();
	await expect(page.getByText('Written for the demo story.')).toBeVisible();
});

test('an article id that is not a number, or not public, is a 404', async ({ page }) => {
	for (const path of ['/articles/not-a-number', '/articles/999999', '/articles/1e3']) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(404);
	}
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
});
