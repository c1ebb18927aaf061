import { createHash } from 'node:crypto';
import { sql, type Db } from './client';
import { textToHtml } from '../ingest/text-to-html';
import type { Article, ArticleRole, StoryArticle } from '../../types';
import { HEADLINE_PASSAGES, HEADLINE_WHOLE, normaliseQuery } from '../../format/search-text';

/** An article as it arrives: the body is plain text (pasted copy or a feed's text). */
export interface NewArticle {
	source: string;
	section?: string | null;
	headline: string;
	dek?: string | null;
	/** Plain-text body, paragraphs separated by blank lines. Becomes escaped HTML. */
	body: string;
	/** The document exactly as received, when it is more than the body (defaults to `body`). */
	bodyRaw?: string;
	url?: string | null;
	language?: string;
	publishedAt: Date;
	/** True for articles written for the demo story rather than taken from an outlet. */
	demo?: boolean;
}

/** How an article joins a story. Accepted or rejected links get `decidedAt` (defaults to now). */
export interface StoryArticleLink {
	storyId: number;
	articleId: number;
	role?: ArticleRole;
	position?: number;
	state?: 'suggested' | 'accepted' | 'rejected';
	score?: number | null;
	reasons?: string[];
	decidedBy?: number | null;
	decidedAt?: Date | null;
}

/**
 * The article's identity for de-duplication: SHA-256 (hex) of the NFC-normalised headline, a
 * newline and the plain-text body, so the same copy re-pasted with other Unicode forms matches.
 */
export function contentHash(headline: string, body: string): string {
	return createHash('sha256').update(`${headline}\n${body}`.normalize('NFC'), 'utf8').digest('hex');
}

/**
 * Stores an article: the body as escaped HTML (`body_html`, safe to render), the original text
 * (`body_raw`) and its content hash. The same text twice violates `articles_content_hash_key`;
 * the same URL twice violates `articles_url_key`.
 */
export async function create(input: NewArticle, db: Db = sql): Promise<Article> {
	const [article] = await db<Article[]>`
		insert into articles (
			source, section, headline, dek, body_html, body_raw, url, content_hash, language,
			published_at, demo
		)
		values (
			${input.source}, ${input.section ?? null}, ${input.headline}, ${input.dek ?? null},
			${textToHtml(input.body)}, ${input.bodyRaw ?? input.body}, ${input.url ?? null},
			${contentHash(input.headline, input.body)}, ${input.language ?? 'en'},
			${input.publishedAt}, ${input.demo ?? false}
		)
		returning id, source, section, headline, dek, body_html, url, language, published_at,
			ingested_at, demo
	`;
	if (!article) throw new Error('insert into articles returned no row');
	return article;
}

/** One article that has not been deleted, with its rendered body. */
export async function get(id: number, db: Db = sql): Promise<Article | undefined> {
	const [article] = await db<Article[]>`
		select id, source, section, headline, dek, body_html, url, language, published_at,
			ingested_at, demo
		from articles
		where id = ${id} and deleted_at is null
	`;
	return article;
}

/**
 * Links an article to a story (one link per pair: a second attach of the same pair violates
 * the primary key). A decided link (accepted/rejected) records when it was decided.
 */
export async function attachToStory(link: StoryArticleLink, db: Db = sql): Promise<void> {
	const state = link.state ?? 'suggested';
	const decidedAt = state === 'suggested' ? null : (link.decidedAt ?? new Date());
	await db`
		insert into story_articles (
			story_id, article_id, role, position, state, score, reasons, decided_by, decided_at
		)
		values (
			${link.storyId}, ${link.articleId}, ${link.role ?? 'update'}, ${link.position ?? 0},
			${state}, ${link.score ?? null}, ${db.json(link.reasons ?? [])}, ${link.decidedBy ?? null},
			${decidedAt}
		)
	`;
}

/** A story's accepted, not deleted articles, in the editor's order, then by publication. */
export async function listForStory(storyId: number, db: Db = sql): Promise<StoryArticle[]> {
	return db<StoryArticle[]>`
		select a.id, a.source, a.section, a.headline, a.dek, a.url, a.language, a.published_at,
			a.ingested_at, a.demo, sa.role, sa.position
		from story_articles sa
		join articles a on a.id = sa.article_id
		where sa.story_id = ${storyId} and sa.state = 'accepted' and a.deleted_at is null
		order by sa.position, a.published_at, a.id
	`;
}

/**
 * A story's articles as readers get them (story page, feeds): as `listForStory`, but the dek of
 * an outlet whose full text is closed (migrations/00007) is left out with its body: it is the
 * outlet's copy too (the demo CRBC article's dek is its first paragraph).
 */
export async function listForReaders(storyId: number, db: Db = sql): Promise<StoryArticle[]> {
	return db<StoryArticle[]>`
		select a.id, a.source, a.section, a.headline,
			case when source_full_text_public(a.source) then a.dek end as dek,
			a.url, a.language, a.published_at, a.ingested_at, a.demo, sa.role, sa.position
		from story_articles sa
		join articles a on a.id = sa.article_id
		where sa.story_id = ${storyId} and sa.state = 'accepted' and a.deleted_at is null
		order by sa.position, a.published_at, a.id
	`;
}

/**
 * An article readers may see: not deleted and accepted into at least one published, not
 * deleted story. Anything else (a suggestion, a draft story's article) stays private.
 */
export async function getPublic(id: number, db: Db = sql): Promise<PublicArticle | undefined> {
	// The body leaves the database only when the outlet's rights allow it (migrations/00007).
	const [article] = await db<PublicArticle[]>`
		select a.id, a.source, a.section, a.headline, case when r.open then a.dek end as dek,
			a.url, a.language, a.published_at, a.ingested_at, a.demo, r.open as full_text_public,
			case when r.open then a.body_html else '' end as body_html
		from articles a
		cross join lateral (select source_full_text_public(a.source) as open) r
		where a.id = ${id} and a.deleted_at is null
			and exists (
				select 1
				from story_articles sa
				join stories s on s.id = sa.story_id
				where sa.article_id = a.id and sa.state = 'accepted'
					and s.publication = 'published' and s.deleted_at is null
			)
	`;
	return article;
}

/**
 * An article as readers may get it: `bodyHtml` is empty unless its outlet's full text is public
 * (the newsroom's own copy); the headline, outlet, date and link are always there.
 */
export type PublicArticle = Article & { fullTextPublic: boolean };

/** The article before or after another in a story's thread. */
export interface ArticleNeighbour {
	id: number;
	headline: string;
	source: string;
	publishedAt: Date;
}

/** An article's place in one published story: its position and the articles either side. */
export interface ArticlePlace {
	storyId: number;
	storySlug: string;
	storyTitle: string;
	/** 1-based, in the story's order (the editor's position, then publication). */
	index: number;
	total: number;
	previous: ArticleNeighbour | null;
	next: ArticleNeighbour | null;
}

interface PlaceRow {
	storyId: number;
	storySlug: string;
	storyTitle: string;
	index: number;
	total: number;
	previousId: number | null;
	previousHeadline: string | null;
	previousSource: string | null;
	previousPublishedAt: Date | null;
	nextId: number | null;
	nextHeadline: string | null;
	nextSource: string | null;
	nextPublishedAt: Date | null;
}

/**
 * Where an article sits in each published story that accepted it, with the previous and next
 * accepted article in that story's order (the order of `listForStory`). Stories oldest first.
 */
export async function neighbours(articleId: number, db: Db = sql): Promise<ArticlePlace[]> {
	const rows = await db<PlaceRow[]>`
		with thread as (
			select sa.story_id, a.id,
				row_number() over w as index,
				count(*) over (partition by sa.story_id) as total,
				lag(a.id) over w as previous_id,
				lead(a.id) over w as next_id
			from story_articles sa
			join articles a on a.id = sa.article_id
			where sa.state = 'accepted' and a.deleted_at is null
				and sa.story_id in (
					select story_id from story_articles
					where article_id = ${articleId} and state = 'accepted'
				)
			window w as (partition by sa.story_id order by sa.position, a.published_at, a.id)
		)
		select t.story_id, s.slug as story_slug, s.title as story_title,
			t.index::int as index, t.total::int as total,
			p.id as previous_id, p.headline as previous_headline, p.source as previous_source,
			p.published_at as previous_published_at,
			n.id as next_id, n.headline as next_headline, n.source as next_source,
			n.published_at as next_published_at
		from thread t
		join stories s on s.id = t.story_id
		left join articles p on p.id = t.previous_id
		left join articles n on n.id = t.next_id
		where t.id = ${articleId} and s.publication = 'published' and s.deleted_at is null
		order by s.published_at, s.id
	`;
	return rows.map((row) => ({
		storyId: row.storyId,
		storySlug: row.storySlug,
		storyTitle: row.storyTitle,
		index: row.index,
		total: row.total,
		previous: neighbour(
			row.previousId,
			row.previousHeadline,
			row.previousSource,
			row.previousPublishedAt
		),
		next: neighbour(row.nextId, row.nextHeadline, row.nextSource, row.nextPublishedAt)
	}));
}

/** A neighbour from the left-joined columns; all null when there is none. */
function neighbour(
	id: number | null,
	headline: string | null,
	source: string | null,
	publishedAt: Date | null
): ArticleNeighbour | null {
	if (id === null || headline === null || source === null || publishedAt === null) return null;
	return { id, headline, source, publishedAt };
}

/** An article of a published story matching a reader's search. */
export interface ArticleSearchResult {
	id: number;
	source: string;
	headline: string;
	publishedAt: Date;
	/** The published story the article belongs to (the oldest, if several). */
	storySlug: string;
	storyTitle: string;
	/** Headline and up to two body passages with matches between HIGHLIGHT_START/STOP. */
	headlineHighlight: string;
	snippet: string;
	rank: number;
}

/**
 * Articles readers may see (not deleted, accepted into a published, not deleted story) whose
 * headline, dek or body match the reader's words, ranked with `ts_rank` on the `search` column
 * (headline > dek > body). Each article is indexed with its language's configuration
 * (`search_config`, migration 00006), so the query is parsed once per configuration in use and
 * each row is matched with its own: a Russian query stems like the Russian articles. Snippets come from the body as plain text: the stored HTML's tags
 * are dropped and its entities decoded before ts_headline, which copies text verbatim, so the
 * caller must render them as text. An empty or stop-words-only query finds nothing.
 */
export async function search(
	q: string,
	db: Db = sql,
	{ limit = 20 }: { limit?: number } = {}
): Promise<ArticleSearchResult[]> {
	const query = normaliseQuery(q);
	if (!query) return [];
	// Rank first, then headline only the rows shown: ts_headline re-parses whole bodies.
	return db<ArticleSearchResult[]>`
		with q as (
			select c.config, websearch_to_tsquery(c.config, ${query}) as q
			from (select distinct search_config as config from articles) c
		),
		hits as (
			select a.id, a.source, a.headline, case when r.open then a.dek end as dek, a.published_at,
				-- Closed outlets: matched and quoted on headline and evidence, never dek or body.
				case when r.open then a.body_html else replace(replace(replace(coalesce(ev.quotes, ''),
					'&', '&amp;'), '<', '&lt;'), '>', '&gt;') end as body_html,
				a.search_config, q.q,
				st.slug as story_slug, st.title as story_title, ts_rank(a.search, q.q) as rank
			from articles a
			join q on q.config = a.search_config
			cross join lateral (select source_full_text_public(a.source) as open) r
			cross join lateral (
				select string_agg(distinct es.evidence, ' ') as quotes
				from event_sources es join events e on e.id = es.event_id
				where es.article_id = a.id and e.status = 'published' and e.deleted_at is null
			) ev
			join lateral (
				select s.slug, s.title
				from story_articles sa
				join stories s on s.id = sa.story_id
				where sa.article_id = a.id and sa.state = 'accepted'
					and s.publication = 'published' and s.deleted_at is null
				order by s.id
				limit 1
			) st on true
			where a.deleted_at is null
				and (case when r.open then a.search else ts_filter(a.search, '{a}') end
					|| to_tsvector(a.search_config, coalesce(ev.quotes, ''))) @@ q.q
			order by rank desc, a.published_at desc, a.id desc
			limit ${limit}
		)
		select h.id, h.source, h.headline, h.published_at, h.story_slug, h.story_title, h.rank,
			ts_headline(h.search_config, h.headline, h.q, ${HEADLINE_WHOLE}) as headline_highlight,
			ts_headline(h.search_config, concat_ws(' ', h.dek, b.text), h.q, ${HEADLINE_PASSAGES})
				as snippet
		from hits h
		cross join lateral (
			-- body_html is textToHtml's output: <p> and <br> tags and five escaped characters.
			select replace(replace(replace(replace(replace(
				regexp_replace(h.body_html, '<[^>]*>', ' ', 'g'),
				'&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&') as text
		) b
		order by h.rank desc, h.published_at desc, h.id desc
	`;
}

/** An article already sanitised by the ingest path: the HTML is stored as given. */
export interface IngestedArticle {
	source: string;
	section: string | null;
	headline: string;
	dek: string | null;
	/** Sanitised HTML, safe to render. */
	bodyHtml: string;
	/** The body exactly as received. */
	bodyRaw: string;
	url: string | null;
	contentHash: string;
	language: string;
	publishedAt: Date;
}

/**
 * Stores a sanitised article, or nothing when its URL or content hash is taken (a concurrent
 * ingest of the same article won the race): then the result is undefined and no error aborts
 * the caller's transaction.
 */
export async function insertIngested(
	input: IngestedArticle,
	db: Db = sql
): Promise<Article | undefined> {
	const [article] = await db<Article[]>`
		insert into articles (
			source, section, headline, dek, body_html, body_raw, url, content_hash, language,
			published_at
		)
		values (
			${input.source}, ${input.section}, ${input.headline}, ${input.dek}, ${input.bodyHtml},
			${input.bodyRaw}, ${input.url}, ${input.contentHash}, ${input.language},
			${input.publishedAt}
		)
		on conflict do nothing
		returning id, source, section, headline, dek, body_html, url, language, published_at,
			ingested_at, demo
	`;
	return article;
}

/**
 * The stored article (deleted or not: a deleted one still blocks its URL and hash) with this
 * URL or this content hash, preferring the URL match.
 */
export async function findDuplicate(
	match: { url: string | null; contentHash: string },
	db: Db = sql
): Promise<Article | undefined> {
	const [article] = await db<Article[]>`
		select id, source, section, headline, dek, body_html, url, language, published_at,
			ingested_at, demo
		from articles
		where (url = ${match.url} and ${match.url}::text is not null)
			or content_hash = ${match.contentHash}
		order by (url is not distinct from ${match.url}) desc, id
		limit 1
	`;
	return article;
}

/**
 * An article whose language could not be told at ingest ('und': too little text) takes the
 * language of the story it is filed in, so it is searched and read as that language.
 */
export async function adoptStoryLanguage(
	articleId: number,
	storyId: number,
	db: Db = sql
): Promise<void> {
	await db`
		update articles a set language = s.language, updated_at = now()
		from stories s
		where a.id = ${articleId} and s.id = ${storyId} and a.language = 'und'
			and s.language <> 'und'`;
}
