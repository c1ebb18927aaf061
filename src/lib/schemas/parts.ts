/**
 * An event's parts as the desk adds them: an actor (person, organisation, place), a source (an
 * article of the story with the words that report the event), a relation to another event.
 * Ids arrive as form text; `id` reads them and refuses anything PostgreSQL's integer cannot hold.
 */
import { z } from 'zod';
import { ARTICLE_ROLES } from '$lib/types';
import { LIMITS } from './limits';
import { text } from './text';

export const MAX_ID = 2_147_483_647;

/** A row id: a positive integer that fits PostgreSQL's `integer`. */
export const id = (message: string) =>
	z.int({ error: message }).min(1, { error: message }).max(MAX_ID, { error: message });

/** An id typed in a form or a query string ('42'), as a number; anything else stays text. */
export function idText(value: unknown): unknown {
	return typeof value === 'string' && /^\s*\d{1,10}\s*$/.test(value) ? Number(value) : value;
}

export const ACTOR_KINDS = ['person', 'organisation', 'place'] as const;
export const RELATIONS = ['follows', 'part_of', 'responds_to', 'contradicts', 'same_as'] as const;

export const Actor = z.object({
	name: text('name', { required: 'Give the actor’s name.' }),
	entityKind: z.enum(ACTOR_KINDS, { error: 'Choose a kind.' }).default('person'),
	/** Comma-separated in the form; each alias is a name. */
	aliases: text('aliases')
		.default('')
		.transform((list) =>
			list
				.split(',')
				.map((alias) => alias.trim())
				.filter(Boolean)
		)
		.pipe(z.array(text('name')))
});

export const Source = z.object({
	articleId: z.preprocess(idText, id('Choose one of the story’s articles.')),
	evidence: text('evidence', {
		required: 'Quote the words in the article that report the event.',
		multiline: true
	})
});

export const Relation = z.object({
	relation: z.enum(RELATIONS, { error: 'Choose a relation.' }),
	toEventId: z.preprocess(idText, id('Choose another event of this story.'))
});

export { LIMITS };

/** POST /api/v1/stories/{id}/articles: file an article in the story. */
export const AttachArticle = z.object({
	articleId: id('Give the article’s numeric id.'),
	role: z
		.enum(ARTICLE_ROLES, { error: `The role is one of ${ARTICLE_ROLES.join(', ')}.` })
		.nullish()
		.meta({ description: 'Its place in the story’s thread (default update).' })
});

/** POST /api/v1/articles/{id}/story-suggestions/rejections: the article is not this story's. */
export const RejectSuggestion = z.object({
	storyId: id('Give the story’s numeric id.')
});
