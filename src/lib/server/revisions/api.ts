/**
 * The revisions API for machines: `GET /api/v1/{stories|events}/{id}/revisions` lists a story's
 * or an event's revisions with what each changed, and `POST …/revisions/{version}/restore`
 * writes back the fields revision `version` recorded, under If-Match with the entity's current
 * ETag. Both need staff (session or Bearer token); the role is checked before any lookup.
 */
import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '../auth/guard';
import { actorOf } from '../newsroom/actor';
import { restoreRevision } from '../newsroom/revisions';
import { etag, expectedVersion, parseId, problem, stale } from '../api/desk/http';
import { entityOf, historyOf } from './history';

type EntityType = 'story' | 'event';

const noSuch = (entityType: EntityType) => problem(404, `No ${entityType} with that id.`);

/** The list, newest first: version, story revision, author, time and the fields it changed. */
export const listRevisions =
	(entityType: EntityType): RequestHandler =>
	async (event: RequestEvent) => {
		requireApiRole(event, 'contributor');
		const id = parseId(event.params.id);
		const target = await entityOf(entityType, id);
		if (!target) return noSuch(entityType);
		const entries = await historyOf(entityType, target.id);
		return json(
			{
				revisions: entries.map((entry) => ({
					version: entry.entityVersion,
					storyRevision: entry.storyRevision,
					author: entry.authorName,
					createdAt: entry.createdAt.toISOString(),
					changes: entry.changes
				}))
			},
			{ headers: { ETag: etag(target.version), 'Cache-Control': 'private, no-store' } }
		);
	};

/** Restores revision `{version}`; answers the restored entity with its new ETag. */
export const restoreRevisionHandler =
	(entityType: EntityType): RequestHandler =>
	async (event: RequestEvent) => {
		const user = requireApiRole(event, 'contributor');
		const expected = expectedVersion(event.request);
		if (expected instanceof Response) return expected;
		const version = parseId(event.params.version);
		// A garbled id is asked about as an unknown one, so it gets the same answer.
		const id = parseId(event.params.id) ?? 0;
		const result = await restoreRevision(
			actorOf(user, event.getClientAddress()),
			entityType,
			id,
			version ?? 0,
			expected
		);
		switch (result.kind) {
			case 'ok':
				return json(result.value, { headers: { ETag: etag(result.value.version) } });
			case 'stale':
				return stale(result.version);
			case 'invalid':
				return problem(409, result.message ?? 'The revision cannot be restored.', {
					fields: result.errors
				});
			case 'forbidden':
				return problem(403, result.message);
			case 'notFound':
				return problem(404, result.message);
		}
	};
