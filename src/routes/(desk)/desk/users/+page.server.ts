import { error, fail } from '@sveltejs/kit';
import {
	addUser,
	changeRole,
	EmailTakenError,
	isRole,
	LastAdminError,
	newUserProblems,
	setDisabled
} from '$lib/server/auth/accounts';
import { requireRole } from '$lib/server/auth/guard';
import * as users from '$lib/server/db/users';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { users: await users.list() };
};

/** The result shown beside one user's row. */
type RowResult = { id: number; error?: string; done?: string };

function rowError(id: number, error: string) {
	return fail(400, { row: { id, error } as RowResult });
}

function actorOf(event: RequestEvent) {
	const user = requireRole(event, 'admin');
	return { user, actor: { actorId: user.id, clientAddress: event.getClientAddress() } };
}

function userId(form: FormData): number {
	const id = Number(form.get('id'));
	if (!Number.isSafeInteger(id) || id < 1) error(400, 'No such user.');
	return id;
}

/** The user's own role and enabled state are not theirs to change: another admin must. */
function notSelf(id: number, self: number) {
	return id === self ? rowError(id, 'Ask another admin to change your own account.') : undefined;
}

export const actions: Actions = {
	add: async (event) => {
		const { actor } = actorOf(event);
		const form = await event.request.formData();
		const values = {
			email: String(form.get('email') ?? '').trim(),
			displayName: String(form.get('displayName') ?? '').trim(),
			role: String(form.get('role') ?? '')
		};
		const password = String(form.get('password') ?? '');
		const errors = newUserProblems({ ...values, password });
		if (Object.keys(errors).length > 0 || !isRole(values.role)) {
			return fail(400, { add: { errors, values } });
		}
		try {
			const user = await addUser({ ...values, role: values.role, password }, actor);
			return { add: { created: user.email } };
		} catch (cause) {
			if (!(cause instanceof EmailTakenError)) throw cause;
			return fail(400, { add: { errors: { email: cause.message }, values } });
		}
	},

	role: async (event) => {
		const { user, actor } = actorOf(event);
		const form = await event.request.formData();
		const id = userId(form);
		const role = String(form.get('role') ?? '');
		if (!isRole(role)) return rowError(id, 'Choose contributor, editor or admin.');
		const refused = notSelf(id, user.id);
		if (refused) return refused;
		try {
			if (!(await changeRole(id, role, actor))) error(404, 'No such user.');
		} catch (cause) {
			if (!(cause instanceof LastAdminError)) throw cause;
			return rowError(id, cause.message);
		}
		return { row: { id, done: 'Role changed.' } as RowResult };
	},

	disable: (event) => toggle(event, true),
	enable: (event) => toggle(event, false)
};

async function toggle(event: RequestEvent, disabled: boolean) {
	const { user, actor } = actorOf(event);
	const form = await event.request.formData();
	const id = userId(form);
	const refused = notSelf(id, user.id);
	if (refused) return refused;
	try {
		if (!(await setDisabled(id, disabled, actor))) error(404, 'No such user.');
	} catch (cause) {
		if (!(cause instanceof LastAdminError)) throw cause;
		return rowError(id, cause.message);
	}
	return {
		row: { id, done: disabled ? 'Disabled; their sessions have ended.' : 'Enabled.' } as RowResult
	};
}
