import { requireRole } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

/**
 * Every desk page needs a signed-in staff member; anonymous visitors go to sign in and come
 * back. This guards page loads only: each form action and endpoint checks the role itself.
 * The sign-in page resets to the root layout (+page@.svelte), so this guard does not run there.
 */
export const load: LayoutServerLoad = (event) => {
	const user = requireRole(event, 'contributor');
	return { user };
};
