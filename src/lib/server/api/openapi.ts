/**
 * The OpenAPI 3.1 description of /api/v1, read and write (https://spec.openapis.org/oas/v3.1.0).
 * Reading needs no credentials; writing needs a session or `Authorization: Bearer <token>` with
 * the role each operation names. Served at /api/v1/openapi.json.
 */
import { EVENT_KINDS, VERIFICATIONS } from '$lib/types';
import { schemas } from './openapi-schemas';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (schema: string, description = 'OK'): Json => ({
	description,
	content: { 'application/json': { schema: ref(schema) } }
});
const problem = (description: string) => body('Error', description);
const jsonBody = (schema: string) => ({
	required: true,
	content: { 'application/json': { schema: ref(schema) } }
});
const param = (name: string, description: string, schema: Json, where = 'query'): Json => ({
	name,
	in: where,
	required: where === 'path',
	description,
	schema
});

const paging = [
	param('limit', 'Page size, clamped to 1–100 (default 20).', { type: 'integer' }),
	param('cursor', "The previous page's nextCursor.", { type: 'string' }),
	param('offset', 'Rows to skip when no cursor is given.', { type: 'integer', minimum: 0 })
];
const range = [
	param('from', 'ISO 8601 date or date-time (UTC unless an offset is given).', {
		type: 'string'
	}),
	param('to', 'ISO 8601 date or date-time, inclusive.', { type: 'string' })
];
const idPath = (what: string) =>
	param('id', `The ${what}'s numeric id.`, { type: 'integer', minimum: 1 }, 'path');
const ifMatch = {
	name: 'If-Match',
	in: 'header',
	required: true,
	description: 'The ETag of the version you edited ("3"): a stale one gets 412.',
	schema: { type: 'string' }
};
const etagHeader = {
	ETag: { description: 'The row version, quoted: "3".', schema: { type: 'string' } }
};
const bad = { '400': problem('A parameter cannot mean anything (limit=abc, kind=foo).') };
const auth = (role: string) => ({
	security: [{ bearer: [] }, { session: [] }],
	'x-required-role': role
});
const writeErrors = {
	'400': problem('The body is not valid.'),
	'401': problem('No session or Bearer token.'),
	'403': problem('The role is too low.')
};
const conditional = {
	'404': problem('Not found.'),
	'412': problem('If-Match names an older version.'),
	'428': problem('If-Match is missing.')
};

function editable(what: 'story' | 'event', schema: string, change: string): Json {
	const write = (summary: string, extra: Json = {}) => ({
		summary,
		tags: ['desk'],
		...auth('editor'),
		parameters: [idPath(what), ifMatch],
		responses: { '200': { ...body(schema), headers: etagHeader }, ...writeErrors, ...conditional },
		...extra
	});
	return {
		patch: write(`Change some fields of a ${what}`, { requestBody: jsonBody(change) }),
		put: write(`Replace a ${what}'s editable fields`, { requestBody: jsonBody(change) }),
		delete: {
			...write(`Delete a ${what} (soft: it stays on record)`),
			responses: { '204': { description: 'Deleted.' }, ...writeErrors, ...conditional }
		}
	};
}

export function openApiDocument(serverUrl: string): Json {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Throughline API',
			version: '1.0.0',
			description:
				'Stories, the dated events they report and the articles behind them. Reading is ' +
				'public and open to any origin (CORS); writing needs a role. Errors are JSON {error}.'
		},
		servers: [{ url: serverUrl }],
		jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
		components: {
			schemas,
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: 'An API token from the desk.' },
				session: { type: 'apiKey', in: 'cookie', name: 'session' }
			}
		},
		paths: {
			'/api/v1/stories': {
				get: {
					summary: 'Published stories, newest first',
					tags: ['public'],
					parameters: [
						...paging,
						param('status', 'developing or concluded', { enum: ['developing', 'concluded'] }),
						param('q', 'Words to find in the title or summary.', { type: 'string' })
					],
					responses: { '200': body('StoryList'), ...bad }
				},
				post: {
					summary: 'Open a story (a draft)',
					tags: ['desk'],
					...auth('editor'),
					requestBody: jsonBody('NewStory'),
					responses: { '201': body('Story', 'Created.'), ...writeErrors }
				}
			},
			'/api/v1/stories/{id}': {
				get: {
					summary: 'A published story with its published events',
					tags: ['public'],
					parameters: [param('id', 'Numeric id or slug.', { type: 'string' }, 'path')],
					responses: {
						'200': { ...body('StoryDetail'), headers: etagHeader },
						'304': { description: 'If-None-Match names the current version.' },
						'404': problem('No published story with that id or slug.')
					}
				},
				...editable('story', 'Story', 'StoryChange')
			},
			'/api/v1/events': {
				get: {
					summary: 'Published events, in time order',
					tags: ['public'],
					parameters: [
						...paging,
						param('story', 'Story id or slug.', { type: 'string' }),
						param('kind', 'Event kind.', { enum: [...EVENT_KINDS] }),
						param('verification', 'How far it is verified.', { enum: [...VERIFICATIONS] }),
						...range
					],
					responses: { '200': body('EventList'), ...bad }
				}
			},
			'/api/v1/events/{id}': {
				get: {
					summary: 'A published event with its sources',
					tags: ['public'],
					parameters: [idPath('event')],
					responses: {
						'200': { ...body('Event'), headers: etagHeader },
						'304': { description: 'If-None-Match names the current version.' },
						'404': problem('No published event with that id.')
					}
				},
				...editable('event', 'Event', 'EventChange')
			},
			'/api/v1/articles': {
				get: {
					summary: 'Articles accepted into published stories, newest first',
					tags: ['public'],
					parameters: [...paging, param('story', 'Story id.', { type: 'integer' }), ...range],
					responses: { '200': body('ArticleList'), ...bad }
				},
				post: {
					summary: 'Send in an article',
					tags: ['ingest'],
					...auth('contributor'),
					requestBody: jsonBody('NewArticle'),
					responses: {
						'201': body('Created', 'Stored.'),
						'200': body('Created', 'The same article was already stored: its id.'),
						'413': problem('The body is over 1 MB.'),
						...writeErrors
					}
				}
			},
			'/api/v1/articles/{id}': {
				get: {
					summary: 'A public article with its sanitised body',
					tags: ['public'],
					parameters: [idPath('article')],
					responses: {
						'200': body('ArticleDetail'),
						'404': problem('No public article with that id.')
					}
				}
			},
			'/api/v1/articles/{id}/story-suggestions': {
				get: {
					summary: 'Stories this article may belong to, and whether to open a new one',
					tags: ['desk'],
					...auth('contributor'),
					parameters: [idPath('article')],
					responses: {
						'200': body('StorySuggestions'),
						...writeErrors,
						'404': problem('No such article.')
					}
				}
			},
			'/api/v1/articles/{id}/event-suggestions': {
				get: {
					summary: 'Events the article reports, as proposals (matched to known ones)',
					tags: ['desk'],
					...auth('contributor'),
					parameters: [idPath('article')],
					responses: {
						'200': body('EventSuggestions'),
						...writeErrors,
						'404': problem('No such article.')
					}
				},
				post: {
					summary: 'Accept (as a draft event), merge (as a source) or reject one proposal',
					tags: ['desk'],
					...auth('contributor'),
					parameters: [idPath('article')],
					requestBody: {
						required: true,
						content: {
							'application/json': {
								schema: {
									type: 'object',
									properties: {
										fingerprint: { type: 'string' },
										decision: { enum: ['accept', 'merge', 'reject'] },
										title: { type: 'string' },
										kind: { type: 'string' },
										verification: { type: 'string' },
										date: { type: 'string', format: 'date' },
										attribution: { type: 'string' }
									},
									required: ['fingerprint', 'decision']
								}
							}
						}
					},
					responses: {
						'201': body('Created', 'Accepted: the new draft event.'),
						'200': { description: 'Merged or rejected.' },
						...writeErrors,
						'404': problem('No such article, or the proposal is no longer offered.')
					}
				}
			},
			'/api/v1/stories/{id}/articles': {
				post: {
					summary: 'Accept an article into a story',
					tags: ['desk'],
					...auth('editor'),
					parameters: [idPath('story')],
					requestBody: jsonBody('AttachArticle'),
					responses: {
						'201': { description: 'Attached.' },
						'200': { description: 'Already attached.' },
						...writeErrors,
						'404': problem('No such story or article.')
					}
				}
			},
			'/api/v1/stories/{id}/events': {
				post: {
					summary: 'Add an event to a story (contributors add drafts; publishing needs an editor)',
					tags: ['desk'],
					...auth('contributor'),
					parameters: [idPath('story')],
					requestBody: jsonBody('EventChange'),
					responses: {
						'201': { ...body('Event', 'Created; Location names it.'), headers: etagHeader },
						...writeErrors,
						'404': problem('No story with that id.')
					}
				}
			},
			'/api/v1/import/timelinejs': {
				post: {
					summary: 'Import a TimelineJS3 timeline as a new draft story',
					description:
						'TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html) or the ' +
						'TimelineJS Google Sheets template as CSV. All of it or none is stored.',
					tags: ['desk'],
					...auth('editor'),
					requestBody: {
						required: true,
						content: {
							'application/json': { schema: { type: 'object' } },
							'text/csv': { schema: { type: 'string' } }
						}
					},
					responses: {
						'201': body('ImportResult', 'Imported.'),
						'413': problem('The file is too large.'),
						'415': problem('Not application/json or text/csv.'),
						'422': problem('The file cannot be imported; `error` says why.'),
						...writeErrors
					}
				}
			},
			'/api/v1/me': {
				get: {
					summary: 'Who the token or session belongs to',
					tags: ['desk'],
					...auth('contributor'),
					responses: { '200': body('Me'), '401': problem('No session or Bearer token.') }
				}
			}
		}
	};
}
