import { test, expect, type Page } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { e2eDatabase } from '../support/e2e-database';
import { embedSnippets } from '../../src/lib/embed/snippets';
import { DEFAULT_OPTIONS } from '../../src/lib/embed/options';

// The embed in a news article on a breaking story, as its reader meets it: the newest event at
// the top and in view, the frame as tall as its content, light inside a light page, and a frame
// named after the story.
const SLUG = 'russia-ukraine-peace-talks';
const TITLE = 'Russia–Ukraine peace talks';
const DEMO = `/embed/stories/${SLUG}`;
// The demo's newest day (6 December) has several events; each is newer than any other day's.
const NEWEST = [
	'US and Ukraine agree a framework of security arrangements',
	'Witkoff: real progress depends on Russia',
	'Miami talks, third day',
	'Drone and missile attacks on the Kyiv region wound three',
	'Russia says it destroyed 116 Ukrainian drones overnight'
];

let host: http.Server;
let hostOrigin: string;

test.beforeAll(async ({ baseURL }) => {
	// The builder's default iframe snippet, pasted into a plain article on another origin.
	const snippet = embedSnippets(baseURL!, { slug: SLUG, title: TITLE }, DEFAULT_OPTIONS).iframe;
	const article =
		`<!doctype html><html lang="en"><title>Day four</title><body style="margin:0 auto;max-width:42rem;padding:0 1rem">` +
		`<h1>Day four in Miami</h1><p>The talks went on.</p>${snippet}<p>More text.</p></body></html>`;
	host = http.createServer((_request, response) => {
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		response.end(article);
	});
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
	hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});

test.afterAll(() => {
	host?.close();
});

/** Elements inside the embed that scroll vertically (a box whose content overflows it). */
function innerScrollers(page: Page, frameSelector?: string) {
	const frame = frameSelector
		? page.frameLocator(frameSelector).locator('body')
		: page.locator('body');
	return frame.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('body *')]
			.filter((el) => {
				const overflow = getComputedStyle(el).overflowY;
				return (
					(overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight + 1
				);
			})
			.map((el) => el.className || el.tagName)
	);
}

for (const width of [375, 1280]) {
	test(`at ${width} px the article's embed shows the newest event first, in view, without scrolling`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 800 });
		await page.goto(`${hostOrigin}/`);
		const frame = page.locator('iframe');
		await expect(frame).toHaveAttribute('title', TITLE);
		const embed = page.frameLocator('iframe');
		const first = embed.locator('.ev').first();
		expect(NEWEST).toContain(await first.locator('.ev-title').textContent());
		// Scroll the article to the embed's top, as a reader would: its first entry is on screen.
		await frame.evaluate((f) => window.scrollTo(0, f.getBoundingClientRect().top + scrollY));
		const box = (await first.boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(800);
		// The frame grows to its content: nothing inside it scrolls, the frame itself included.
		await expect
			.poll(() =>
				embed
					.locator('html')
					.evaluate((html) => html.scrollHeight - document.documentElement.clientHeight)
			)
			.toBeLessThanOrEqual(1);
		expect(await innerScrollers(page, 'iframe')).toEqual([]);
		// Ten entries, then a link to the whole story.
		await expect(embed.locator('.ev')).toHaveCount(10);
		await expect(embed.getByRole('link', { name: 'Show all 12 events' })).toHaveAttribute(
			'href',
			new RegExp(`/stories/${SLUG}$`)
		);
	});
}

test('a long list does not scroll inside the embed either', async ({ page }) => {
	await page.goto(`${DEMO}?limit=100`);
	await expect(page.locator('.ev')).toHaveCount(12);
	await expect(page.getByRole('link', { name: /Show all/ })).toHaveCount(0);
	expect(await innerScrollers(page)).toEqual([]);
});

test('a concluded story, or order=oldest, lists oldest first', async ({ page }) => {
	await page.goto(`${DEMO}?order=oldest`);
	await expect(page.locator('.ev-title').first()).toHaveText(
		'US sanctions on Russian oil companies'
	);
	await expect(page.locator('.meta').first()).toContainText('Oldest first');
});

test('theme: light by default, dark when asked, auto follows the reader’s setting', async ({
	page
}) => {
	const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto(DEMO);
	expect(await background()).toBe('rgb(255, 255, 255)');
	await page.goto(`${DEMO}?theme=auto`);
	expect(await background()).toBe('rgb(20, 22, 27)');
	await page.emulateMedia({ colorScheme: 'light' });
	expect(await background()).toBe('rgb(255, 255, 255)');
	await page.goto(`${DEMO}?theme=dark`);
	expect(await background()).toBe('rgb(20, 22, 27)');
});

test('oEmbed titles its iframe with the story title', async ({ request, baseURL }) => {
	const url = encodeURIComponent(`${baseURL}/stories/${SLUG}`);
	const body = (await (await request.get(`/oembed?url=${url}`)).json()) as { html: string };
	expect(body.html).toContain(`title="${TITLE}"`);
});

test('a pinned embed names the version readers saw, not a revision count', async ({ page }) => {
	const db = e2eDatabase();
	try {
		const [row] = await db<{ latest: number }[]>`
			select max(r.story_revision) as latest from revisions r
			join stories s on s.id = r.story_id where s.slug = ${SLUG}`;
		await page.goto(`${DEMO}?version=${row!.latest}`);
	} finally {
		await db.end({ timeout: 5 });
	}
	const pin = page.locator('.pin');
	await expect(pin).toHaveText(
		/^Pinned to version \d+ of this story, as published \w{3} \d{1,2}, \d{4}, \d\d:\d\d UTC$/
	);
	await expect(page.getByText(/revision/i)).toHaveCount(0);
});
