import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { demoEditorEmail, isLocalOrigin } from '$lib/server/auth/demo';
import { createSession } from '$lib/server/auth/session';
import { checkSignIn } from '$lib/server/auth/sign-in';
import { safeNextPath } from './next-path';
import { DESK_LOCALES, SignIn } from '$lib/schemas/accounts';
import { acceptedLanguage } from '$lib/i18n';
import { fieldErrors } from '$lib/schemas/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, request }) => {
	const next = safeNextPath(url.searchParams.get('next'), url.origin);
	if (locals.user) redirect(303, next);
	// Nobody is signed in yet, so the browser's languages choose among the desk's.
	const locale = acceptedLanguage(request.headers.get('accept-language'), DESK_LOCALES);
	locals.pageLang = locale;
	// The demo editor's address, never its password (printed in the terminal), and only on a
	// local origin: elsewhere it is no one's business that such an account exists.
	const demoEmail = isLocalOrigin({ ORIGIN: url.origin }) ? await demoEditorEmail() : undefined;
	return { next, demoEmail, locale };
};

type SignInErrors = { email?: string; password?: string; form?: string };

function retryText(seconds: number): string {
	const minutes = Math.ceil(seconds / 60);
	return minutes <= 1 ? 'in a minute' : `in ${minutes} minutes`;
}

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const next = safeNextPath(String(form.get('next') ?? ''), event.url.origin);
		const values = { email };

		// The fields' own checks (SignIn schema): blank, over-long, or control characters.
		const checked = SignIn.safeParse({ email, password });
		if (!checked.success) {
			const errors: SignInErrors = fieldErrors(checked.error);
			return fail(400, { errors, values });
		}

		const result = await checkSignIn({ email, password, clientAddress: event.getClientAddress() });
		if (!result.ok && result.reason === 'throttled') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, {
				errors: {
					form: `Too many failed sign-ins. Try again ${retryText(result.retryAfterSeconds)}.`
				} as SignInErrors,
				values,
				retryAfterSeconds: result.retryAfterSeconds
			});
		}
		if (!result.ok) {
			// The same words whether the address is unknown, disabled or the password wrong.
			return fail(400, {
				errors: { password: 'That email and password do not match an account.' } as SignInErrors,
				values
			});
		}

		const { token, session } = await createSession(result.user.id);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		redirect(303, next);
	}
};
