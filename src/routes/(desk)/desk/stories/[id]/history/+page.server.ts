import type { Actions, PageServerLoad } from './$types';
import { loadHistory, restoreFromForm } from '$lib/server/revisions/history';

// The rows are written in the staff member's language, which the desk layout's load picks.
export const load: PageServerLoad = async (event) =>
	loadHistory(event, 'story', (await event.parent()).locale);

export const actions: Actions = {
	restore: (event) => restoreFromForm(event, 'story')
};
