import { sql, type Db, type Sql } from './client';
import * as entities from './entities';
import { freeSlug, insertDraft } from './desk-stories';
import { guessStoryLanguage } from '../ingest/language';
import type { FoundEntity, KnownEntity } from '../extract/entities';
import type { StoryFeatures } from '../suggest/score';
import type { Story } from '../../types';

/** What the suggesters read of an article: its words and when it was published. */
export interface ArticleForAnalysis {
	id: number;
	headline: string;
	dek: string | null;
	/** The body as plain text (decoded from the stored, escaped HTML). */
	body: string;
	publishedAt: Date;
	/** BCP 47: whether the extractor can read it. */
	language: string;
}

const ENTITIES: Record<string, string> = {
	'&amp;': '&',
	'&lt;': '<',
	'&gt;': '>',
	'&quot;': '"',
	'&#39;': "'"
};

/** The plain text of a body stored by textToHtml: paragraphs by blank lines, `<br>` as newline. */
export function htmlToText(html: string): string {
	return html
		.replace(/<br\s*\/?>/g, '\n')
		.replace(/<\/p>\s*<p>/g, '\n\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
		.trim();
}

/** An article that has not been deleted, for analysis. */
export async function getForAnalysis(
	articleId: number,
	db: Db = sql
): Promise<ArticleForAnalysis | undefined> {
	const [row] = await db<(Omit<ArticleForAnalysis, 'body'> & { bodyHtml: string })[]>`
		select id, headline, dek, body_html, published_at, language
		from articles where id = ${articleId} and deleted_at is null
	`;
	if (!row) return undefined;
	const { bodyHtml, ...rest } = row;
	return { ...rest, body: htmlToText(bodyHtml) };
}

/** Every entity the newsroom knows, for the extractor's gazetteer. */
export async function knownEntities(db: Db = sql): Promise<KnownEntity[]> {
	return db<KnownEntity[]>`
		select id, kind, name, aliases from entities order by id limit 20000
	`;
}

/** Replaces the article's entity links with what the extractor found (new entities created). */
export async function storeArticleEntities(
	articleId: number,
	found: FoundEntity[],
	db: Db = sql
): Promise<void> {
	await db`delete from article_entities where article_id = ${articleId}`;
	for (const entity of found) {
		const stored = await entities.upsert(
			{ kind: entity.kind, name: entity.name, aliases: entity.aliases },
			db
		);
		await entities.linkToArticle({ articleId, entityId: stored.id, mentions: entity.mentions }, db);
	}
}

type FeatureRow = Omit<StoryFeatures, 'sharedEntities'> & {
	sharedEntities: { name: string; kind: string; weight: number }[] | null;
};

/** What the candidate query needs to know of the article, read first so the planner sees constants. */
interface Probe {
	articleId: number;
	headline: string;
	publishedAt: Date;
	/** Its key lexemes: headline and dek first, then the most repeated. */
	terms: string[];
}

async function probe(articleId: number, db: Db): Promise<Probe | undefined> {
	const [row] = await db<Probe[]>`
		select a.id as article_id, a.headline, a.published_at,
			coalesce(array(
				select u.lexeme from unnest(a.search) u
				order by (u.weights && '{A,B}'::text[]) desc, array_length(u.positions, 1) desc,
					u.lexeme
				limit 16
			), '{}') as terms
		from articles a where a.id = ${articleId} and a.deleted_at is null
	`;
	return row;
}

const lexeme = (term: string) => `'${term.replace(/'/g, "''")}'`;

/**
 * A tsquery for "shares at least two of its six key words" (any pair), so common words alone
 * cannot pull in half the archive; one key word when that is all there is.
 */
export function pairQuery(terms: string[]): string {
	const top = terms.slice(0, 6).map(lexeme);
	if (top.length < 2) return top.join(' | ');
	const pairs: string[] = [];
	for (let i = 0; i < top.length; i++)
		for (let j = i + 1; j < top.length; j++) pairs.push(`(${top[i]} & ${top[j]})`);
	return pairs.join(' | ');
}

/**
 * The candidate stories for an article with the signals score.ts needs. Candidates come from
 * indexes only: the 60 latest articles of the year before it sharing two of its key words
 * (articles_search_idx) and up to 200 articles per entity it names (article_entities_entity_idx),
 * kept when accepted into a story (story_articles_article_idx). Headline trigram similarity is
 * measured for those candidates only: generating candidates with `title % headline` made the
 * planner scan every story (it prices similarity() like an equality test), 300 ms at 10,000.
 * Stories the article is already filed in, or was rejected from, are left out.
 */
export async function candidateFeatures(articleId: number, db: Db = sql): Promise<StoryFeatures[]> {
	const found = await probe(articleId, db);
	if (!found) return [];
	// A cached generic plan cannot see how selective this article's words are and scans a year
	// of articles by date: plan with the actual values every time (local to this transaction).
	const run = async (tx: Db) => {
		await tx`select set_config('plan_cache_mode', 'force_custom_plan', true)`;
		return candidateQuery(found, tx);
	};
	const rows = 'savepoint' in db ? await db.savepoint(run) : await (db as Sql).begin(run);
	return rows.map((row) => ({ ...row, sharedEntities: row.sharedEntities ?? [] }));
}

/** The plan of the candidate query as PostgreSQL ran it (for bench/suggest.ts). */
export async function explainCandidates(articleId: number, db: Db = sql): Promise<string[]> {
	const found = await probe(articleId, db);
	if (!found) return [];
	const rows = await db<Record<string, string>[]>`
		explain (analyze, buffers, costs off) ${candidateQuery(found, db)}
	`;
	// The column is "QUERY PLAN", whatever the camelCase transform makes of it.
	return rows.map((row) => Object.values(row)[0] ?? '');
}

const DAY = 86_400_000;

function candidateQuery(article: Probe, db: Db) {
	const { articleId, headline, terms } = article;
	const from = new Date(article.publishedAt.getTime() - 365 * DAY);
	const to = new Date(article.publishedAt.getTime() + 2 * DAY);
	const textQuery = terms.length ? pairQuery(terms) : null;
	return db<FeatureRow[]>`
		with total as (
			select greatest(case when c.reltuples < 10000 then (select count(*) from articles)
				else c.reltuples end, 1)::float8 as n
			from pg_class c where c.oid = 'articles'::regclass
		),
		ent as materialized (
			select en.id as entity_id, en.name, en.kind,
				ln(1 + total.n / greatest(1, (
					select count(*) from (
						select 1 from article_entities x where x.entity_id = en.id limit 5000
					) d
				))) as weight
			from article_entities ae
			join entities en on en.id = ae.entity_id
			cross join total
			where ae.article_id = ${articleId}
		),
		keys as materialized (
			select coalesce(array_agg(quote_literal(t)::tsquery), '{}') as queries
			from unnest(${terms}::text[]) t
		),
		text_hits as (
			select a.id from articles a
			where ${textQuery}::tsquery is not null and a.search @@ ${textQuery}::tsquery
				and a.id <> ${articleId} and a.deleted_at is null
				and a.published_at between ${from} and ${to}
			order by a.published_at desc
			limit 60
		),
		entity_hits as (
			select hit.article_id as id
			from ent
			cross join lateral (
				select x.article_id from article_entities x
				where x.entity_id = ent.entity_id and x.article_id <> ${articleId}
				order by x.article_id desc
				limit 200
			) hit
		),
		candidates as (
			select sa.story_id, count(*) as hits
			from (select id from text_hits union all select id from entity_hits) h
			join story_articles sa on sa.article_id = h.id and sa.state = 'accepted'
			group by sa.story_id
		),
		top_stories as (
			select c.story_id, sum(c.hits) as hits from candidates c
			where not exists (
				select 1 from story_articles mine
				where mine.story_id = c.story_id and mine.article_id = ${articleId}
					and mine.state in ('accepted', 'rejected')
			)
			group by c.story_id
			order by sum(c.hits) desc, c.story_id
			limit 25
		)
		select s.id as story_id, s.slug, s.title,
			coalesce(arts.text_rank, 0)::float8 as text_rank,
			greatest(similarity(s.title, ${headline}), coalesce(arts.headline_similarity, 0))::float8
				as headline_similarity,
			case when similarity(s.title, ${headline}) >= coalesce(arts.headline_similarity, 0)
				then s.title else arts.closest_headline end as closest_headline,
			arts.last_update_at,
			(select coalesce(sum(weight), 0) from ent)::float8 as article_entity_weight,
			(
				select json_agg(json_build_object('name', ent.name, 'kind', ent.kind, 'weight', ent.weight))
				from ent
				where exists (
					select 1 from story_articles sa2
					join article_entities ae2 on ae2.article_id = sa2.article_id
					where sa2.story_id = s.id and sa2.state = 'accepted'
						and ae2.entity_id = ent.entity_id and sa2.article_id <> ${articleId}
				)
			) as shared_entities
		from top_stories t
		join stories s on s.id = t.story_id and s.deleted_at is null
		cross join keys
		cross join lateral (
			select max((select count(*) from unnest(keys.queries) k where a.search @@ k))::float8
					/ greatest(cardinality(keys.queries), 1) as text_rank,
				max(similarity(a.headline, ${headline})) as headline_similarity,
				(array_agg(a.headline order by similarity(a.headline, ${headline}) desc))[1]
					as closest_headline,
				max(a.published_at) filter (where a.published_at <= ${to}) as last_update_at
			from (
				select a.search, a.headline, a.published_at
				from story_articles sa
				join articles a on a.id = sa.article_id
				where sa.story_id = s.id and sa.state = 'accepted' and a.deleted_at is null
					and a.id <> ${articleId}
				order by a.published_at desc
				limit 8
			) a
		) arts
	`;
}

// Filing and rejecting write story_articles, so their SQL lives with the story's other links in
// desk-stories.ts; re-exported for the suggester's callers.
export { fileArticle, rejectSuggestion, type FileOutcome } from './desk-stories';

/** An article waiting on the desk: not deleted and not accepted into any story. */
export interface UnfiledArticle {
	id: number;
	source: string;
	headline: string;
	publishedAt: Date;
}

/** Unfiled articles, newest first (story_articles_article_idx answers the anti-join). */
export async function listUnfiled(limit = 30, db: Db = sql): Promise<UnfiledArticle[]> {
	return db<UnfiledArticle[]>`
		select a.id, a.source, a.headline, a.published_at
		from articles a
		where a.deleted_at is null
			and not exists (
				select 1 from story_articles sa where sa.article_id = a.id and sa.state = 'accepted'
			)
		order by a.published_at desc, a.id desc
		limit ${limit}
	`;
}

/** The stories an article is filed in (not deleted), oldest link first. */
export async function storiesOfArticle(
	articleId: number,
	db: Db = sql
): Promise<{ id: number; slug: string; title: string }[]> {
	return db<{ id: number; slug: string; title: string }[]>`
		select s.id, s.slug, s.title
		from story_articles sa join stories s on s.id = sa.story_id
		where sa.article_id = ${articleId} and sa.state = 'accepted' and s.deleted_at is null
		order by sa.decided_at, s.id
	`;
}

/**
 * Opens a draft story with a slug made unique by a numeric suffix ("talks", "talks-2"). Run it
 * in a transaction: a lock serialises slug choice so two editors cannot pick the same one.
 */
export async function createDraftStory(
	input: { title: string; summary?: string; language?: string },
	db: Db = sql
): Promise<Story> {
	const summary = input.summary ?? '';
	const language = input.language ?? guessStoryLanguage(`${input.title}\n${summary}`);
	const slug = await freeSlug(input.title, 'story', db, language);
	return insertDraft({ title: input.title, slug, summary, status: 'developing', language }, db);
}

/** An event already in a story the article is filed in, with its actors, for matching. */
export interface ExistingEvent {
	id: number;
	storyId: number;
	kind: string;
	title: string;
	occurredStart: Date;
	occurredEnd: Date | null;
	precision: string;
	timeZone: string;
	placeName: string | null;
	actors: string[];
}

/** The events of the stories this article is filed in (not deleted), with actor names. */
export async function eventsOfArticleStories(
	articleId: number,
	db: Db = sql
): Promise<ExistingEvent[]> {
	return db<ExistingEvent[]>`
		select e.id, e.story_id, e.kind, e.title, e.occurred_start, e.occurred_end, e.precision,
			e.time_zone, e.place_name,
			coalesce((
				select array_agg(en.name order by en.name)
				from event_entities ee join entities en on en.id = ee.entity_id
				where ee.event_id = e.id and ee.role <> 'place'
			), '{}') as actors
		from events e
		join story_articles sa on sa.story_id = e.story_id
		where sa.article_id = ${articleId} and sa.state = 'accepted' and e.deleted_at is null
		order by e.occurred_start, e.id
	`;
}

/** Fingerprints of the proposals editors already decided for this article. */
export async function decidedProposals(articleId: number, db: Db = sql): Promise<Set<string>> {
	const rows = await db<{ fingerprint: string }[]>`
		select fingerprint from event_proposal_decisions where article_id = ${articleId}
	`;
	return new Set(rows.map((row) => row.fingerprint));
}

/** Records an editor's decision on a proposal (a second decision on it replaces the first). */
export async function recordProposalDecision(
	input: {
		articleId: number;
		fingerprint: string;
		decision: 'accepted' | 'merged' | 'rejected';
		eventId: number | null;
		decidedBy: number | null;
	},
	db: Db = sql
): Promise<void> {
	await db`
		insert into event_proposal_decisions (article_id, fingerprint, decision, event_id, decided_by)
		values (${input.articleId}, ${input.fingerprint}, ${input.decision}, ${input.eventId},
			${input.decidedBy})
		on conflict (article_id, fingerprint) do update
		set decision = excluded.decision, event_id = excluded.event_id,
			decided_by = excluded.decided_by, decided_at = now()
	`;
}

/** Entity ids by exact name (case-insensitive), for linking a proposal's actors and place. */
export async function entitiesByName(
	names: string[],
	db: Db = sql
): Promise<{ id: number; name: string; kind: string }[]> {
	if (names.length === 0) return [];
	return db<{ id: number; name: string; kind: string }[]>`
		select id, name, kind from entities
		where lower(name) in ${db(names.map((name) => name.toLowerCase()))}
	`;
}

/** Whether the article is already cited by the event. */
export async function isSourceOf(
	eventId: number,
	articleId: number,
	db: Db = sql
): Promise<boolean> {
	const [row] = await db<{ found: boolean }[]>`
		select exists (
			select 1 from event_sources where event_id = ${eventId} and article_id = ${articleId}
		) as found
	`;
	return row?.found ?? false;
}

/** A decision taken on one of an article's proposals, with the event it made or merged into. */
export interface ProposalOutcome {
	fingerprint: string;
	decision: 'accepted' | 'merged' | 'rejected';
	decidedAt: Date;
	/** Null for a rejection, or when the event was deleted for good. */
	eventId: number | null;
	eventTitle: string | null;
	eventStatus: 'draft' | 'published' | null;
	/** True when the event is in the trash. */
	eventDeleted: boolean;
}

/** What editors decided on the article's proposals, in the order they decided. */
export async function outcomesOfArticle(
	articleId: number,
	db: Db = sql
): Promise<ProposalOutcome[]> {
	return db<ProposalOutcome[]>`
		select d.fingerprint, d.decision, d.decided_at, e.id as event_id, e.title as event_title,
			e.status as event_status, coalesce(e.deleted_at is not null, false) as event_deleted
		from event_proposal_decisions d left join events e on e.id = d.event_id
		where d.article_id = ${articleId}
		order by d.decided_at, d.fingerprint
	`;
}

/** One decision, locked until the transaction ends (an undo reads it, then removes it). */
export async function decisionForUpdate(
	articleId: number,
	fingerprint: string,
	db: Db
): Promise<{ decision: ProposalOutcome['decision']; eventId: number | null } | undefined> {
	const [row] = await db<{ decision: ProposalOutcome['decision']; eventId: number | null }[]>`
		select decision, event_id from event_proposal_decisions
		where article_id = ${articleId} and fingerprint = ${fingerprint}
		for update
	`;
	return row;
}

/** Forgets a decision, so the proposal is offered again. */
export async function forgetProposalDecision(
	articleId: number,
	fingerprint: string,
	db: Db = sql
): Promise<boolean> {
	const rows = await db`
		delete from event_proposal_decisions
		where article_id = ${articleId} and fingerprint = ${fingerprint}
		returning fingerprint
	`;
	return rows.length > 0;
}

/** How many other decisions of the article point at the event (a merge shares its source). */
export async function otherDecisionsFor(
	articleId: number,
	fingerprint: string,
	eventId: number,
	db: Db = sql
): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		select count(*)::int as n from event_proposal_decisions
		where article_id = ${articleId} and event_id = ${eventId} and fingerprint <> ${fingerprint}
	`;
	return row?.n ?? 0;
}
