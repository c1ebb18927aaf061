/**
 * Every writing door (desk form action or /api/v1 handler, as tests/support/writing-routes.ts
 * finds them in src/routes) classified by the policy action its command checks. A door that is
 * not here fails tests/e2e/route-walk.e2e.ts, so a new door cannot skip the policy unnoticed.
 * Doors outside the policy table are open (`public`: signing in and out) or concern the caller's
 * own account (`self`: any signed-in staff member).
 */
import { leastRole, type Action } from '../../src/lib/server/newsroom/policy';
import type { Role } from '../../src/lib/types';

export type DoorClass = Action | 'public' | 'self';

export const DOORS: Record<string, DoorClass> = {
	// Desk form actions: "<path> ?/<action>"
	'/desk/sign-in ?/default': 'public',
	'POST /desk/sign-out': 'public',
	'/desk/account ?/password': 'self',
	'/desk/account ?/signOutEverywhere': 'self',
	'/desk/account ?/language': 'self',
	'/desk/articles/new ?/default': 'article.ingest',
	'/desk/articles/[id] ?/accept': 'suggestion.decide',
	'/desk/articles/[id] ?/reject': 'suggestion.decide',
	'/desk/articles/[id] ?/newStory': 'story.create',
	'/desk/articles/[id] ?/acceptEvent': 'suggestion.decide',
	'/desk/articles/[id] ?/mergeEvent': 'event.editParts',
	'/desk/articles/[id] ?/rejectEvent': 'suggestion.decide',
	// Undoing an accepted proposal deletes its draft, which the command checks as event.delete.
	'/desk/articles/[id] ?/undoDecision': 'suggestion.decide',
	'/desk/articles/[id] ?/publishDraft': 'event.publish',
	'/desk/articles/[id] ?/publishDrafts': 'event.publish',
	'/desk/inbox ?/accept': 'suggestion.decide',
	'/desk/inbox ?/reject': 'suggestion.decide',
	'/desk/inbox ?/newStory': 'story.create',
	'/desk/stories/new ?/default': 'story.create',
	'/desk/stories/[id] ?/save': 'story.edit',
	'/desk/stories/[id] ?/publish': 'story.publish',
	'/desk/stories/[id] ?/unpublish': 'story.publish',
	'/desk/stories/[id] ?/delete': 'story.delete',
	'/desk/stories/[id] ?/attach': 'story.attachArticle',
	'/desk/stories/[id] ?/move': 'story.arrangeArticles',
	'/desk/stories/[id] ?/role': 'story.arrangeArticles',
	'/desk/stories/[id] ?/detach': 'story.detachArticle',
	'/desk/stories/[id]/history ?/restore': 'story.restoreRevision',
	'/desk/stories/[id]/events/new ?/default': 'event.create',
	'/desk/events/[id] ?/save': 'event.edit',
	'/desk/events/[id] ?/delete': 'event.delete',
	'/desk/events/[id] ?/restore': 'event.restore',
	'/desk/events/[id] ?/addSource': 'event.editParts',
	'/desk/events/[id] ?/removeSource': 'event.editParts',
	'/desk/events/[id] ?/addActor': 'event.editParts',
	'/desk/events/[id] ?/removeActor': 'event.editParts',
	'/desk/events/[id] ?/addRelation': 'event.editParts',
	'/desk/events/[id] ?/removeRelation': 'event.editParts',
	'/desk/events/[id] ?/merge': 'event.merge',
	'/desk/events/[id]/history ?/restore': 'event.restoreRevision',
	'/desk/feeds ?/add': 'feed.manage',
	'/desk/feeds ?/remove': 'feed.manage',
	'/desk/feeds ?/toggle': 'feed.manage',
	'/desk/feeds ?/poll': 'feed.manage',
	'/desk/sources ?/rights': 'source.rights',
	'/desk/import ?/default': 'import.timelinejs',
	'/desk/trash ?/restore': 'story.restore', // stories and events alike: both need an editor
	'/desk/tokens ?/create': 'token.manage',
	'/desk/tokens ?/revoke': 'token.manage',
	'/desk/users ?/add': 'user.manage',
	'/desk/users ?/role': 'user.manage',
	'/desk/users ?/disable': 'user.manage',
	'/desk/users ?/enable': 'user.manage',
	// Handlers: "<METHOD> <path>"
	'POST /api/v1/articles': 'article.ingest',
	'POST /api/v1/articles/[id]/story-suggestions/rejections': 'suggestion.decide',
	'POST /api/v1/articles/[id]/event-suggestions': 'suggestion.decide', // merge: event.editParts too
	'POST /api/v1/stories': 'story.create',
	'PATCH /api/v1/stories/[id]': 'story.edit',
	'PUT /api/v1/stories/[id]': 'story.edit',
	'DELETE /api/v1/stories/[id]': 'story.delete',
	'POST /api/v1/stories/[id]/articles': 'story.attachArticle',
	'POST /api/v1/stories/[id]/events': 'event.create',
	'POST /api/v1/stories/[id]/revisions/[version]/restore': 'story.restoreRevision',
	'POST /api/v1/events/[id]/revisions/[version]/restore': 'event.restoreRevision',
	'PATCH /api/v1/events/[id]': 'event.edit',
	'PUT /api/v1/events/[id]': 'event.edit',
	'DELETE /api/v1/events/[id]': 'event.delete',
	'POST /api/v1/import/timelinejs': 'import.timelinejs'
};

/**
 * The least role a door lets through for some target: the policy's role for a draft (a
 * published target can only ask more). Null for open doors.
 */
export function leastRoleOf(door: DoorClass): Role | null {
	if (door === 'public') return null;
	if (door === 'self') return 'contributor';
	return leastRole(door, 'draft');
}
