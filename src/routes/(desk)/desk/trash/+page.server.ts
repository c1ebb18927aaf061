import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { sql } from '$lib/server/db/client';
import * as audit from '$lib/server/db/audit';
import * as deskEvents from '$lib/server/db/desk-events';
import * as deskStories from '$lib/server/db/desk-stories';
import { intField } from '$lib/desk/form';
import { actorOf } from '$lib/server/newsroom/actor';
import { restoreStory } from '$lib/server/newsroom/stories';

const NOT_IN_TRASH = 'Not in the trash any more (restored, or deleted over 30 days ago).';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	return { items: await deskStories.listTrash() };
};

export const actions: Actions = {
	restore: async (event) => {
		const user = requireRole(event, 'editor');
		const data = await event.request.formData();
		const id = intField(data, 'id');
		const type = data.get('type') === 'event' ? 'event' : 'story';
		if (id === null) return fail(400, { message: 'Choose something to restore.' });
		if (type === 'story') {
			// Stories come back through their command (policy, audit); events keep their own path.
			const result = await restoreStory(actorOf(user, event.getClientAddress()), id);
			if (result.kind === 'forbidden') error(403, result.message);
			if (result.kind !== 'ok') return fail(404, { message: NOT_IN_TRASH });
			return { message: 'Restored.', restored: { type, id } };
		}
		const restored = await sql.begin(async (tx) => {
			await deskStories.actAs(user.id, tx);
			const done = await deskEvents.restore(id, tx);
			if (done) {
				const clientAddress = event.getClientAddress();
				await audit.record(
					{
						actorId: user.id,
						action: `${type}.restored`,
						entityType: type,
						entityId: id,
						clientAddress
					},
					tx
				);
			}
			return done;
		});
		if (!restored) return fail(404, { message: NOT_IN_TRASH });
		return { message: 'Restored.', restored: { type, id } };
	}
};
