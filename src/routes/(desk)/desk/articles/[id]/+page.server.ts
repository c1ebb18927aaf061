import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as suggestions from '$lib/server/db/suggestions';
import { civilDay } from '$lib/server/extract/dates';
import { suggestStories } from '$lib/server/suggest/suggest';
import { suggestEventsFor } from '$lib/server/suggest/event-suggestions';
import { accept, newStory, reject } from '$lib/server/suggest/desk-actions';
import { acceptEvent, mergeEvent, rejectEvent } from '$lib/server/suggest/event-actions';
import { formatEventWhen } from '$lib/format/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** The article, the stories it may continue, and the events it reports. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'contributor');
	const id = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : null;
	const article = id === null ? undefined : await suggestions.getForAnalysis(id);
	if (!article || id === null) error(404, 'No article with that id.');
	const [stories, filedIn, found, existing] = await Promise.all([
		suggestStories(id),
		suggestions.storiesOfArticle(id),
		suggestEventsFor(id),
		suggestions.eventsOfArticleStories(id)
	]);
	const titles = new Map(existing.map((e) => [e.id, e.title]));
	return {
		article: { ...article, paragraphs: article.body.split(/\n{2,}/) },
		stories: stories ?? { suggestions: [], newStory: { recommended: true, reason: '' } },
		filedIn,
		// Set when the extractor does not read the article's language (it reads English).
		proposalsUnavailable: found?.reason !== null && found?.reason !== undefined,
		proposals: (found?.events ?? []).map((p) => {
			const day = civilDay(p.start, p.timeZone);
			return {
				...p,
				date: `${day.year}-${pad(day.month)}-${pad(day.day)}`,
				when: formatEventWhen({
					occurredStart: p.start,
					occurredEnd: p.end ?? null,
					precision: p.precision,
					timeZone: p.timeZone
				}),
				matchesTitle: p.matchesEventId ? (titles.get(p.matchesEventId) ?? null) : null
			};
		}),
		canDecide: user.role !== 'contributor'
	};
};

export const actions: Actions = { accept, reject, newStory, acceptEvent, mergeEvent, rejectEvent };
