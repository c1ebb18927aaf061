import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import * as users from '$lib/server/db/users';
import { actorOf } from '$lib/server/newsroom/actor';
import * as accounts from '$lib/server/newsroom/accounts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { users: await users.list() };
};

/** The result shown beside one user's row. */
type RowResult = { id: number; error?: string; done?: string };

const actor = (event: RequestEvent) =>
	actorOf(requireRole(event, 'contributor'), event.getClientAddress());

/** The user's id; an unreadable one is no user (the command says so after the role check). */
function userId(form: FormData): number {
	const id = Number(form.get('id'));
	return Number.isSafeInteger(id) && id > 0 ? id : 0;
}

/** One user's row after a change: done, a refusal beside the row, or a whole-page answer. */
function rowAnswer(id: number, result: accounts.AccountResult, done: string) {
	switch (result.kind) {
		case 'ok':
			return { row: { id, done } as RowResult };
		case 'invalid':
			return fail(400, { row: { id, error: Object.values(result.errors)[0] } as RowResult });
		case 'forbidden':
			error(403, result.message);
		// falls through: error() throws
		default:
			error(404, 'No such user.');
	}
}

export const actions: Actions = {
	add: async (event) => {
		const who = actor(event);
		const form = await event.request.formData();
		const values = {
			email: String(form.get('email') ?? '').trim(),
			displayName: String(form.get('displayName') ?? '').trim(),
			role: String(form.get('role') ?? '')
		};
		const password = String(form.get('password') ?? '');
		const result = await accounts.createUser(who, { ...values, password });
		if (result.kind === 'forbidden') error(403, result.message);
		if (result.kind !== 'ok')
			return fail(400, { add: { errors: result.kind === 'invalid' ? result.errors : {}, values } });
		return { add: { created: result.value.email } };
	},

	role: async (event) => {
		const who = actor(event);
		const form = await event.request.formData();
		const id = userId(form);
		return rowAnswer(id, await accounts.setRole(who, id, form.get('role')), 'Role changed.');
	},

	disable: async (event) => {
		const who = actor(event);
		const id = userId(await event.request.formData());
		const result = await accounts.setDisabled(who, id, true);
		return rowAnswer(id, result, 'Disabled; their sessions have ended.');
	},

	enable: async (event) => {
		const who = actor(event);
		const id = userId(await event.request.formData());
		return rowAnswer(id, await accounts.setDisabled(who, id, false), 'Enabled.');
	}
};
