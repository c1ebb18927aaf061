/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the API's bodies. Request bodies are
 * generated from the zod schemas that validate them ($lib/schemas, `z.toJSONSchema`), so the
 * document says exactly what the handlers accept. Answers are written here and closed
 * (`additionalProperties: false`) so the e2e tests catch any field the document does not name.
 */
import { z } from 'zod';
import { EVENT_KINDS, MEDIA_KINDS, PRECISIONS, VERIFICATIONS } from '$lib/types';
import { NewArticle } from '$lib/schemas/article';
import { EventChange, EventReplace, NewEvent } from '$lib/schemas/event';
import { AttachArticle, RejectSuggestion } from '$lib/schemas/parts';
import { NewStory, SLUG_PATTERN, StoryChange, StoryReplace } from '$lib/schemas/story';

type Schema = Record<string, unknown>;

/** A request body's schema as a client sends it (the input side of transforms and defaults). */
export function fromZod(schema: z.ZodType): Schema {
	const json = z.toJSONSchema(schema, {
		io: 'input',
		target: 'draft-2020-12',
		unrepresentable: 'any'
	}) as Schema;
	// The document's jsonSchemaDialect already says 2020-12.
	delete json.$schema;
	return json;
}

/** Request bodies, each generated from the schema its handler validates with. */
export const requestSchemas: Record<string, Schema> = {
	NewStory: fromZod(NewStory),
	StoryChange: fromZod(StoryChange),
	StoryReplace: fromZod(StoryReplace),
	EventChange: fromZod(EventChange),
	EventReplace: fromZod(EventReplace),
	NewEvent: fromZod(NewEvent),
	NewArticle: fromZod(NewArticle),
	AttachArticle: fromZod(AttachArticle),
	RejectSuggestion: fromZod(RejectSuggestion)
};

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Schema = {}): Schema => ({ type: [type, 'null'], ...extra });
const closed = (
	properties: Record<string, Schema>,
	required = Object.keys(properties)
): Schema => ({
	type: 'object',
	properties,
	required,
	additionalProperties: false
});
const id: Schema = { type: 'integer', minimum: 1 };
const text: Schema = { type: 'string' };
const list = (item: string): Schema =>
	closed({
		items: { type: 'array', items: ref(item) },
		limit: { type: 'integer', minimum: 1, maximum: 100 },
		nextCursor: nullable('string', {
			description: 'Pass as ?cursor= for the next page; null on the last page.'
		})
	});

const eventFields = {
	kind: { enum: [...EVENT_KINDS] },
	title: text,
	description: text,
	attribution: nullable('string'),
	verification: { enum: [...VERIFICATIONS] }
};

const storyProperties: Record<string, Schema> = {
	id,
	slug: { type: 'string', pattern: SLUG_PATTERN },
	title: text,
	summary: text,
	status: { enum: ['developing', 'concluded'] },
	version: { type: 'integer', minimum: 1, description: 'The row version ETag and If-Match use.' },
	publishedAt: { oneOf: [ref('ApiDate'), { type: 'null' }] },
	updatedAt: ref('ApiDate'),
	eventCount: { type: 'integer', minimum: 0 },
	articleCount: { type: 'integer', minimum: 0 },
	url: { type: 'string', description: "The reader's page, relative to this server." }
};

const articleProperties: Record<string, Schema> = {
	id,
	source: text,
	section: nullable('string'),
	headline: text,
	dek: nullable('string'),
	url: nullable('string'),
	language: text,
	publishedAt: ref('ApiDate'),
	demo: { type: 'boolean', description: 'Written as demo data, not by a real outlet.' },
	storyIds: { type: 'array', items: id }
};

export const schemas: Record<string, Schema> = {
	Error: closed(
		{
			error: text,
			errors: { type: 'array', items: text },
			conflicts: {
				type: 'array',
				items: text,
				description: 'With 412: the fields another save changed differently since your version.'
			},
			fields: {
				type: 'object',
				description: 'What is wrong with each field, by field name.',
				additionalProperties: text
			}
		},
		['error']
	),
	Refusal: {
		description: 'A request refused for who sent it (no credentials, or a role too low).',
		...closed({ message: text })
	},
	ApiDate: {
		description:
			'Every date in the API. `at` is ISO 8601 with the offset of `timeZone` at that instant; ' +
			'for day or month precision it is the start of that day or month there, for ' +
			'"approximate" the start of the window. Recorded instants (publication, edits) are ' +
			'minute-precise in UTC.',
		...closed({
			at: { type: 'string', format: 'date-time', examples: ['2025-12-20T10:00:00+03:00'] },
			precision: { enum: [...PRECISIONS] },
			timeZone: { type: 'string', examples: ['Europe/Moscow'] }
		})
	},
	Story: closed(storyProperties),
	StoryDetail: closed({ ...storyProperties, events: { type: 'array', items: ref('Event') } }),
	StoryList: list('Story'),
	Place: closed({
		name: nullable('string'),
		latitude: nullable('number'),
		longitude: nullable('number')
	}),
	EventSource: closed({
		articleId: id,
		headline: text,
		source: text,
		url: nullable('string'),
		publishedAt: ref('ApiDate'),
		evidence: { type: 'string', description: "The article's words reporting the event." }
	}),
	Event: closed({
		id,
		storyId: id,
		storySlug: text,
		...eventFields,
		start: ref('ApiDate'),
		end: { oneOf: [ref('ApiDate'), { type: 'null' }] },
		place: { oneOf: [ref('Place'), { type: 'null' }] },
		firstReportedAt: { oneOf: [ref('ApiDate'), { type: 'null' }] },
		pinned: { type: 'boolean', description: 'A key event, listed at the top of the story.' },
		media: { oneOf: [ref('EventMedia'), { type: 'null' }] },
		version: { type: 'integer', minimum: 1 },
		sources: { type: 'array', items: ref('EventSource') }
	}),
	EventMedia: closed({
		kind: {
			enum: [...MEDIA_KINDS],
			description: 'image: a picture to show; link: a page (video, post) to link to.'
		},
		url: { type: 'string', format: 'uri', description: 'http or https only.' },
		caption: nullable('string'),
		credit: nullable('string'),
		alt: nullable('string', { description: 'What the image shows (always set for images).' }),
		width: nullable('integer', { description: 'Pixels; set together with height.' }),
		height: nullable('integer')
	}),
	EventList: list('Event'),
	Article: closed(articleProperties),
	ArticleDetail: closed({
		...articleProperties,
		fullTextPublic: {
			type: 'boolean',
			description: "Whether the outlet lets readers see the full text (the newsroom's own copy)."
		},
		bodyHtml: nullable('string', {
			description:
				'The sanitised body (never the raw text); null when the outlet keeps its full text: ' +
				'quote the events’ evidence and link to `url` instead.'
		})
	}),
	ArticleList: list('Article'),
	StorySuggestions: {
		type: 'object',
		properties: {
			suggestions: {
				type: 'array',
				items: {
					type: 'object',
					properties: {
						storyId: id,
						slug: text,
						title: text,
						score: { type: 'number', minimum: 0, maximum: 1 },
						reasons: { type: 'array', items: {} }
					},
					required: ['storyId', 'slug', 'title', 'score', 'reasons']
				}
			},
			newStory: {
				type: 'object',
				properties: { recommended: { type: 'boolean' }, reason: text },
				required: ['recommended', 'reason']
			}
		},
		required: ['suggestions', 'newStory']
	},
	EventSuggestions: {
		type: 'object',
		properties: {
			reason: {
				type: 'string',
				description:
					'Present when the article is in a language the extractor does not read (English only today): then events is empty.'
			},
			events: {
				type: 'array',
				items: {
					type: 'object',
					properties: {
						kind: { enum: [...EVENT_KINDS] },
						title: text,
						start: text,
						end: nullable('string'),
						precision: { enum: [...PRECISIONS] },
						place: {},
						actors: { type: 'array', items: {} },
						attribution: nullable('string'),
						verification: { enum: [...VERIFICATIONS] },
						evidence: text,
						matchesEventId: nullable('integer')
					},
					required: ['kind', 'title', 'start', 'precision', 'verification', 'evidence']
				}
			}
		},
		required: ['events']
	},
	ImportResult: closed({
		storyId: id,
		slug: text,
		events: { type: 'integer', minimum: 0, description: 'How many events were imported.' }
	}),
	Me: closed(
		{ id, email: text, displayName: text, role: { enum: ['admin', 'editor', 'contributor'] } },
		['id', 'email', 'role']
	),
	DeskStory: closed(
		{
			id,
			slug: text,
			title: text,
			summary: text,
			status: { enum: ['developing', 'concluded'] },
			publication: { enum: ['draft', 'published'] },
			publishedAt: nullable('string', { format: 'date-time' }),
			language: { type: 'string', description: "BCP 47 tag of the story's language." },
			version: { type: 'integer', minimum: 1 },
			createdAt: { type: 'string', format: 'date-time' },
			updatedAt: { type: 'string', format: 'date-time' }
		},
		['id', 'slug', 'title', 'summary', 'status', 'publication']
	),
	DeskEvent: closed({
		id,
		storyId: id,
		...eventFields,
		occurredStart: { type: 'string', format: 'date-time' },
		occurredEnd: nullable('string', { format: 'date-time' }),
		precision: { enum: [...PRECISIONS] },
		timeZone: text,
		placeName: nullable('string'),
		latitude: nullable('number'),
		longitude: nullable('number'),
		firstReportedAt: nullable('string', { format: 'date-time' }),
		status: { enum: ['draft', 'published'] },
		pinned: { type: 'boolean' },
		mediaKind: { enum: [...MEDIA_KINDS, null] },
		mediaUrl: nullable('string', { format: 'uri' }),
		mediaCaption: nullable('string'),
		mediaCredit: nullable('string'),
		mediaAlt: nullable('string'),
		mediaWidth: nullable('integer'),
		mediaHeight: nullable('integer'),
		version: { type: 'integer', minimum: 1 }
	}),
	IngestedArticle: closed({
		id,
		headline: text,
		dek: nullable('string'),
		source: text,
		section: nullable('string'),
		url: nullable('string'),
		language: text,
		publishedAt: { type: 'string', format: 'date-time' },
		ingestedAt: { type: 'string', format: 'date-time' },
		created: { type: 'boolean', description: 'False when the same article was already stored.' }
	}),
	Filed: closed({
		storyId: id,
		articleId: id,
		state: { const: 'accepted' },
		filed: { type: 'boolean', description: 'False when it was already filed there.' }
	}),
	Rejected: closed({ storyId: id, articleId: id, state: { const: 'rejected' } }),
	...requestSchemas
};
