import { fail, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/newsroom/actor';
import { changePassword, setOwnLocale } from '$lib/server/newsroom/accounts';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { requireRole } from '$lib/server/auth/guard';
import { createSession, invalidateUserSessions } from '$lib/server/auth/session';
import * as audit from '$lib/server/db/audit';
import * as sessions from '$lib/server/db/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'contributor');
	const list = await sessions.listForUser(user.id);
	return {
		sessions: list.map((s) => ({
			current: s.id === event.locals.sessionId,
			createdAt: s.createdAt,
			expiresAt: s.expiresAt
		}))
	};
};

export const actions: Actions = {
	/** The desk's interface language for this staff member. */
	language: async (event) => {
		const user = requireRole(event, 'contributor');
		const form = await event.request.formData();
		const result = await setOwnLocale(actorOf(user, event.getClientAddress()), form.get('locale'));
		if (result.kind !== 'ok')
			return fail(400, {
				language: { saved: false, errors: result.kind === 'invalid' ? result.errors : {} }
			});
		return { language: { saved: true, errors: {} as Record<string, string> } };
	},

	password: async (event) => {
		const user = requireRole(event, 'contributor');
		const form = await event.request.formData();
		const current = String(form.get('current') ?? '');
		const next = String(form.get('next') ?? '');
		const confirm = String(form.get('confirm') ?? '');
		if (next !== confirm) {
			return fail(400, { password: { errors: { confirm: 'The two new passwords differ.' } } });
		}
		const result = await changePassword(actorOf(user, event.getClientAddress()), {
			email: user.email,
			current,
			next
		});
		if (result.kind !== 'ok')
			return fail(400, { password: { errors: result.kind === 'invalid' ? result.errors : {} } });
		// Every session ended with the change, this one too: start a fresh one for this browser.
		const { token, session } = await createSession(user.id);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		return { password: { changed: true as const } };
	},

	signOutEverywhere: async (event) => {
		const user = requireRole(event, 'contributor');
		const ended = await invalidateUserSessions(user.id);
		await audit.record({
			actorId: user.id,
			action: 'user.signed_out_everywhere',
			entityType: 'user',
			entityId: user.id,
			after: { sessionsEnded: ended },
			clientAddress: event.getClientAddress()
		});
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/desk/sign-in');
	}
};
