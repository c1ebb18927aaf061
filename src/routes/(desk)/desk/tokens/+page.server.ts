import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { createToken, revokeToken, tokenNameProblem } from '$lib/server/auth/tokens';
import * as apiTokens from '$lib/server/db/api-tokens';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'editor');
	return { tokens: await apiTokens.listForUser(user.id) };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'editor');
		const form = await event.request.formData();
		const name = String(form.get('name') ?? '');
		const problem = tokenNameProblem(name);
		if (problem) return fail(400, { create: { errors: { name: problem }, values: { name } } });
		const { token, record } = await createToken({
			userId: user.id,
			name,
			actorId: user.id,
			clientAddress: event.getClientAddress()
		});
		// Returned once, in this response only: the database keeps just its hash.
		return { create: { created: { name: record.name, token } } };
	},

	revoke: async (event) => {
		const user = requireRole(event, 'editor');
		const form = await event.request.formData();
		const id = Number(form.get('id'));
		if (!Number.isSafeInteger(id)) return fail(400, { revoke: { error: 'No such token.' } });
		const revoked = await revokeToken({
			id,
			userId: user.id,
			actorId: user.id,
			clientAddress: event.getClientAddress()
		});
		if (!revoked)
			return fail(404, { revoke: { error: 'That token is already revoked or not yours.' } });
		return { revoke: { done: true } };
	}
};
