/**
 * A story's editable fields, for the desk form, POST /api/v1/stories (`NewStory`) and PATCH/PUT
 * /api/v1/stories/{id} (`StoryChange`, `StoryReplace`), and the OpenAPI document.
 */
import { z } from 'zod';
import { LIMITS } from './limits';
import { text } from './text';
import { LANGUAGE_PATTERN } from './article';
import { SLUG_PATTERN, SLUG_REGEX } from '../desk/slug';

export { SLUG_PATTERN, SLUG_REGEX };
const SLUG_MESSAGE = `Use lower-case letters (any alphabet), digits and single hyphens (at most ${LIMITS.slug}).`;
const LANGUAGE_MESSAGE = 'Use a language tag such as en or uk.';

/** A BCP 47 tag, its primary subtag lower-cased as the columns store it. */
export const languageTag = z
	.string({ error: LANGUAGE_MESSAGE })
	.trim()
	.max(LIMITS.language, { error: LANGUAGE_MESSAGE })
	.regex(new RegExp(LANGUAGE_PATTERN), { error: LANGUAGE_MESSAGE })
	.transform((tag) => tag.replace(/^[A-Za-z]+/, (primary) => primary.toLowerCase()));

export const storyStatus = z.enum(['developing', 'concluded'], {
	error: 'Choose developing or concluded.'
});
export const publication = z.enum(['draft', 'published'], { error: 'Choose draft or published.' });

export const storyFields = {
	title: text('title', { required: 'Give the story a title.' }),
	slug: z
		.string({ error: SLUG_MESSAGE })
		.trim()
		.max(LIMITS.slug, { error: SLUG_MESSAGE })
		.transform((slug) => slug.normalize('NFC'))
		// Empty: made from the title.
		.refine((slug) => slug === '' || SLUG_REGEX.test(slug), { error: SLUG_MESSAGE })
		.meta({
			description:
				"The reader's address: /stories/{slug}. Lower-case words of any script joined by hyphens; made from the title if empty.",
			pattern: `^$|${SLUG_PATTERN}`
		}),
	summary: text('summary', { multiline: true }),
	status: storyStatus,
	language: languageTag.meta({
		description: "BCP 47 tag of the story's language (en, uk, ru…); readers' pages use it."
	})
};

/** What PATCH and PUT may also change: whether readers see it. */
export const storyChangeFields = { ...storyFields, publication };

export const STORY_REQUIRED_BY_PUT = ['title', 'slug', 'summary', 'status'] as const;

export const NewStory = z
	.strictObject({
		title: storyFields.title,
		summary: storyFields.summary.optional(),
		language: storyFields.language.optional()
	})
	.meta({
		description:
			'A new story is a draft; its slug is made from the title, its language guessed from the title and summary when not given.'
	});

export const StoryChange = z.strictObject(storyChangeFields).partial().meta({
	description: 'PATCH sends some of these; the rest keep their values.'
});

export const StoryReplace = z
	.strictObject(storyChangeFields)
	.partial()
	.required({ title: true, slug: true, summary: true, status: true })
	.meta({
		description: 'PUT sends the story anew (publication may stay out).'
	});
