/**
 * The revisions endpoints in the OpenAPI 3.1 document (handlers in src/lib/server/revisions/
 * api.ts): a story's or event's revisions, and restoring one. Kept apart from openapi.ts so that
 * file can be generated from schemas independently; its schemas are inline.
 */
type Json = Record<string, unknown>;

const error = (description: string): Json => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

const security = { security: [{ bearer: [] }, { session: [] }] };

const FieldChange: Json = {
	type: 'object',
	description: 'One field as it was before the revision and after it, as an editor reads it.',
	required: ['field', 'label', 'before', 'after'],
	properties: {
		field: {
			type: 'string',
			description: 'date, precision, timeZone, place, coordinates, title, slug, …'
		},
		label: { type: 'string', examples: ['Place'] },
		before: { type: 'string', description: '"—" when empty.', examples: ['—'] },
		after: { type: 'string', examples: ['Miami'] }
	}
};

const RevisionList: Json = {
	type: 'object',
	required: ['revisions'],
	properties: {
		revisions: {
			type: 'array',
			description: 'Newest first.',
			items: {
				type: 'object',
				required: ['version', 'storyRevision', 'author', 'createdAt', 'changes'],
				properties: {
					version: {
						type: 'integer',
						description: 'The entity version this revision recorded (the one to restore).'
					},
					storyRevision: {
						type: 'integer',
						description: "The story's revision number (story and events share one sequence)."
					},
					author: { type: ['string', 'null'], description: 'Null for system changes.' },
					createdAt: { type: 'string', format: 'date-time' },
					changes: { type: 'array', items: FieldChange }
				}
			}
		}
	}
};

const idPath = (what: string): Json => ({
	name: 'id',
	in: 'path',
	required: true,
	description: `The ${what}'s numeric id.`,
	schema: { type: 'integer', minimum: 1 }
});

function paths(what: 'story' | 'event', plural: string): Record<string, Json> {
	const name = what === 'story' ? 'Story' : 'Event';
	return {
		[`/api/v1/${plural}/{id}/revisions`]: {
			get: {
				operationId: `list${name}Revisions`,
				summary: `A ${what}'s revisions with what each changed`,
				tags: ['desk'],
				...security,
				'x-required-role': 'contributor',
				parameters: [idPath(what)],
				responses: {
					'200': {
						description: 'OK',
						headers: {
							ETag: { description: `The ${what}'s current version.`, schema: { type: 'string' } }
						},
						content: { 'application/json': { schema: RevisionList } }
					},
					'401': error('No session or Bearer token.'),
					'404': error(`No ${what} with that id.`)
				}
			}
		},
		[`/api/v1/${plural}/{id}/revisions/{version}/restore`]: {
			post: {
				operationId: `restore${name}Revision`,
				summary: `Restore the ${what} as a revision recorded it`,
				description:
					`Writes back every editable field the revision recorded, as a new revision. A ` +
					`contributor may restore drafts only` +
					(what === 'event' ? ', and not a revision that would publish the event.' : '.'),
				tags: ['desk'],
				...security,
				'x-required-role': 'contributor',
				parameters: [
					idPath(what),
					{
						name: 'version',
						in: 'path',
						required: true,
						description: 'The entity version the revision recorded (from the list).',
						schema: { type: 'integer', minimum: 1 }
					},
					{
						name: 'If-Match',
						in: 'header',
						required: true,
						description: `The ${what}'s current ETag: a stale one gets 412.`,
						schema: { type: 'string' }
					}
				],
				responses: {
					'200': {
						description: `The restored ${what}.`,
						headers: { ETag: { description: 'Its new version.', schema: { type: 'string' } } },
						content: {
							'application/json': {
								schema: {
									type: 'object',
									description: `The ${what} as PATCH /api/v1/${plural}/{id} answers it.`,
									required: ['id', 'version'],
									properties: { id: { type: 'integer' }, version: { type: 'integer' } }
								}
							}
						}
					},
					'401': error('No session or Bearer token.'),
					'403': error('The role may not restore this (published, or it would publish it).'),
					'404': error(`No such ${what} or no revision at that version.`),
					...(what === 'story'
						? { '409': error('Another story now uses the revision’s slug.') }
						: {}),
					'412': error('If-Match names an older version.'),
					'428': error('If-Match is missing.')
				}
			}
		}
	};
}

/** The revisions paths, to spread into the document's `paths`. */
export const revisionPaths: Record<string, Json> = {
	...paths('story', 'stories'),
	...paths('event', 'events')
};
