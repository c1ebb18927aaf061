import { test, expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { createApiToken, createUser, signIn } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';
import { DOORS, leastRoleOf } from '../support/doors';
import { writingRoutes, type WritingRoute } from '../support/writing-routes';
import type { Role } from '../../src/lib/types';

/**
 * Walks every route under /desk and /api/v1 that writes (form actions and POST/PUT/PATCH/DELETE
 * handlers, found by reading src/routes) and checks that anonymous callers are refused and that
 * a role below the route's is refused with 403. Each route's role comes from the policy action
 * it is classified with in tests/support/doors.ts; a new writing route that is not classified
 * there fails this test, so no route can skip the policy unnoticed.
 */

/** The lowest role each writing route accepts ('public' = open, e.g. signing in). */
const REQUIRED: Record<string, Role | 'public'> = Object.fromEntries(
	Object.entries(DOORS).map(([key, door]) => [key, leastRoleOf(door) ?? 'public'])
);

const RANK: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 };
const BELOW: Record<Role, Role | null> = {
	contributor: null,
	editor: 'contributor',
	admin: 'editor'
};

let db: ReturnType<typeof e2eDatabase>;
const ids: Record<string, number> = {};

test.beforeAll(async () => {
	db = e2eDatabase();
	const [story] = await db<{ id: number }[]>`select id from stories order by id limit 1`;
	const [event] = await db<{ id: number }[]>`select id from events order by id limit 1`;
	const [article] = await db<{ id: number }[]>`select id from articles order by id limit 1`;
	Object.assign(ids, { stories: story!.id, events: event!.id, articles: article!.id });
});

test.afterAll(async () => {
	await db?.end({ timeout: 5 });
});

/** A concrete URL: each [param] becomes the id of a real row of the segment before it. */
function urlOf(route: WritingRoute): string {
	const segments = route.route.split('/');
	const concrete = segments.map((segment, index) =>
		/^\[.+\]$/.test(segment) ? String(ids[segments[index - 1] ?? ''] ?? 1) : segment
	);
	const url = concrete.join('/') || '/';
	// A default action is posted to the page itself (SvelteKit refuses "?/default").
	return route.action && route.action !== 'default' ? `${url}?/${route.action}` : url;
}

async function send(
	request: APIRequestContext,
	route: WritingRoute,
	baseURL: string,
	headers: Record<string, string> = {}
): Promise<APIResponse> {
	return request.fetch(urlOf(route), {
		method: route.method,
		maxRedirects: 0,
		// As a browser's form post (text/html), so SvelteKit answers redirects with a 303.
		headers: { origin: baseURL, accept: 'text/html', ...headers },
		...(route.kind === 'action'
			? { form: { probe: '1' } }
			: { data: {}, headers: { origin: baseURL, 'if-match': '"1"', ...headers } })
	});
}

function refusedAnonymous(response: APIResponse): boolean {
	if (response.status() === 401) return true;
	return (
		[302, 303, 307].includes(response.status()) &&
		(response.headers().location ?? '').includes('/desk/sign-in')
	);
}

test('every writing route under /desk and /api/v1 is in the role table', () => {
	const found = writingRoutes();
	expect(found.length).toBeGreaterThan(15);
	const missing = found.map((route) => route.key).filter((key) => !(key in REQUIRED));
	expect(missing, 'classify these routes in tests/support/doors.ts').toEqual([]);
	const stale = Object.keys(REQUIRED).filter((key) => !found.some((route) => route.key === key));
	expect(stale, 'these doors.ts entries match no route any more').toEqual([]);
});

test('anonymous callers are refused by every writing route', async ({ request, baseURL }) => {
	test.slow();
	const refusedWrongly: string[] = [];
	for (const route of writingRoutes()) {
		if (REQUIRED[route.key] === 'public') continue;
		const response = await send(request, route, baseURL!);
		if (!refusedAnonymous(response)) refusedWrongly.push(`${route.key} → ${response.status()}`);
	}
	expect(refusedWrongly).toEqual([]);
});

test('a role below the route’s is refused with 403', async ({ browser, baseURL }) => {
	test.slow();
	const wrong: string[] = [];
	for (const role of ['contributor', 'editor'] as const) {
		const user = await createUser(db, { role });
		const token = await createApiToken(db, user.id);
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, user);
		for (const route of writingRoutes()) {
			const needed = REQUIRED[route.key];
			if (!needed || needed === 'public' || RANK[needed] <= RANK[role]) continue;
			if (BELOW[needed] === null) continue;
			const response =
				route.kind === 'api'
					? await send(context.request, route, baseURL!, { authorization: `Bearer ${token}` })
					: await send(page.request, route, baseURL!);
			if (response.status() !== 403) wrong.push(`${role}: ${route.key} → ${response.status()}`);
		}
		await context.close();
	}
	expect(wrong).toEqual([]);
});

test('a cross-site form post is refused before any action runs', async ({ request }) => {
	test.skip(!!process.env.E2E_DEV, 'the dev server does not check origins; the build does');
	const response = await request.post('/desk/sign-in', {
		form: { email: 'x@example.test', password: 'whatever-long' },
		headers: { origin: 'https://evil.example' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	expect(await response.text()).toContain('Cross-site');
});
