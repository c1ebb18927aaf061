import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { e2eDatabase } from '../support/e2e-database';

// The reader pages in the story's language or `?lang=`: Ukrainian words, Arabic right to left,
// the labels' legend, the "Follow this story" page, and "as of" with the title of then.
const STORY = '/stories/russia-ukraine-peace-talks';

/**
 * English interface words the reader pages' chrome used to show. Checked as whole words, so
 * "New" does not match inside a story's own text ("Newsroom") — the demo story's English
 * content (titles, summaries, quotes, outlet names) is taken out before looking.
 */
const ENGLISH_CHROME = [
	'Story timeline',
	'Developing',
	'Concluded',
	'events',
	'articles',
	'Last updated',
	'Follow',
	'Atom feed',
	'JSON Feed',
	'Coverage',
	'First report',
	'Update',
	'Follow-up',
	'Analysis',
	'Background',
	'Demo text',
	'Source',
	'Sources',
	'Where',
	'First reported',
	'Meetings',
	'Statements',
	'Battlefield',
	'Policy',
	'Meeting',
	'Statement',
	'Reported',
	'Claimed',
	'Confirmed',
	'According to',
	'not independently verified',
	'Dashed',
	'Hatched',
	'What the labels mean',
	'As of',
	'Timeline key',
	'Skip to content',
	'Stories, event by event',
	'All stories',
	'New',
	'Show all',
	// The timeline and its overview, the coverage thread, the filters and the home page.
	'Timeline',
	'Timeline shows',
	'Faded bars',
	'first reported here',
	'reported before',
	'Coverage in publication order',
	'Events it reports',
	'close together',
	'Chronology',
	'Events in order',
	'Zoom',
	'Week',
	'Month',
	'Latest',
	'Reset',
	'Filters',
	'Kind',
	'Verification',
	'Apply',
	'Oldest first',
	'Showing',
	'Previous',
	'Next',
	'Close',
	'Activity',
	'September',
	'October',
	'November',
	'December',
	'Sep',
	'Oct',
	'Nov',
	'Dec',
	'Published',
	'Read the original',
	'In the story',
	'Stories'
];

/**
 * What the reader sees and hears on the whole page: every text node, the accessible names and
 * tooltips (aria-label, title, placeholder, alt, aria-valuetext) and the document title, with
 * what the newsroom wrote taken out — story and event titles and summaries, quoted evidence,
 * article headlines, bylines and outlets, attributions and places, the timeline's item labels.
 * Those strings are removed wherever they recur (an event's title inside an aria-label too).
 */
async function pageText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const content = [
			'h1',
			'.summary',
			'article.event h2',
			'.description',
			'blockquote',
			'.cite',
			'.headline',
			'.byline',
			'.who',
			'dd',
			'.latest',
			'.vis-item-content',
			'.thread .meta',
			'.article-body',
			'.body',
			'script',
			'style'
		].join(',');
		const data = [...document.querySelectorAll(content)]
			.map((node) => node.textContent?.trim() ?? '')
			.filter((text) => text.length > 2);
		for (const node of document.querySelectorAll('[title]'))
			if (node.closest('.dot, .vis-item')) data.push(node.getAttribute('title') ?? '');
		const attributes = ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext'];
		const copy = document.body.cloneNode(true) as Element;
		copy.querySelectorAll(content).forEach((node) => node.remove());
		const texts = [document.title, copy.textContent ?? ''];
		for (const node of document.body.querySelectorAll('*'))
			for (const name of attributes) texts.push(node.getAttribute(name) ?? '');
		let text = texts.join('\n');
		for (const piece of data.sort((a, b) => b.length - a.length))
			text = text.split(piece).join(' ');
		return text;
	});
}

const wordsIn = (text: string) =>
	ENGLISH_CHROME.filter((word) => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(text));

async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

for (const width of [1280, 375]) {
	test.describe(`at ${width} px`, () => {
		test.use({ viewport: { width, height: 900 } });

		test('the story page with ?lang=uk shows no English interface words', async ({ page }) => {
			await page.goto(`${STORY}?lang=uk`);
			await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
			await expect(page.getByText('Хронологія історії')).toBeVisible();
			// The interactive parts are drawn: the timeline's axis and the overview's brush.
			await expect(
				page.locator('.vis-time-axis .vis-text:not(.vis-measure)').first()
			).toBeVisible();
			await expect(page.getByRole('slider')).toHaveAttribute('aria-valuetext', /грудня/);
			const text = await pageText(page);
			// The check looks at something: the header, legend, entries and coverage are there.
			expect(text).toContain('Стежити за історією');
			expect(text).toContain('Публікації');
			expect(text).toContain('Джерело');
			expect(text).toContain('уперше повідомлено тут');
			expect(wordsIn(text)).toEqual([]);
			// The same page in English has them, so the list can catch a regression.
			await page.goto(STORY);
			await expect(
				page.locator('.vis-time-axis .vis-text:not(.vis-measure)').first()
			).toBeVisible();
			expect(wordsIn(await pageText(page))).toEqual(
				expect.arrayContaining(['Timeline shows', 'December', 'first reported here', 'Zoom'])
			);
		});

		test('the article page with ?lang=uk shows no English interface words', async ({ page }) => {
			await page.goto(STORY);
			const article = await page
				.locator('.coverage a[href^="/articles/"]')
				.first()
				.getAttribute('href');
			await page.goto(`${article}?lang=uk`);
			await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
			await expect(page.getByText('Події, про які повідомляє ця стаття')).toBeVisible();
			expect(wordsIn(await pageText(page))).toEqual([]);
			await page.goto(article!);
			expect(wordsIn(await pageText(page)).length).toBeGreaterThan(2);
		});

		test('the Arabic story page runs right to left with no English interface words', async ({
			page
		}) => {
			await page.goto(`${STORY}?lang=ar`);
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
			await expect(
				page.locator('.vis-time-axis .vis-text:not(.vis-measure)').first()
			).toBeVisible();
			await expect(page.getByRole('slider')).toHaveAttribute('aria-valuetext', /.+/);
			const text = await pageText(page);
			expect(text).toContain('الخط الزمني للقصة');
			expect(wordsIn(text)).toEqual([]);
		});

		test('the Arabic story page runs right to left and is axe-clean', async ({ page }) => {
			await page.goto(`${STORY}?lang=ar`);
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
			await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
			await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('dir', 'auto');
			await expect(page.getByText('الخط الزمني للقصة')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			await page.emulateMedia({ colorScheme: 'dark' });
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('a legend says what Reported, Claimed, Confirmed and As of mean', async ({ page }) => {
			await page.goto(STORY);
			const legend = page.locator('details.guide');
			await legend.getByText('What the labels mean').click();
			for (const term of ['Reported', 'Claimed', 'Confirmed', 'As of'])
				await expect(legend.getByRole('term').filter({ hasText: term })).toBeVisible();
			await expect(legend).toContainText('not checked it independently');
			await expect(legend).toContainText('as it was known at the end of that day');
		});

		test('the follow page gives both feed addresses and copies them', async ({ page, context }) => {
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			await page.goto(STORY);
			await page.getByRole('link', { name: 'Follow this story' }).click();
			await expect(page).toHaveURL(/\/stories\/russia-ukraine-peace-talks\/follow$/);
			await expect(page.getByRole('heading', { name: 'Follow this story' })).toBeVisible();
			await expect(page.getByRole('heading', { name: 'What is a feed reader?' })).toBeVisible();
			const atom = page.getByRole('textbox', { name: 'Atom feed' });
			await expect(atom).toHaveValue(/\/stories\/russia-ukraine-peace-talks\/feed\.atom$/);
			await expect(page.getByRole('textbox', { name: 'JSON Feed' })).toHaveValue(/\/feed\.json$/);
			await page.getByRole('button', { name: 'Copy the Atom feed address' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Address copied' })).toBeVisible();
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
				await atom.inputValue()
			);
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
}

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the other reader pages speak Ukrainian and Arabic, axe-clean (${colorScheme})`, async ({
		page
	}) => {
		await page.emulateMedia({ colorScheme });
		await page.goto(STORY);
		const article = await page
			.locator('.coverage a[href^="/articles/"]')
			.first()
			.getAttribute('href');
		const pages: [string, string, string][] = [
			['/?lang=uk', 'uk', 'Історії'],
			['/?lang=ar&q=Miami', 'ar', 'نتائج «Miami»'],
			[`${article}?lang=uk`, 'uk', 'Події, про які повідомляє ця стаття'],
			[`${STORY}/follow?lang=ar`, 'ar', 'تابع هذه القصة']
		];
		for (const [path, lang, heading] of pages) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.getByRole('heading', { name: heading })).toBeVisible();
			expect({ path, violations: await seriousViolations(page) }).toEqual({
				path,
				violations: []
			});
		}
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the follow page shows the addresses to select, and no dead copy button', async ({
		page
	}) => {
		await page.goto(`${STORY}/follow?lang=uk`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
		await expect(page.getByRole('textbox', { name: 'Стрічка Atom' })).toHaveValue(/feed\.atom$/);
		await expect(page.getByRole('button')).toHaveCount(0);
	});
});

test('a ?lang= variant is never served the cached page of another language', async ({
	request
}) => {
	const lang = async (query: string) => {
		const html = await (await request.get(`${STORY}${query}`)).text();
		return /<html lang="([^"]+)"/.exec(html)?.[1];
	};
	expect(await lang('')).toBe('en');
	expect(await lang('?lang=uk')).toBe('uk');
	expect(await lang('')).toBe('en');
	expect(await lang('?lang=ar')).toBe('ar');
	expect(await lang('?lang=uk')).toBe('uk');
});

test('an unknown story answers in the asked language', async ({ page }) => {
	const response = await page.goto('/stories/no-such-story?lang=uk');
	expect(response?.status()).toBe(404);
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await expect(page.getByRole('heading', { name: 'Ми не знайшли цієї сторінки' })).toBeVisible();
});

test.describe('feeds', () => {
	test('the Atom feed names its stylesheet and a browser shows it as a page', async ({
		page,
		request
	}) => {
		const feed = await request.get(`${STORY}/feed.atom`);
		expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
		expect(await feed.text()).toContain('<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>');
		const xsl = await request.get('/feed.xsl');
		expect(xsl.status()).toBe(200);
		expect(xsl.headers()['content-type']).toMatch(/xml|xsl/);

		await page.goto(`${STORY}/feed.atom`);
		await expect(page.getByText('This is a feed.')).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			'Russia–Ukraine peace talks'
		);
		await expect(page.getByRole('link', { name: 'How to follow this story' })).toHaveAttribute(
			'href',
			/\/stories\/russia-ukraine-peace-talks\/follow$/
		);
		expect(await page.locator('.entries li').count()).toBeGreaterThan(5);
	});

	test('the JSON feed says it is a JSON Feed', async ({ request }) => {
		const feed = await request.get(`${STORY}/feed.json`);
		expect(feed.headers()['content-type']).toBe('application/feed+json; charset=utf-8');
		expect((await feed.json()).version).toBe('https://jsonfeed.org/version/1.1');
	});
});

test.describe('as of', () => {
	const SLUG = 'e2e-renamed-story';
	let db: ReturnType<typeof e2eDatabase>;

	test.beforeAll(async () => {
		db = e2eDatabase();
		await db`delete from stories where slug = ${SLUG}`;
		const [story] = await db<{ id: number }[]>`
			insert into stories (slug, title, summary, publication, published_at)
			values (${SLUG}, 'Talks planned in Geneva', 'Delegations are expected.', 'published',
				'2025-01-01')
			returning id`;
		// Its first revision (the trigger's) is backdated: the story was written on 1 January.
		await db`update revisions set created_at = '2025-01-01T10:00:00Z'
			where entity_type = 'story' and entity_id = ${story!.id}`;
		await db`update stories set title = 'Talks moved to Miami', summary = 'They met in Miami.'
			where id = ${story!.id}`;
	});

	test.afterAll(async () => {
		await db`delete from stories where slug = ${SLUG}`;
		await db?.end({ timeout: 5 });
	});

	test('shows the title and summary the story had then', async ({ page }) => {
		await page.goto(`/stories/${SLUG}?asof=2025-03-01`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Talks planned in Geneva');
		await expect(page.getByText('Delegations are expected.')).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: 'as it was known' })).toBeVisible();

		await page.goto(`/stories/${SLUG}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Talks moved to Miami');
		await expect(page.getByText('They met in Miami.')).toBeVisible();
	});
});
