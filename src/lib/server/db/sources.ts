/**
 * Outlets and their reuse rights (migrations/00007). An article's or feed's `source` names its
 * outlet; the outlet's `full_text_public` says whether readers may see the article's full text.
 * An outlet without a row may not: other outlets' copy stays in the desk unless an editor opens
 * it. Public reads ask the database function `source_full_text_public(outlet)` in their own query.
 */
import { sql, type Db } from './client';

export interface Source {
	/** Null for an outlet that articles or feeds name but that has no row yet (closed). */
	id: number | null;
	name: string;
	fullTextPublic: boolean;
	articleCount: number;
	feedCount: number;
	updatedAt: Date | null;
}

/** Every outlet the newsroom knows (from sources, articles and feeds), by name. */
export async function list(db: Db = sql): Promise<Source[]> {
	return db<Source[]>`
		with named as (
			select lower(btrim(source)) as key, btrim(source) as name from articles
			where deleted_at is null
			union all
			select lower(btrim(source)), btrim(source) from feeds
			union all
			select lower(btrim(name)), btrim(name) from sources
		)
		select s.id, coalesce(s.name, min(n.name)) as name,
			coalesce(s.full_text_public, false) as full_text_public, s.updated_at,
			(select count(*)::int from articles a
				where lower(btrim(a.source)) = n.key and a.deleted_at is null) as article_count,
			(select count(*)::int from feeds f where lower(btrim(f.source)) = n.key) as feed_count
		from named n
		left join sources s on lower(btrim(s.name)) = n.key
		group by n.key, s.id, s.name, s.full_text_public, s.updated_at
		order by lower(coalesce(s.name, min(n.name)))`;
}

/** Whether readers may see the full text of this outlet's articles. */
export async function fullTextPublic(name: string, db: Db = sql): Promise<boolean> {
	const [row] = await db<{ open: boolean }[]>`select source_full_text_public(${name}) as open`;
	return row?.open ?? false;
}

/** Sets an outlet's right, creating its row if it has none; returns the row as stored. */
export async function setFullTextPublic(
	name: string,
	open: boolean,
	updatedBy: number | null,
	db: Db = sql
): Promise<{ id: number; name: string; fullTextPublic: boolean }> {
	const [row] = await db<{ id: number; name: string; fullTextPublic: boolean }[]>`
		insert into sources (name, full_text_public, updated_by)
		values (${name.trim()}, ${open}, ${updatedBy})
		on conflict ((lower(btrim(name)))) do update
			set full_text_public = excluded.full_text_public, updated_by = excluded.updated_by,
				updated_at = now()
		returning id, name, full_text_public`;
	if (!row) throw new Error('upsert into sources returned no row');
	return row;
}
