import { createHash } from 'node:crypto';
import { sql, type Db } from './client';
import { textToHtml } from '../ingest/text-to-html';
import type { Article, ArticleRole, StoryArticle } from '../../types';

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
