/**
 * The one way an article enters the database, whichever door it came through (API, paste form,
 * feed): validate, sanitise, de-duplicate, store and analyse in one transaction.
 */
import { actAs } from '$lib/server/db/client';
import { sql, type Db, type Sql } from '../db/client';
import * as articles from '../db/articles';
import { analyseArticle } from '../suggest/analyse';
import type { Article } from '../../types';
import { validateArticle, type ArticleInput, type FieldErrors } from './article-input';
import { IngestError, sanitiseBody } from './sanitise';

export interface IngestResult {
	article: Article;
	/** False when the same article (same URL or same text) was already stored. */
	created: boolean;
}

/** Input we refuse, with a message per field; status 413 when the body is too large. */
export class ArticleRejected extends Error {
	constructor(
		readonly errors: FieldErrors,
		readonly status: 400 | 413 = 400
	) {
		super(Object.values(errors).join(' '));
		this.name = 'ArticleRejected';
	}
}

export interface IngestOptions {
	/** The staff member responsible, for the revision and verification triggers. */
	actorId?: number | null;
}

/**
 * Validates and stores an article in its own transaction. The same URL or the same text as a
 * stored article returns that article with `created: false` and stores nothing. Throws
 * ArticleRejected for bad input, before anything is written.
 */
export async function ingestArticle(
	input: ArticleInput,
	db: Sql = sql,
	options: IngestOptions = {}
): Promise<IngestResult> {
	const prepared = prepare(input);
	return db.begin((tx) => store(prepared, tx, options)) as Promise<IngestResult>;
}

/**
 * The same inside a transaction the caller holds (the feed poller records the feed item with
 * it), so either both are stored or neither.
 */
export async function ingestArticleIn(
	tx: Db,
	input: ArticleInput,
	options: IngestOptions = {}
): Promise<IngestResult> {
	return store(prepare(input), tx, options);
}

function prepare(input: ArticleInput): articles.IngestedArticle {
	const validation = validateArticle(input);
	if (!validation.ok) {
		const tooLarge = validation.errors.body === 'The body is larger than 1 MB.';
		throw new ArticleRejected(validation.errors, tooLarge ? 413 : 400);
	}
	const value = validation.value;
	let body;
	try {
		body = sanitiseBody(value.body);
	} catch (error) {
		if (error instanceof IngestError) {
			throw new ArticleRejected({ [error.field]: error.message }, error.status);
		}
		throw error;
	}
	return {
		source: value.source,
		section: value.section,
		headline: value.headline,
		dek: value.dek,
		bodyHtml: body.html,
		// The original as received, minus what Postgres cannot store (NUL) in text columns.
		bodyRaw: value.body.replace(/\0/g, ''),
		url: value.url,
		contentHash: articles.contentHash(value.headline, body.text),
		language: value.language,
		publishedAt: value.publishedAt
	};
}

async function store(
	prepared: articles.IngestedArticle,
	tx: Db,
	options: IngestOptions
): Promise<IngestResult> {
	if (options.actorId) {
		await actAs(options.actorId, tx);
	}
	const existing = await articles.findDuplicate(prepared, tx);
	if (existing) return { article: existing, created: false };
	const article = await articles.insertIngested(prepared, tx);
	if (!article) {
		// Another request stored the same article between our check and our insert.
		const winner = await articles.findDuplicate(prepared, tx);
		if (!winner) throw new Error('article insert conflicted but no duplicate was found');
		return { article: winner, created: false };
	}
	await analyseArticle(article.id, tx);
	return { article, created: true };
}
