import { requireRole } from '$lib/server/auth/guard';
import * as users from '$lib/server/db/users';
import { uiLocale } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

/**
 * Every desk page needs a signed-in staff member; anonymous visitors go to sign in and come
 * back. This guards page loads only: each form action and endpoint checks the role itself.
 * The sign-in page resets to the root layout (+page@.svelte), so this guard does not run there.
 * The page is served in the staff member's own interface language (<html lang dir>).
 */
export const load: LayoutServerLoad = async (event) => {
	const user = requireRole(event, 'contributor');
	const locale = uiLocale(await users.getLocale(user.id));
	event.locals.pageLang = locale;
	return { user, locale };
};
