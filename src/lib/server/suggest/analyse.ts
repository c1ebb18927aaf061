import type { Db } from '../db/client';

/**
 * Placeholder until the suggestions work lands: after an article is stored, index what the
 * suggesters need (its entities). Called inside the ingest transaction.
 */
export async function analyseArticle(articleId: number, db: Db): Promise<void> {
	void articleId;
	void db;
}
