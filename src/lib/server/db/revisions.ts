import { sql, type Db } from './client';
import type { Snapshot } from '../revisions/snapshot';

/** One snapshot of a story or event, written by the `record_revision` trigger (00003). */
export interface Revision {
	id: number;
	storyId: number;
	storyRevision: number;
	entityType: 'story' | 'event';
	entityId: number;
	entityVersion: number;
	snapshot: Snapshot;
	authorId: number | null;
	authorName: string | null;
	createdAt: Date;
}

const select = (db: Db) => db`
	select r.id, r.story_id, r.story_revision, r.entity_type, r.entity_id, r.entity_version,
		r.snapshot, r.author_id, u.display_name as author_name, r.created_at
	from revisions r left join users u on u.id = r.author_id`;

/** A story's or event's revisions, newest first. */
export async function listFor(
	entityType: 'story' | 'event',
	entityId: number,
	db: Db = sql
): Promise<Revision[]> {
	return db<Revision[]>`${select(db)}
		where r.entity_type = ${entityType} and r.entity_id = ${entityId}
		order by r.id desc`;
}

/**
 * The revision that recorded `version` of a story or event (the last one, should a change ever
 * have left the version alone), or undefined.
 */
export async function atVersion(
	entityType: 'story' | 'event',
	entityId: number,
	version: number,
	db: Db = sql
): Promise<Revision | undefined> {
	const [revision] = await db<Revision[]>`${select(db)}
		where r.entity_type = ${entityType} and r.entity_id = ${entityId}
			and r.entity_version = ${version}
		order by r.id desc limit 1`;
	return revision;
}

/** One revision by id. */
export async function get(id: number, db: Db = sql): Promise<Revision | undefined> {
	const [revision] = await db<Revision[]>`${select(db)} where r.id = ${id}`;
	return revision;
}

/** The latest changes across all stories and events, for the desk home. */
export async function recent(limit: number, db: Db = sql) {
	return db<(Revision & { storyTitle: string })[]>`
		select r.id, r.story_id, r.story_revision, r.entity_type, r.entity_id, r.entity_version,
			r.snapshot, r.author_id, u.display_name as author_name, r.created_at,
			s.title as story_title
		from revisions r
		left join users u on u.id = r.author_id
		join stories s on s.id = r.story_id
		where s.deleted_at is null
		order by r.id desc limit ${limit}`;
}

/**
 * The story as its last revision before `cutoff` recorded it (the reader's "as of" view shows
 * the title and summary of then), or undefined when the story had no revision yet.
 */
export async function storyBefore(
	storyId: number,
	cutoff: Date,
	db: Db = sql
): Promise<Revision['snapshot'] | undefined> {
	const [revision] = await db<{ snapshot: Revision['snapshot'] }[]>`
		select snapshot from revisions
		where entity_type = 'story' and entity_id = ${storyId} and created_at < ${cutoff}
		order by id desc limit 1`;
	return revision?.snapshot;
}

/**
 * The latest changes with the snapshot each one replaced (null for a creation), so the desk
 * home can say what a change did ("published", "edited the date of").
 */
export async function recentWithPrevious(limit: number, db: Db = sql) {
	return db<(Revision & { storyTitle: string; previous: Snapshot | null })[]>`
		select r.id, r.story_id, r.story_revision, r.entity_type, r.entity_id, r.entity_version,
			r.snapshot, r.author_id, u.display_name as author_name, r.created_at,
			s.title as story_title,
			(select p.snapshot from revisions p
				where p.entity_type = r.entity_type and p.entity_id = r.entity_id and p.id < r.id
				order by p.id desc limit 1) as previous
		from revisions r
		left join users u on u.id = r.author_id
		join stories s on s.id = r.story_id
		where s.deleted_at is null
		order by r.id desc limit ${limit}`;
}
