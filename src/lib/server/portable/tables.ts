/**
 * What a portable export carries, in the order an import must insert it (referenced rows first),
 * and which rows belong to one story. Sessions, API tokens, sign-in attempts, the audit log and
 * feed poll records stay behind: they are the installation's, not the newsroom's content.
 */

/** A condition on the table's rows with $1 = the story's id. */
type StoryScope = string;

const EVENTS = 'select id from events where story_id = $1';
const ARTICLES = `select article_id from story_articles where story_id = $1
	union select es.article_id from event_sources es join events e on e.id = es.event_id
		where e.story_id = $1`;

export interface PortableTable {
	name: string;
	/** Which rows belong to one story; users are chosen by the rows that name them instead. */
	story: StoryScope | 'referenced users';
	/** Columns never exported (secrets). */
	secret?: string[];
}

export const PORTABLE_TABLES: PortableTable[] = [
	{ name: 'users', story: 'referenced users', secret: ['password_hash'] },
	{ name: 'stories', story: 'id = $1' },
	{ name: 'articles', story: `id in (${ARTICLES})` },
	{ name: 'story_articles', story: 'story_id = $1' },
	{ name: 'events', story: 'story_id = $1' },
	{ name: 'event_verifications', story: `event_id in (${EVENTS})` },
	{ name: 'event_sources', story: `event_id in (${EVENTS})` },
	{
		name: 'event_relations',
		story: `from_event_id in (${EVENTS}) and to_event_id in (${EVENTS})`
	},
	{
		name: 'entities',
		story: `id in (select entity_id from event_entities where event_id in (${EVENTS})
			union select entity_id from article_entities where article_id in (${ARTICLES}))`
	},
	{ name: 'event_entities', story: `event_id in (${EVENTS})` },
	{ name: 'article_entities', story: `article_id in (${ARTICLES})` },
	{
		name: 'event_proposal_decisions',
		story: `article_id in (${ARTICLES}) and (event_id is null or event_id in (${EVENTS}))`
	},
	{ name: 'revisions', story: 'story_id = $1' },
	{ name: 'story_changes', story: 'story_id = $1' },
	// Subscriptions and which of their items were taken in: a whole-newsroom move only.
	{ name: 'feeds', story: 'false' },
	// Outlets' reuse rights (00007): a whole-newsroom move only; a story arriving elsewhere takes
	// that newsroom's rights, and its outlets stay closed until an editor there opens them.
	{ name: 'sources', story: 'false' },
	{ name: 'feed_items', story: 'false' }
];
