import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../../types';

/** The signed-in staff member (from the session cookie or an API Bearer token). */
export interface DeskUser {
	id: number;
	email: string;
	displayName: string;
	role: Role;
}

const RANK: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 };

/** admin ⊇ editor ⊇ contributor. */
export function hasRole(user: DeskUser | null | undefined, role: Role): user is DeskUser {
	return !!user && RANK[user.role] >= RANK[role];
}

/**
 * For desk pages and form actions: anonymous callers are sent to sign in, under-privileged ones
 * get 403. Every action that writes calls this itself; the desk layout's guard is not enough.
 */
export function requireRole(event: RequestEvent, role: Role): DeskUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/desk/sign-in?next=${encodeURIComponent(next)}`);
	}
	if (!hasRole(user, role)) error(403, `This needs the ${role} role.`);
	return user;
}

/** For JSON endpoints: 401 without a session or Bearer token, 403 when the role is too low. */
export function requireApiRole(event: RequestEvent, role: Role): DeskUser {
	const user = event.locals.user;
	if (!user) error(401, 'Sign in, or send Authorization: Bearer <token>.');
	if (!hasRole(user, role)) error(403, `This needs the ${role} role.`);
	return user;
}
