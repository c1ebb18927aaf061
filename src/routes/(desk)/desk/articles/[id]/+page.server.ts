import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as suggestions from '$lib/server/db/suggestions';
import { toLocalInput } from '$lib/desk/zoned';
import { suggestStories } from '$lib/server/suggest/suggest';
import { suggestEventsFor } from '$lib/server/suggest/event-suggestions';
import { accept, newStory, reject } from '$lib/server/suggest/desk-actions';
import {
	acceptEvent,
	mergeEvent,
	publishDraft,
	publishDrafts,
	rejectEvent,
	undoDecision
} from '$lib/server/suggest/event-actions';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import { eventWhenIn } from '$lib/format/locale-dates';
import { translator } from '$lib/i18n';
import { articleOutcomes } from './outcomes';

/** The article, the stories it may continue, and the events it reports. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'contributor');
	const id = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : null;
	const article = id === null ? undefined : await suggestions.getForAnalysis(id);
	if (!article || id === null) error(404, 'No article with that id.');
	const [stories, filedIn, found, existing, outcomes] = await Promise.all([
		suggestStories(id),
		suggestions.storiesOfArticle(id),
		suggestEventsFor(id),
		suggestions.eventsOfArticleStories(id),
		articleOutcomes(article)
	]);
	const titles = new Map(existing.map((e) => [e.id, e.title]));
	// Dates in the staff member's language, which the desk layout's load picks.
	const { locale } = await event.parent();
	const t = translator(locale);
	return {
		article: { ...article, paragraphs: article.body.split(/\n{2,}/) },
		stories: stories ?? { suggestions: [], newStory: { recommended: true, reason: '' } },
		filedIn,
		// Set when the extractor does not read the article's language (it reads English).
		proposalsUnavailable: found?.reason !== null && found?.reason !== undefined,
		proposals: (found?.events ?? []).map((p) => {
			return {
				...p,
				occurredStart: toLocalInput(p.start, p.timeZone),
				occurredEnd: p.end ? toLocalInput(p.end, p.timeZone) : '',
				when: eventWhenIn(
					{
						occurredStart: p.start,
						occurredEnd: p.end ?? null,
						precision: p.precision,
						timeZone: p.timeZone
					},
					locale,
					t
				),
				matchesTitle: p.matchesEventId ? (titles.get(p.matchesEventId) ?? null) : null
			};
		}),
		outcomes,
		canDecide: user.role !== 'contributor',
		canPublish: hasRole(user, 'editor')
	};
};

export const actions: Actions = {
	accept,
	reject,
	newStory,
	acceptEvent,
	mergeEvent,
	rejectEvent,
	undoDecision,
	publishDraft,
	publishDrafts
};
