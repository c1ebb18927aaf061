/**
 * The one policy table: which role may do which action to a target in which publication state.
 * The rule: a contributor may draft and propose, but nothing a contributor does changes what
 * readers see; an editor publishes. Commands ask `may()` before they look anything up beyond the
 * target's state, and every door reaches the same answer because only commands ask.
 */
import type { Role } from '../../types';

/** Whether the target is visible to readers now (`published`) or not (`draft`). */
export type TargetState = 'draft' | 'published';

export const ACTIONS = [
	// stories
	'story.create',
	'story.edit',
	'story.publish', // draft → published, or published → draft
	'story.delete',
	'story.restore',
	'story.restoreRevision',
	'story.attachArticle', // file an article in the story (the article becomes public with it)
	'story.detachArticle',
	'story.arrangeArticles', // order and role of filed articles
	// events
	'event.create',
	'event.edit',
	'event.publish',
	'event.delete',
	'event.restore',
	'event.restoreRevision',
	'event.editParts', // sources, actors, relations
	'event.merge',
	// articles and suggestions
	'article.ingest',
	'article.edit',
	'suggestion.decide', // accept / reject proposals (they create drafts or file articles)
	'feed.manage',
	'source.rights', // whether readers may see an outlet's full text
	'import.timelinejs',
	// accounts
	'token.manage',
	'user.manage',
	'audit.read'
] as const;
export type Action = (typeof ACTIONS)[number];

type Rule = Record<TargetState, Role>;

const RANK: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 };

const both = (role: Role): Rule => ({ draft: role, published: role });
/** Contributors on drafts, editors once readers can see the target. */
const draftsForContributors: Rule = { draft: 'contributor', published: 'editor' };

/** The least role for each action, by the target's state. */
export const POLICY: Record<Action, Rule> = {
	'story.create': both('contributor'), // a new story is always a draft
	'story.edit': draftsForContributors,
	'story.publish': both('editor'),
	'story.delete': both('editor'),
	'story.restore': both('editor'),
	'story.restoreRevision': draftsForContributors,
	'story.attachArticle': draftsForContributors,
	'story.detachArticle': draftsForContributors,
	'story.arrangeArticles': draftsForContributors,
	'event.create': draftsForContributors, // target: the event's own status as created
	'event.edit': draftsForContributors,
	'event.publish': both('editor'),
	'event.delete': both('editor'),
	'event.restore': both('editor'),
	'event.restoreRevision': draftsForContributors,
	'event.editParts': draftsForContributors,
	'event.merge': both('editor'),
	'article.ingest': both('contributor'),
	'article.edit': draftsForContributors,
	'suggestion.decide': both('contributor'), // accepting makes drafts; publishing is separate
	'feed.manage': both('editor'),
	'source.rights': both('editor'),
	'import.timelinejs': both('contributor'), // an import is a draft story
	'token.manage': both('editor'),
	'user.manage': both('admin'),
	'audit.read': both('admin')
};

/** The least role that may do `action` to a target in `state`. */
export const leastRole = (action: Action, state: TargetState): Role => POLICY[action][state];

/** Whether `role` may do `action` to a target in `state`. */
export function may(role: Role, action: Action, state: TargetState = 'draft'): boolean {
	return RANK[role] >= RANK[leastRole(action, state)];
}

/** The sentence a door shows when `may` says no. */
export function refusal(action: Action, state: TargetState): string {
	const role = leastRole(action, state);
	return state === 'published'
		? `Readers see this: it needs the ${role} role.`
		: `This needs the ${role} role.`;
}
