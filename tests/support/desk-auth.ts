/**
 * Staff accounts for tests: real rows, hashed exactly as the app hashes them, so a test can
 * sign in through the form or call the API with a Bearer token. Works on any postgres.js
 * connection (camelCase transform or not): it reads back only `id`.
 */
import type { Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import { hashPassword } from '../../src/lib/server/auth/password';
import { generateApiToken, hashToken } from '../../src/lib/server/auth/secret';
import type { Role } from '../../src/lib/types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any transform/type parameters
type AnySql = postgres.Sql<any>;

export interface TestUser {
	id: number;
	email: string;
	password: string;
}

/** Creates an enabled staff member; email and password are random unless given. */
export async function createUser(
	db: AnySql,
	options: { role: Role; email?: string; password?: string; displayName?: string }
): Promise<TestUser> {
	const suffix = randomBytes(5).toString('hex');
	const email = (options.email ?? `${options.role}-${suffix}@example.test`).toLowerCase();
	const password = options.password ?? `pw-${randomBytes(9).toString('base64url')}`;
	const displayName =
		options.displayName ?? `${options.role[0]?.toUpperCase()}${options.role.slice(1)} ${suffix}`;
	const passwordHash = await hashPassword(password);
	const [row] = await db<{ id: number }[]>`
		insert into users (email, display_name, role, password_hash)
		values (${email}, ${displayName}, ${options.role}, ${passwordHash})
		returning id
	`;
	if (!row) throw new Error('insert into users returned no row');
	return { id: row.id, email, password };
}

/** Creates an API token for the user and returns it (the database keeps only its hash). */
export async function createApiToken(
	db: AnySql,
	userId: number,
	name = 'test token'
): Promise<string> {
	const token = generateApiToken();
	await db`
		insert into api_tokens (user_id, name, token_hash)
		values (${userId}, ${name}, ${hashToken(token)})
	`;
	return token;
}

/** Signs in through the desk's sign-in form and waits for the desk to open. */
export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
	await page.goto('/desk/sign-in');
	// Under `vite dev` the page hydrates late; typing before that would be lost.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Email').fill(user.email);
	await page.getByLabel('Password', { exact: true }).fill(user.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => url.pathname === '/desk' || url.pathname === '/desk/', {
		waitUntil: 'domcontentloaded'
	});
}
