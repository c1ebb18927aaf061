/**
 * How an article is prepared and stored, whichever door it came through (API, paste form, feed):
 * validate, sanitise, de-duplicate, store and analyse. The write use case is
 * `ingestArticle` in newsroom/articles.ts, which runs these in its transaction.
 */
import type { Db } from '../db/client';
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

/**
 * Validates and sanitises an article for storing; throws ArticleRejected for bad input, before
 * anything is written.
 */
export function prepareArticle(input: ArticleInput): articles.IngestedArticle {
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

/**
 * Stores a prepared article inside the caller's transaction and analyses it. The same URL or the
 * same text as a stored article returns that article with `created: false` and stores nothing.
 */
export async function storeArticle(
	prepared: articles.IngestedArticle,
	tx: Db
): Promise<IngestResult> {
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
