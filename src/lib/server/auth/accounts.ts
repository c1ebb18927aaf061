/**
 * Checks on staff accounts' fields. The changes themselves are commands in
 * newsroom/accounts.ts.
 */
import { NewUser } from '../../schemas/accounts';
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
	const checked = NewUser.safeParse(input);
	if (!checked.success)
		for (const issue of checked.error.issues) {
			const field = issue.path[0] as keyof FieldErrors;
			errors[field] ??= issue.message;
		}
	const password = passwordProblem(input.password);
	if (password) errors.password = password;
	return errors;
}
