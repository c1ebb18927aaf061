import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';

// The embed in the reader's language (issue 18): its own words from the message files, dates in
// that language, and Arabic right to left. Event titles are the story's data and stay as written.
const DEMO = '/embed/stories/russia-ukraine-peace-talks';

// English interface words an untranslated embed would show.
const ENGLISH = [
	'events',
	'Developing',
	'Newest',
	'Oldest',
	'Sources',
	'Full story',
	'Show all',
	'Fit',
	'Zoom',
	'Meeting',
	'Statement',
	'Battlefield',
	'Policy',
	'Reported',
	'Claimed',
	'Confirmed',
	'Disputed',
	'According',
	'verified',
	'December',
	'Dec',
	'approximate',
	'Timeline'
];

/** The embed's interface text: everything but the story's own data (titles, text, names). */
function interfaceText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const parts: string[] = [document.title.split(' · ').at(-1) ?? ''];
		for (const el of document.querySelectorAll(
			'.meta, footer, .legend, .tl-tools, .tl-axis, time, .src-meta'
		))
			parts.push(el.textContent ?? '');
		// Verification lines, less the attribution they quote.
		for (const el of document.querySelectorAll('.ver')) parts.push(el.textContent ?? '');
		for (const el of document.querySelectorAll('[aria-label]'))
			parts.push(el.getAttribute('aria-label') ?? '');
		return parts.join('\n');
	});
}

async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	return violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.flatMap((violation) =>
			violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`)
		);
}

test('lang=uk: the embed holds none of the English interface words', async ({ page }) => {
	await page.goto(`${DEMO}?lang=uk`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await expect(page.getByRole('list', { name: 'Події' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Умістити' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Показати всі 12 подій' })).toBeVisible();
	const text = await interfaceText(page);
	expect(text).toContain('грудня');
	// Sources and their dates are inside closed disclosures: still text, still checked.
	expect(text).toMatch(/Джерела/);
	const found = ENGLISH.filter((word) => new RegExp(`\\b${word}\\b`, 'i').test(text));
	expect(found).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
	test(`lang=ar (${theme}): right to left, mirrored, axe-clean`, async ({ page }) => {
		await page.goto(`${DEMO}?lang=ar&theme=${theme}`);
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.getByRole('button', { name: 'ملاءمة' })).toBeVisible();
		// The list is mirrored: an entry's kind stripe is on its right, the disclosure marker too.
		const entry = page.locator('.ev').first();
		const box = (await entry.boundingBox())!;
		const stripe = await entry.evaluate((el) => getComputedStyle(el).borderRightWidth);
		expect(stripe).toBe('4px');
		const title = (await entry.locator('.ev-title').boundingBox())!;
		expect(box.x + box.width - (title.x + title.width)).toBeLessThan(40);
		// The time axis still runs left to right: the earliest label leftmost.
		const labels = page.locator('.tl-axis .major');
		const xs = await labels.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().x));
		expect(xs).toEqual([...xs].sort((a, b) => a - b));
		expect(await seriousViolations(page)).toEqual([]);
		const text = await interfaceText(page);
		expect(ENGLISH.filter((word) => new RegExp(`\\b${word}\\b`, 'i').test(text))).toEqual([]);
	});
}
