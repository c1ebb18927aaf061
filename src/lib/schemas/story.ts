/**
 * A story's editable fields, for the desk form, POST /api/v1/stories (`NewStory`) and PATCH/PUT
 * /api/v1/stories/{id} (`StoryChange`, `StoryReplace`), and the OpenAPI document.
 */
import { z } from 'zod';
import { LIMITS } from './limits';
import { text } from './text';

export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const SLUG_MESSAGE = `Use lower-case letters, digits and single hyphens (at most ${LIMITS.slug}).`;

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
		// Empty: made from the title.
		.regex(new RegExp(`^(${SLUG_PATTERN.slice(1, -1)})?$`), { error: SLUG_MESSAGE })
		.meta({ description: "The reader's address: /stories/{slug}. Made from the title if empty." }),
	summary: text('summary', { multiline: true }),
	status: storyStatus
};

/** What PATCH and PUT may also change: whether readers see it. */
export const storyChangeFields = { ...storyFields, publication };

export const STORY_REQUIRED_BY_PUT = ['title', 'slug', 'summary', 'status'] as const;

export const NewStory = z
	.strictObject({ title: storyFields.title, summary: storyFields.summary.optional() })
	.meta({
		description: 'A new story is a draft; its slug is made from the title.'
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
