import { requireRole } from '$lib/server/auth/guard';
import * as audit from '$lib/server/db/audit';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const requested = Number(event.url.searchParams.get('page') ?? '1');
	const page = Number.isSafeInteger(requested) && requested >= 1 ? requested : 1;
	const { entries, total } = await audit.list({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
	return {
		// Before/after are shown as JSON text; Svelte escapes it like any other text.
		entries: entries.map((e) => ({
			...e,
			before: e.before === null ? null : JSON.stringify(e.before),
			after: e.after === null ? null : JSON.stringify(e.after)
		})),
		page,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total
	};
};
