import { sql, type Db } from './client';

/**
 * One reader-visible change to a story, appended by the triggers of migration 00002. `id` is the
 * Server-Sent Events id (the table's column is bigint; as a JS number it is exact below 2^53).
 */
export interface StoryChange {
	id: number;
	storyId: number;
	kind: 'event' | 'article';
	/** The event's or the article's id, as `kind` says. */
	entityId: number;
	change: 'published' | 'updated' | 'corrected';
	at: Date;
}

/** postgres.js returns bigint as a string. */
type ChangeRow = Omit<StoryChange, 'id'> & { id: string };

/** The most changes `since` returns at once; ask again after the last one for more. */
export const SINCE_LIMIT = 500;

/**
 * A story's changes after `afterId`, oldest first, at most `SINCE_LIMIT` of them: what a page
 * that reconnects with `Last-Event-ID: <afterId>` missed.
 */
export async function since(
	storyId: number,
	afterId: number,
	db: Db = sql
): Promise<StoryChange[]> {
	const rows = await db<ChangeRow[]>`
		select id, story_id, kind, entity_id, change, at
		from story_changes
		where story_id = ${storyId} and id > ${afterId}
		order by id
		limit ${SINCE_LIMIT}
	`;
	return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** The id of a story's latest change (0 when it has none): where a freshly rendered page starts. */
export async function latestId(storyId: number, db: Db = sql): Promise<number> {
	const [row] = await db<{ id: string | null }[]>`
		select max(id) as id from story_changes where story_id = ${storyId}
	`;
	return row?.id ? Number(row.id) : 0;
}
