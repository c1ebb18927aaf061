/**
 * Article commands: an article coming in (desk paste form, POST /api/v1/articles, the feed
 * poller), filing an article in a story as suggested or rejecting a suggestion, starting a
 * story from an article, and a TimelineJS file becoming a draft story. Filing goes through the
 * story commands, so the rule for published stories is the same at every door.
 */
import { sql, type Db, type Sql } from '../db/client';
import * as articles from '../db/articles';
import * as audit from '../db/audit';
import * as deskStories from '../db/desk-stories';
import * as imports from '../db/imports';
import * as suggestions from '../db/suggestions';
import {
	ArticleRejected,
	prepareArticle,
	storeArticle,
	type IngestResult
} from '../ingest/ingest-article';
import type { ArticleInput } from '../ingest/article-input';
import { guessStoryLanguage } from '../ingest/language';
import { suggestStories } from '../suggest/suggest';
import { parseStory } from '../../desk/story-input';
import type { ImportedEvent, ImportedStory } from '../../timelinejs/import';
import type { Actor } from './actor';
import { may, refusal, type Action } from './policy';
import { forbidden, invalid, notFound, ok, type CommandResult } from './result';
import { asActor, attachArticle, type Filed } from './stories';

/** The message of an `invalid` answer whose body is over the size cap (doors answer 413). */
export const TOO_LARGE = 'The article body is larger than 1 MB.';

const refused = (actor: Actor, action: Action) =>
	may(actor.role, action, 'draft') ? null : forbidden(refusal(action, 'draft'));

/**
 * Takes an article in: validated, sanitised, de-duplicated (the same URL or text answers the
 * stored article with `created: false`), stored and analysed in one transaction. `alongside`
 * runs in that transaction once the article is stored (the feed poller records its item there,
 * so either both are stored or neither). An article is not public until filed in a published
 * story, so no audit entry.
 */
export async function ingestArticle(
	actor: Actor,
	input: ArticleInput,
	db: Sql = sql,
	alongside?: (result: IngestResult, tx: Db) => Promise<void>
): Promise<CommandResult<IngestResult>> {
	const early = refused(actor, 'article.ingest');
	if (early) return early;
	let prepared;
	try {
		prepared = prepareArticle(input);
	} catch (err) {
		if (!(err instanceof ArticleRejected)) throw err;
		return invalid(err.errors, err.status === 413 ? TOO_LARGE : undefined);
	}
	const stored = await asActor(actor, db, async (tx) => {
		const result = await storeArticle(prepared, tx);
		if (alongside) await alongside(result, tx);
		return result;
	});
	return ok(stored);
}

/**
 * Files an article in a story, keeping the score and reasons the story had among the article's
 * suggestions when it was one of them (suggestion accept, POST /api/v1/stories/{id}/articles).
 */
export async function fileInStory(
	actor: Actor,
	input: { articleId: number; storyId: number; role?: unknown },
	db: Sql = sql
): Promise<CommandResult<Filed & { storyTitle: string }>> {
	const early = refused(actor, 'story.attachArticle');
	if (early) return early;
	const suggested = (await suggestStories(input.articleId, { limit: 25 }, db))?.suggestions.find(
		(s) => s.storyId === input.storyId
	);
	const result = await attachArticle(
		actor,
		{ ...input, score: suggested?.score ?? null, reasons: suggested?.reasons ?? null },
		db
	);
	if (result.kind !== 'ok') return result;
	return ok({ ...result.value, storyTitle: result.value.story.title });
}

/**
 * Records that an article does not belong in a story, so it is not suggested there again.
 * Readers see nothing of it; an article already filed there is taken out of the story instead.
 */
export async function rejectSuggestion(
	actor: Actor,
	input: { articleId: number; storyId: number },
	db: Sql = sql
): Promise<CommandResult<{ articleId: number; storyId: number }>> {
	const early = refused(actor, 'suggestion.decide');
	if (early) return early;
	const filed = await suggestions.storiesOfArticle(input.articleId, db);
	if (filed.some((story) => story.id === input.storyId))
		return invalid({
			storyId: 'The article is filed in that story; remove it from the story instead.'
		});
	const done = await asActor(actor, db, (tx) =>
		deskStories.rejectSuggestion({ ...input, decidedBy: actor.id }, tx)
	);
	return done ? ok(input) : notFound('No such article or story.');
}

/** Starts a draft story titled by the editor, the article filed in it as the first report. */
export async function startStoryWith(
	actor: Actor,
	input: { articleId: number; title: unknown },
	db: Sql = sql
): Promise<CommandResult<{ storyId: number; title: string }>> {
	const early = refused(actor, 'story.create') ?? refused(actor, 'story.attachArticle');
	if (early) return early;
	const parsed = parseStory({ title: input.title, slug: 'placeholder' });
	if (!parsed.ok) return invalid(parsed.errors);
	const { title, summary, status } = parsed.value;
	const story = await asActor(actor, db, async (tx) => {
		// The story is written in its first report's language.
		const first = (await articles.get(input.articleId, tx))?.language;
		const language = first && first !== 'und' ? first : guessStoryLanguage(title);
		const slug = await deskStories.freeSlug(title, 'story', tx, language);
		const created = await deskStories.insertDraft({ title, slug, summary, status, language }, tx);
		const outcome = await deskStories.fileArticle(
			{
				storyId: created.id,
				articleId: input.articleId,
				role: 'first_report',
				decidedBy: actor.id
			},
			tx
		);
		// Rolling back leaves no story without its first article.
		if (outcome === 'not_found') throw new ArticleGone();
		return created;
	}).catch((err: unknown) => {
		if (err instanceof ArticleGone) return null;
		throw err;
	});
	if (!story) return notFound('That article no longer exists.');
	return ok({ storyId: story.id, title: story.title });
}

class ArticleGone extends Error {}

/**
 * A parsed TimelineJS file becomes a new draft story with its events (readers see nothing until
 * an editor publishes it), under a unique slug, in one transaction with its audit entry: a
 * failure leaves nothing half-imported.
 */
export async function importTimeline(
	actor: Actor,
	input: { story: ImportedStory; events: ImportedEvent[] },
	db: Sql = sql
): Promise<CommandResult<imports.ImportedTimeline>> {
	const early = refused(actor, 'import.timelinejs');
	if (early) return early;
	const saved = await asActor(actor, db, async (tx) => {
		const stored = await imports.insertTimeline(input, tx);
		await audit.record(
			{
				actorId: actor.id,
				action: 'story.imported',
				entityType: 'story',
				entityId: stored.storyId,
				after: {
					slug: stored.slug,
					title: input.story.title,
					events: stored.events,
					format: 'timelinejs'
				},
				clientAddress: actor.clientAddress
			},
			tx
		);
		return stored;
	});
	return ok(saved);
}
