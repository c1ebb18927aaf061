import type { Actions, PageServerLoad } from './$types';
import { loadHistory, restoreFromForm } from '$lib/server/revisions/history';

export const load: PageServerLoad = (event) => loadHistory(event, 'story');

export const actions: Actions = {
	restore: (event) => restoreFromForm(event, 'story')
};
