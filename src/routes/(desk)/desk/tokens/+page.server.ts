import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import * as apiTokens from '$lib/server/db/api-tokens';
import { actorOf } from '$lib/server/newsroom/actor';
import * as accounts from '$lib/server/newsroom/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'editor');
	return { tokens: await apiTokens.listForUser(user.id) };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = actorOf(requireRole(event, 'contributor'), event.getClientAddress());
		const form = await event.request.formData();
		const name = String(form.get('name') ?? '');
		const result = await accounts.createToken(actor, name);
		if (result.kind === 'forbidden') error(403, result.message);
		if (result.kind !== 'ok')
			return fail(400, {
				create: {
					errors: { name: result.kind === 'invalid' ? (result.errors.name ?? '') : '' },
					values: { name }
				}
			});
		// Returned once, in this response only: the database keeps just its hash.
		return { create: { created: { name: result.value.record.name, token: result.value.token } } };
	},

	revoke: async (event) => {
		const actor = actorOf(requireRole(event, 'contributor'), event.getClientAddress());
		const form = await event.request.formData();
		const id = Number(form.get('id'));
		if (!Number.isSafeInteger(id)) return fail(400, { revoke: { error: 'No such token.' } });
		const result = await accounts.revokeToken(actor, id);
		if (result.kind === 'forbidden') error(403, result.message);
		if (result.kind !== 'ok')
			return fail(404, { revoke: { error: 'That token is already revoked or not yours.' } });
		return { revoke: { done: true } };
	}
};
