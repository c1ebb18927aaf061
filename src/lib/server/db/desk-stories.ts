import { sql, type Db } from './client';
import type { ArticleRole, Story, StoryStatus } from '../../types';
import { slugify } from '../../desk/story-input';
import { restoreRow, softDeleteRow } from './soft-delete';
import { adoptStoryLanguage } from './articles';

/** The fields an editor changes through the story form or the API (publication has its own verbs). */
export interface StoryFields {
	title: string;
	slug: string;
	summary: string;
	status: StoryStatus;
	/** BCP 47 tag; picks the reader pages' language and the story's search configuration. */
	language: string;
}

/** A story on the desk home: drafts too, with the latest activity on it. */
export interface DeskStory extends Story {
	eventCount: number;
	articleCount: number;
	lastActivityAt: Date;
}

/** An update that found another version than the one the editor started from. */
export type Versioned<T> = { ok: true; value: T } | { ok: false; current: T | undefined };

const columns = (db: Db) =>
	db`id, slug, title, summary, status, publication, published_at, language, version, created_at,
		updated_at`;

// actAs lives with the connection (every aggregate's writes use it); re-exported for callers here.
export { actAs } from './client';

/** Every story not deleted, drafts included, most recently active first. */
export async function listForDesk(db: Db = sql): Promise<DeskStory[]> {
	return db<DeskStory[]>`
		select s.id, s.slug, s.title, s.summary, s.status, s.publication, s.published_at, s.language, s.version,
			s.created_at, s.updated_at, e.event_count, a.article_count,
			greatest(s.updated_at, e.last_change, a.last_change) as last_activity_at
		from stories s
		cross join lateral (
			select count(*)::int as event_count, max(updated_at) as last_change
			from events where story_id = s.id and deleted_at is null
		) e
		cross join lateral (
			select count(*)::int as article_count, max(created_at) as last_change
			from story_articles where story_id = s.id and state = 'accepted'
		) a
		where s.deleted_at is null
		order by last_activity_at desc, s.id desc
	`;
}

/** A story the desk may edit (any publication state), not deleted. */
export async function get(id: number, db: Db = sql): Promise<Story | undefined> {
	const [story] = await db<Story[]>`
		select ${columns(db)} from stories where id = ${id} and deleted_at is null`;
	return story;
}

/** Inserts a draft story (readers see nothing of it until an editor publishes it). */
export async function insertDraft(fields: StoryFields, db: Db = sql): Promise<Story> {
	const [story] = await db<Story[]>`
		insert into stories (slug, title, summary, status, language, publication)
		values (${fields.slug}, ${fields.title}, ${fields.summary}, ${fields.status},
			${fields.language}, 'draft')
		returning ${columns(db)}`;
	if (!story) throw new Error('insert into stories returned no row');
	return story;
}

/** Whether the article is accepted in the story (a link the desk can move, re-role or detach). */
export async function isFiled(storyId: number, articleId: number, db: Db = sql) {
	const rows = await db`
		select 1 from story_articles
		where story_id = ${storyId} and article_id = ${articleId} and state = 'accepted'`;
	return rows.length > 0;
}

/** Whether another story (deleted ones too: the unique index covers them) has this slug. */
export async function slugTaken(slug: string, exceptId: number | null, db: Db = sql) {
	const rows = await db`select 1 from stories where slug = ${slug} and id <> ${exceptId ?? -1}`;
	return rows.length > 0;
}

/**
 * Saves an editor's change only if the story is still at `expected` (optimistic concurrency);
 * otherwise returns the current row so the desk can show both versions.
 */
export async function update(
	id: number,
	expected: number,
	fields: StoryFields,
	db: Db = sql
): Promise<Versioned<Story>> {
	const [story] = await db<Story[]>`
		update stories
		set title = ${fields.title}, slug = ${fields.slug}, summary = ${fields.summary},
			status = ${fields.status}, language = ${fields.language}, version = version + 1,
			updated_at = now()
		where id = ${id} and version = ${expected} and deleted_at is null
		returning ${columns(db)}`;
	return story ? { ok: true, value: story } : { ok: false, current: await get(id, db) };
}

/** Publishes or withdraws a story, version-checked like any edit. */
export async function setPublication(
	id: number,
	expected: number,
	publication: 'draft' | 'published',
	db: Db = sql
): Promise<Versioned<Story>> {
	const [story] = await db<Story[]>`
		update stories
		set publication = ${publication},
			published_at = case when ${publication} = 'published' then coalesce(published_at, now()) end,
			version = version + 1, updated_at = now()
		where id = ${id} and version = ${expected} and deleted_at is null
		returning ${columns(db)}`;
	return story ? { ok: true, value: story } : { ok: false, current: await get(id, db) };
}

/** Soft-deletes a story at `expected` (null: whatever its version). */
export const softDelete = (id: number, expected: number | null, db: Db = sql) =>
	softDeleteRow('stories', id, expected, db);

/** Brings back a story deleted in the last 30 days. */
export const restore = (id: number, db: Db = sql) => restoreRow('stories', id, db);

/**
 * A free slug for a new story from its title: "talks", else "talks-2", "talks-3"… Call it in the
 * transaction that inserts the story: its lock makes every writer choosing a slug wait its turn,
 * so two cannot pick the same one. The base stays under 80 characters, leaving room for a suffix.
 */
export async function freeSlug(
	title: string,
	fallback: string,
	tx: Db,
	language = ''
): Promise<string> {
	const base = slugify(title, 80, language) || fallback;
	await tx`select pg_advisory_xact_lock(hashtext('stories.slug'))`;
	const taken = await tx<{ slug: string }[]>`
		select slug from stories where slug = ${base} or slug ~ ${`^${base}-[0-9]+$`}
	`;
	const used = new Set(taken.map((row) => row.slug));
	let slug = base;
	for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
	return slug;
}

export interface TrashItem {
	entityType: 'story' | 'event';
	id: number;
	title: string;
	storyTitle: string;
	deletedAt: Date;
}

/** Stories and events deleted in the last 30 days, newest first. */
export async function listTrash(db: Db = sql): Promise<TrashItem[]> {
	return db<TrashItem[]>`
		select 'story' as entity_type, id, title, title as story_title, deleted_at
		from stories where deleted_at > now() - interval '30 days'
		union all
		select 'event', e.id, e.title, s.title, e.deleted_at
		from events e join stories s on s.id = e.story_id
		where e.deleted_at > now() - interval '30 days'
		order by deleted_at desc`;
}

export interface UnfiledArticle {
	id: number;
	headline: string;
	source: string;
	publishedAt: Date;
}

/** Articles no story has accepted: how many, and the newest few. */
export async function unfiledArticles(limit: number, db: Db = sql) {
	const unfiled = db`
		from articles a
		where a.deleted_at is null and not exists (
			select 1 from story_articles sa where sa.article_id = a.id and sa.state = 'accepted')`;
	const [count] = await db<{ count: number }[]>`select count(*)::int as count ${unfiled}`;
	const first = await db<UnfiledArticle[]>`
		select a.id, a.headline, a.source, a.published_at ${unfiled}
		order by a.published_at desc, a.id desc limit ${limit}`;
	return { count: count?.count ?? 0, first };
}

/** What filing did: a new link, an existing accepted one, or nothing (unknown story/article). */
export type FileOutcome = 'filed' | 'already_filed' | 'not_found';

/**
 * Files an article in a story (state accepted, at the end of the thread). A suggested or
 * rejected link becomes accepted and keeps its score and reasons unless new ones are given.
 */
export async function fileArticle(
	input: {
		storyId: number;
		articleId: number;
		role?: ArticleRole;
		decidedBy: number | null;
		score?: number | null;
		reasons?: string[] | null;
	},
	db: Db = sql
): Promise<FileOutcome> {
	const [found] = await db<{ story: boolean; article: boolean; state: string | null }[]>`
		select
			exists (select 1 from stories where id = ${input.storyId} and deleted_at is null) as story,
			exists (select 1 from articles where id = ${input.articleId} and deleted_at is null) as article,
			(select state from story_articles
				where story_id = ${input.storyId} and article_id = ${input.articleId}) as state
	`;
	if (!found?.story || !found.article) return 'not_found';
	if (found.state === 'accepted') return 'already_filed';
	await db`
		insert into story_articles (story_id, article_id, role, position, state, score, reasons,
			decided_by, decided_at)
		values (
			${input.storyId}, ${input.articleId}, ${input.role ?? 'update'},
			(select coalesce(max(position), 0) + 1 from story_articles where story_id = ${input.storyId}),
			'accepted', ${input.score ?? null}, ${db.json(input.reasons ?? [])}, ${input.decidedBy},
			now()
		)
		on conflict (story_id, article_id) do update
		set state = 'accepted', role = excluded.role, position = excluded.position,
			score = coalesce(${input.score ?? null}, story_articles.score),
			reasons = case when ${input.reasons ? 1 : 0} = 1 then excluded.reasons
				else story_articles.reasons end,
			decided_by = excluded.decided_by, decided_at = now()
	`;
	await adoptStoryLanguage(input.articleId, input.storyId, db);
	return 'filed';
}

/**
 * Records that an article does not belong in a story, so it is never suggested there again.
 * False when the story or article is unknown, or the article is already filed there.
 */
export async function rejectSuggestion(
	input: {
		storyId: number;
		articleId: number;
		decidedBy: number | null;
		score?: number | null;
		reasons?: string[];
	},
	db: Db = sql
): Promise<boolean> {
	const rows = await db`
		insert into story_articles (story_id, article_id, state, score, reasons, decided_by, decided_at)
		select s.id, a.id, 'rejected', ${input.score ?? null}, ${db.json(input.reasons ?? [])},
			${input.decidedBy}, now()
		from stories s, articles a
		where s.id = ${input.storyId} and s.deleted_at is null
			and a.id = ${input.articleId} and a.deleted_at is null
		on conflict (story_id, article_id) do update
		set state = 'rejected', decided_by = excluded.decided_by, decided_at = now()
		where story_articles.state <> 'accepted'
		returning story_id
	`;
	return rows.length > 0;
}

export async function setArticleRole(
	storyId: number,
	articleId: number,
	role: ArticleRole,
	db: Db = sql
) {
	await db`update story_articles set role = ${role}
		where story_id = ${storyId} and article_id = ${articleId}`;
}

export async function detachArticle(storyId: number, articleId: number, db: Db = sql) {
	await db`delete from story_articles where story_id = ${storyId} and article_id = ${articleId}`;
}

/**
 * Moves an article one place up or down the story's thread: renumbers the thread in its shown
 * order, then swaps the article with its neighbour.
 */
export async function moveArticle(
	storyId: number,
	articleId: number,
	direction: 'up' | 'down',
	db: Db = sql
): Promise<void> {
	const rows = await db<{ articleId: number }[]>`
		select sa.article_id from story_articles sa join articles a on a.id = sa.article_id
		where sa.story_id = ${storyId} and sa.state = 'accepted'
		order by sa.position, a.published_at, a.id`;
	const ids = rows.map((row) => row.articleId);
	const from = ids.indexOf(articleId);
	const to = direction === 'up' ? from - 1 : from + 1;
	if (from < 0 || to < 0 || to >= ids.length) return;
	[ids[from], ids[to]] = [ids[to] as number, ids[from] as number];
	await db`
		update story_articles sa set position = o.n
		from unnest(${ids}::int[]) with ordinality as o(article_id, n)
		where sa.story_id = ${storyId} and sa.article_id = o.article_id`;
}

/** Whether a database error is the unique slug index refusing a duplicate. */
export function isSlugClash(err: unknown): boolean {
	const e = err as { code?: string; constraint_name?: string } | null;
	return e?.code === '23505' && e.constraint_name === 'stories_slug_key';
}
