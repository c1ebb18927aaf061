/**
 * Checks on staff accounts' fields. The changes themselves are commands in
 * newsroom/accounts.ts.
 */
import * as users from '../db/users';
import type { Role } from '../../types';
import { passwordProblem } from './password';

export const ROLES: readonly Role[] = ['contributor', 'editor', 'admin'];

export type FieldErrors = Partial<Record<'email' | 'displayName' | 'role' | 'password', string>>;

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Problems with a new account's fields, by field; empty when it can be created. */
export function newUserProblems(input: {
	email: string;
	displayName: string;
	role: string;
	password: string;
}): FieldErrors {
	const errors: FieldErrors = {};
	const email = users.normaliseEmail(input.email);
	if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 254) {
		errors.email = 'Enter an email address, like name@example.org.';
	}
	const name = input.displayName.trim();
	if (!name || [...name].length > 200) errors.displayName = 'Enter a name of 1 to 200 characters.';
	if (!isRole(input.role)) errors.role = 'Choose contributor, editor or admin.';
	const password = passwordProblem(input.password);
	if (password) errors.password = password;
	return errors;
}
