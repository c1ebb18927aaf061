import type { Actions, PageServerLoad } from './$types';
import { loadHistory, restoreFromForm } from '$lib/server/revisions/history';

export const load: PageServerLoad = (event) => loadHistory(event, 'event');

export const actions: Actions = {
	restore: (event) => restoreFromForm(event, 'event')
};
