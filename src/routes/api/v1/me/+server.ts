import { json } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import type { RequestHandler } from './$types';

/** Who the session or Bearer token belongs to: lets a script check its token works. */
export const GET: RequestHandler = (event) => {
	const user = requireApiRole(event, 'contributor');
	return json(
		{ id: user.id, email: user.email, role: user.role },
		{ headers: { 'cache-control': 'private, no-store' } }
	);
};
