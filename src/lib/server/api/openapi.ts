/**
 * The OpenAPI 3.1 description of /api/v1, read and write (https://spec.openapis.org/oas/v3.1.0).
 * Reading needs no credentials; writing needs a session or `Authorization: Bearer <token>` with
 * the role each operation names. Served at /api/v1/openapi.json.
 */
import { params as query, type ParamName } from '$lib/schemas/query';
import { fromZod, schemas } from './openapi-schemas';
import { revisionPaths } from './openapi-revisions';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (schema: string, description = 'OK'): Json => ({
	description,
	content: { 'application/json': { schema: ref(schema) } }
});
const problem = (description: string) => body('Error', description);
/** The role check (auth/guard) refuses before the handler runs, in SvelteKit's error shape. */
const refused = (description: string) => body('Refusal', description);
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

/** A query parameter described by the schema that reads it ($lib/schemas/query). */
const queryParam = (schemaName: ParamName, name: string = schemaName): Json => {
	const { description, ...schema } = fromZod(query[schemaName]);
	return { name, in: 'query', required: false, description, schema };
};

const paging = [queryParam('limit'), queryParam('cursor'), queryParam('offset')];
const range = [queryParam('from'), queryParam('to')];
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
const fieldErrors = problem('The body is not valid: `fields` says why, field by field.');
const auth = (role: string) => ({
	security: [{ bearer: [] }, { session: [] }],
	'x-required-role': role
});
const writeErrors = {
	'400': fieldErrors,
	'401': refused('No session or Bearer token.'),
	'403': {
		description: 'The role is too low (before or after the body was read).',
		content: { 'application/json': { schema: { oneOf: [ref('Error'), ref('Refusal')] } } }
	}
};
const conditional = {
	'404': problem('Not found.'),
	'412': problem('If-Match names an older version.'),
	'428': problem('If-Match is missing.')
};

function editable(what: 'story' | 'event', schema: string, change: string, replace: string): Json {
	const name = what === 'story' ? 'Story' : 'Event';
	const write = (operationId: string, summary: string, role: string, extra: Json = {}) => ({
		operationId,
		summary,
		tags: ['desk'],
		...auth(role),
		parameters: [idPath(what), ifMatch],
		responses: {
			'200': { ...body(schema), headers: etagHeader },
			...writeErrors,
			...conditional,
			...(what === 'story' ? { '409': problem('Another story already uses that slug.') } : {})
		},
		...extra
	});
	const drafts = `contributor (drafts; editor to publish or change what readers see)`;
	return {
		patch: write(`change${name}`, `Change some fields of a ${what}`, drafts, {
			requestBody: jsonBody(change)
		}),
		put: write(`replace${name}`, `Replace a ${what}'s editable fields`, drafts, {
			requestBody: jsonBody(replace)
		}),
		delete: {
			...write(`delete${name}`, `Delete a ${what} (soft: it stays on record)`, 'editor'),
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
				session: {
					type: 'apiKey',
					in: 'cookie',
					name: 'throughline_session',
					description: 'The desk session (`__Host-throughline_session` over https).'
				}
			}
		},
		paths: {
			'/api/v1/stories': {
				get: {
					operationId: 'listStories',
					summary: 'Published stories, newest first',
					tags: ['public'],
					security: [],
					parameters: [...paging, queryParam('status'), queryParam('q')],
					responses: { '200': body('StoryList'), ...bad }
				},
				post: {
					operationId: 'createStory',
					summary: 'Open a story (a draft)',
					tags: ['desk'],
					...auth('contributor'),
					requestBody: jsonBody('NewStory'),
					responses: { '201': body('DeskStory', 'Created.'), ...writeErrors }
				}
			},
			'/api/v1/stories/{id}': {
				get: {
					operationId: 'getStory',
					summary: 'A published story with its published events',
					description:
						'Staff whose role may edit a draft story (a Bearer token or session) also get ' +
						'it, with all its live events, privately; anyone else gets 404 for a draft.',
					tags: ['public'],
					security: [],
					parameters: [
						param(
							'id',
							'Numeric id or slug.',
							{ type: 'string', pattern: '^(\\d{1,10}|[a-z0-9]+(-[a-z0-9]+)*)$' },
							'path'
						)
					],
					responses: {
						'200': { ...body('StoryDetail'), headers: etagHeader },
						'304': { description: 'If-None-Match names the current version.' },
						'404': problem('No published story with that id or slug.')
					}
				},
				...editable('story', 'DeskStory', 'StoryChange', 'StoryReplace')
			},
			'/api/v1/events': {
				get: {
					operationId: 'listEvents',
					summary: 'Published events, in time order',
					tags: ['public'],
					security: [],
					parameters: [
						...paging,
						queryParam('story'),
						queryParam('kind'),
						queryParam('verification'),
						...range
					],
					responses: { '200': body('EventList'), ...bad }
				}
			},
			'/api/v1/events/{id}': {
				get: {
					operationId: 'getEvent',
					summary: 'A published event with its sources',
					description:
						'Staff whose role may edit a draft event also get it, privately; anyone else ' +
						'gets 404 for a draft.',
					tags: ['public'],
					security: [],
					parameters: [idPath('event')],
					responses: {
						'200': { ...body('Event'), headers: etagHeader },
						'304': { description: 'If-None-Match names the current version.' },
						...bad,
						'404': problem('No published event with that id.')
					}
				},
				...editable('event', 'DeskEvent', 'EventChange', 'EventReplace')
			},
			'/api/v1/articles': {
				get: {
					operationId: 'listArticles',
					summary: 'Articles accepted into published stories, newest first',
					tags: ['public'],
					security: [],
					parameters: [...paging, queryParam('storyId', 'story'), ...range],
					responses: { '200': body('ArticleList'), ...bad }
				},
				post: {
					operationId: 'ingestArticle',
					summary: 'Send in an article',
					tags: ['ingest'],
					...auth('contributor'),
					requestBody: jsonBody('NewArticle'),
					responses: {
						'201': body('IngestedArticle', 'Stored.'),
						'200': body('IngestedArticle', 'The same article was already stored.'),
						'413': problem('The body is over 1 MB.'),
						'415': problem('Not application/json.'),
						...writeErrors
					}
				}
			},
			'/api/v1/articles/{id}': {
				get: {
					operationId: 'getArticle',
					summary: 'A public article with its sanitised body',
					tags: ['public'],
					security: [],
					parameters: [idPath('article')],
					responses: {
						'200': body('ArticleDetail'),
						...bad,
						'404': problem('No public article with that id.')
					}
				}
			},
			'/api/v1/articles/{id}/story-suggestions': {
				get: {
					operationId: 'suggestStories',
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
			'/api/v1/articles/{id}/story-suggestions/rejections': {
				post: {
					operationId: 'rejectStorySuggestion',
					summary: 'The article does not belong in that story: never suggest it again',
					tags: ['desk'],
					...auth('contributor'),
					parameters: [idPath('article')],
					requestBody: jsonBody('RejectSuggestion'),
					responses: {
						'201': body('Rejected', 'Recorded.'),
						...writeErrors,
						'404': problem('No such article or story.'),
						'400': problem('Bad body, or the article is filed in that story (take it out instead).')
					}
				}
			},
			'/api/v1/articles/{id}/event-suggestions': {
				get: {
					operationId: 'suggestEvents',
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
					operationId: 'decideEventProposal',
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
						'201': {
							description: 'Accepted: the id of the new draft event.',
							content: {
								'application/json': {
									schema: {
										type: 'object',
										properties: { id: { type: 'integer' } },
										required: ['id']
									}
								}
							}
						},
						'200': { description: 'Merged or rejected.' },
						...writeErrors,
						'404': problem('No such article, or the proposal is no longer offered.')
					}
				}
			},
			'/api/v1/stories/{id}/articles': {
				post: {
					operationId: 'fileArticle',
					summary: 'Accept an article into a story',
					tags: ['desk'],
					...auth('contributor'),
					parameters: [idPath('story')],
					requestBody: jsonBody('AttachArticle'),
					responses: {
						'201': body('Filed', 'Filed.'),
						'200': body('Filed', 'Already filed.'),
						...writeErrors,
						'404': problem('No such story or article.')
					}
				}
			},
			'/api/v1/stories/{id}/events': {
				post: {
					operationId: 'createEvent',
					summary: 'Add an event to a story (contributors add drafts; publishing needs an editor)',
					tags: ['desk'],
					...auth('contributor'),
					parameters: [idPath('story')],
					requestBody: jsonBody('NewEvent'),
					responses: {
						'201': { ...body('Event', 'Created; Location names it.'), headers: etagHeader },
						...writeErrors,
						'404': problem('No story with that id.')
					}
				}
			},
			'/api/v1/import/timelinejs': {
				post: {
					operationId: 'importTimelineJs',
					summary: 'Import a TimelineJS3 timeline as a new draft story',
					description:
						'TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html) or the ' +
						'TimelineJS Google Sheets template as CSV. All of it or none is stored.',
					tags: ['desk'],
					...auth('contributor'),
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
					operationId: 'whoAmI',
					summary: 'Who the token or session belongs to',
					tags: ['desk'],
					...auth('contributor'),
					responses: { '200': body('Me'), '401': refused('No session or Bearer token.') }
				}
			},
			'/api/v1/openapi.json': {
				get: {
					operationId: 'getOpenApiDocument',
					summary: 'This document',
					tags: ['public'],
					security: [],
					responses: {
						'200': {
							description: 'OpenAPI 3.1.',
							content: { 'application/json': { schema: { type: 'object' } } }
						}
					}
				}
			},
			...revisionPaths
		}
	};
}
