import { expect, test, type Page } from '@playwright/test';
import { e2eDatabase } from '../support/e2e-database';
import { createApiToken, createUser, signIn } from '../support/desk-auth';

let db: ReturnType<typeof e2eDatabase>;

// Under `vite dev` each desk page compiles on first visit, and argon2 runs on every sign-in.
test.describe.configure({ timeout: 90_000 });

test.beforeAll(() => {
	db = e2eDatabase();
});

test.afterAll(async () => {
	await db?.end();
});

test('an editor signs in after a wrong password, lands where they were going, and signs out', async ({
	page
}) => {
	const editor = await createUser(db, { role: 'editor', displayName: 'Edith Editor' });

	await page.goto('/desk/tokens');
	await expect(page).toHaveURL(/\/desk\/sign-in\?next=%2Fdesk%2Ftokens$/);
	await page.waitForLoadState('networkidle'); // typing before hydration would be lost

	await page.getByLabel('Email').fill(editor.email);
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
	await expect(page.getByLabel('Email')).toHaveValue(editor.email);
	await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');

	await page.getByLabel('Password').fill(editor.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/desk\/tokens$/);
	await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
	await expect(page.getByText('Edith Editor')).toBeVisible();
	const nav = page.getByRole('navigation', { name: 'Desk' });
	await expect(nav.getByRole('link', { name: 'API tokens' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/desk\/sign-in$/);
	await page.goto('/desk/account');
	await expect(page).toHaveURL(/\/desk\/sign-in\?next=/);
});

test('a contributor sees no Users link and is refused the users page', async ({ page }) => {
	const contributor = await createUser(db, { role: 'contributor' });
	await signIn(page, contributor);
	const nav = page.getByRole('navigation', { name: 'Desk' });
	await expect(nav.getByRole('link', { name: 'Account' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
	await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

	const response = await page.goto('/desk/users');
	expect(response?.status()).toBe(403);
});

test('a token made on the tokens page is shown once and works as a Bearer token until revoked', async ({
	page,
	request
}) => {
	const editor = await createUser(db, { role: 'editor' });
	await signIn(page, editor);
	await page.goto('/desk/tokens');
	await page.getByLabel('Name').fill('newsroom script');
	await page.getByRole('button', { name: 'Create token' }).click();
	const shown = page.getByLabel('New token');
	await expect(shown).toHaveText(/^tl_[a-z2-7]{32}$/);
	const token = (await shown.textContent()) ?? '';

	const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
	expect(me.status()).toBe(200);
	expect(await me.json()).toEqual({ id: editor.id, email: editor.email, role: 'editor' });

	await page.reload();
	await expect(page.getByText(token)).toHaveCount(0);
	await page.getByRole('button', { name: 'Revoke newsroom script' }).click();
	await expect(page.getByText(/^Revoked/)).toBeVisible();
	const after = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
	expect(after.status()).toBe(401);
});

test('the API answers 401 without a token or with a bad one, and 200 with a good one', async ({
	request
}) => {
	const admin = await createUser(db, { role: 'admin' });
	const token = await createApiToken(db, admin.id, 'e2e');
	expect((await request.get('/api/v1/me')).status()).toBe(401);
	const bad = await request.get('/api/v1/me', { headers: { authorization: 'Bearer tl_nope' } });
	expect(bad.status()).toBe(401);
	const good = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
	expect(await good.json()).toEqual({ id: admin.id, email: admin.email, role: 'admin' });
});

test('an admin disables a user and their open session ends; the audit log shows it', async ({
	browser
}) => {
	test.setTimeout(180_000); // two browsers signing in on a dev server
	const admin = await createUser(db, { role: 'admin', displayName: 'Ada Admin' });
	const victim = await createUser(db, { role: 'editor', displayName: 'Vic Victim' });
	const victimPage = await (await browser.newContext()).newPage();
	await signIn(victimPage, victim);

	const adminPage = await (await browser.newContext()).newPage();
	await signIn(adminPage, admin);
	await adminPage.goto('/desk/users');
	const row = adminPage.getByRole('row').filter({ hasText: victim.email });
	await row.getByRole('button', { name: 'Disable Vic Victim' }).click();
	await expect(row.getByText('Disabled; their sessions have ended.')).toBeVisible();

	await victimPage.goto('/desk/account');
	await expect(victimPage).toHaveURL(/\/desk\/sign-in/);

	await adminPage.goto('/desk/audit');
	const entry = adminPage.getByRole('row').filter({ hasText: 'user.disabled' }).first();
	await expect(entry).toContainText('Ada Admin');
});

test('the demo database names the demo editor on the sign-in page, never its password', async ({
	page
}) => {
	// The password is printed in the terminal only; security.e2e.ts signs in with it.
	await page.goto('/desk/sign-in');
	const note = page.getByRole('complementary', { name: 'Demo database' });
	await expect(note).toContainText('editor@demo.throughline.test');
	await expect(note).toContainText('printed in the terminal');
	await expect(note.locator('code')).toHaveCount(0);
});

test('after three wrong passwords from one address the sign-in answers 429 with Retry-After, even for the right one', async ({
	request,
	baseURL
}) => {
	const editor = await createUser(db, { role: 'editor' });
	const post = (password: string) =>
		request.post('/desk/sign-in', {
			form: { email: editor.email, password },
			headers: { origin: baseURL ?? '', accept: 'text/html' },
			maxRedirects: 0
		});
	// Then each further attempt from this address waits twice as long (auth/throttle.ts).
	for (let i = 0; i < 3; i += 1) expect((await post(`wrong password ${i}`)).status()).toBe(400);
	const locked = await post(editor.password);
	expect(locked.status()).toBe(429);
	expect(Number(locked.headers()['retry-after'])).toBeGreaterThan(0);
	expect(await locked.text()).toContain('Too many failed sign-ins');
});

/**
 * Opens a desk page with its modules held back (a slow connection), lets `type` fill fields
 * while only the server's HTML is there, then lets the page's script load and take over.
 */
async function typeBeforeHydration(page: Page, path: string, type: () => Promise<void>) {
	const editor = await createUser(db, { role: 'editor' });
	await signIn(page, editor);
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(path, { waitUntil: 'commit' });
	await type();
	release();
	await page.waitForLoadState('networkidle');
}

test('what an editor types before the page’s script has run is kept when it starts', async ({
	page
}) => {
	await typeBeforeHydration(page, '/desk/tokens', () =>
		page.getByLabel('Name').fill('typed early')
	);
	// Hydrated: the form now posts through the page's script (no full reload).
	await page.getByRole('button', { name: 'Create token' }).click();
	await expect(page.getByLabel('New token')).toHaveText(/^tl_[a-z2-7]{32}$/);
	await expect(page.getByText('typed early', { exact: true })).toBeVisible();
});

test('a story summary typed before the page’s script has run is kept when it starts', async ({
	page
}) => {
	await typeBeforeHydration(page, '/desk/stories/new', () =>
		page.getByLabel('Summary').fill('Typed while the page was still loading.')
	);
	// The title field is bound too: typing in it proves the page is running its script.
	await page.getByLabel('Title').fill('Early story');
	await expect(page.getByLabel('Slug')).toHaveValue('early-story');
	await expect(page.getByLabel('Summary')).toHaveValue('Typed while the page was still loading.');
});
