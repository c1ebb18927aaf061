import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { formValues, intField } from '$lib/desk/form';
import * as feeds from '$lib/server/db/feeds';
import { normaliseUrl } from '$lib/server/ingest/article-input';
import { plainText } from '$lib/server/ingest/sanitise';
import { pollFeed } from '$lib/server/subscriptions/poller';
import { checkFeed } from '$lib/server/subscriptions/check-feed';
import type { Actions, PageServerLoad } from './$types';

const ALREADY = 'That feed is already subscribed.';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	return { feeds: await feeds.list() };
};

export const actions: Actions = {
	/** Subscribe: polled at once by the next poller tick, then every interval. */
	add: async (event) => {
		const user = requireRole(event, 'editor');
		const values = formValues(await event.request.formData());
		const errors: Record<string, string> = {};
		const url = normaliseUrl(values.url);
		if (!url) errors.url = 'Enter the feed’s full http:// or https:// address.';
		const source = plainText(values.source ?? '');
		if (!source) errors.source = 'Enter the outlet its articles come from.';
		else if (source.length > 200) errors.source = 'Keep the outlet name under 200 characters.';
		const minutes = values.minutes?.trim() ? Number(values.minutes) : 15;
		if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
			errors.minutes = 'Poll every 1 to 1,440 minutes.';
		}
		if (!url || Object.keys(errors).length > 0) return fail(400, { add: { errors, values } });
		// English, as every server answer: the desk says it in the editor's language. (An action
		// runs before the desk layout's load, so locals.pageLang is not known here.)
		if (await feeds.isSubscribed(url))
			return fail(400, { add: { errors: { url: ALREADY }, values } });
		const checked = await checkFeed(url);
		if (!checked.ok)
			return fail(400, { add: { errors: { url: `Not subscribed: ${checked.reason}` }, values } });
		const feed = await feeds.create(
			{ url, source, pollIntervalSeconds: minutes * 60, createdBy: user.id },
			undefined
		);
		if (!feed) {
			return fail(400, { add: { errors: { url: ALREADY }, values } });
		}
		return { add: { added: feed.url } };
	},

	remove: async (event) => {
		requireRole(event, 'editor');
		const id = intField(await event.request.formData(), 'id');
		if (!id || !(await feeds.remove(id))) return fail(404, { message: 'No such feed.' });
		return { message: 'Feed removed.' };
	},

	toggle: async (event) => {
		requireRole(event, 'editor');
		const data = await event.request.formData();
		const id = intField(data, 'id');
		const disable = data.get('disable') === '1';
		if (!id || !(await feeds.setDisabled(id, disable))) {
			return fail(404, { message: 'No such feed.' });
		}
		return { message: disable ? 'Feed paused.' : 'Feed resumed.' };
	},

	/** Polls one feed now and reports what happened (it takes up to the fetch timeout). */
	poll: async (event) => {
		requireRole(event, 'editor');
		const id = intField(await event.request.formData(), 'id');
		const feed = id ? await feeds.claim(id) : undefined;
		if (!feed) return fail(409, { message: 'That feed is being polled already, or is gone.' });
		const result = await pollFeed(feed);
		const message =
			result.outcome === 'error'
				? `Poll failed: ${result.error ?? 'unknown error'}`
				: result.outcome === 'not_modified'
					? 'Polled: nothing changed since the last poll.'
					: `Polled: ${result.itemsNew ?? 0} new of ${result.itemsSeen ?? 0} items.` +
						(result.error ? ` ${result.error}` : '');
		return { message };
	}
};
