/**
 * Story commands: every write to a story and to the articles filed in it, whichever door it
 * came through (desk form, /api/v1, suggestion accept, import). Each checks the policy by the
 * story's publication state, validates, writes in one transaction as the actor, and leaves an
 * audit entry when readers' view changed.
 */
import { sql, type Db, type Sql } from '../db/client';
import * as revisions from '../db/revisions';
import * as audit from '../db/audit';
import * as deskStories from '../db/desk-stories';
import { parseStory } from '../../desk/story-input';
import { storyFieldsOf } from '../revisions/snapshot';
import { guessStoryLanguage } from '../ingest/language';
import { threeWay } from './three-way';
import type { Actor } from './actor';
import { may, refusal, type Action, type TargetState } from './policy';
import {
	forbidden,
	invalid,
	notFound,
	ok,
	stale,
	type CommandResult,
	type FieldErrors
} from './result';
import { ARTICLE_ROLES, type ArticleRole, type Story } from '../../types';

export type StoryField = keyof deskStories.StoryFields;
export const STORY_FIELDS: readonly StoryField[] = [
	'title',
	'slug',
	'summary',
	'status',
	'language'
];

const NO_STORY = 'No story with that id.';
const NO_ARTICLE = 'That article is not filed in this story.';

/** What a stale save carries as `current`: the story now, and what to show the editor. */
export interface StoryConflict {
	story: Story;
	/** Fields both you and the other editor changed, to different values. */
	conflicts: StoryField[];
	/** The form to show again: theirs with your changes, your values where you conflict. */
	values: deskStories.StoryFields;
}

const fieldsOf = (story: Story): deskStories.StoryFields => ({
	title: story.title,
	slug: story.slug,
	summary: story.summary,
	status: story.status,
	language: story.language
});

const stateOf = (story: Story): TargetState =>
	story.publication === 'published' ? 'published' : 'draft';

/** Refuses before any lookup when the role may not do this even to a draft. */
const refusedOutright = (actor: Actor, action: Action) =>
	may(actor.role, action, 'draft') ? null : forbidden(refusal(action, 'draft'));

/** The live story, or the answer for a missing one or one this role may not touch. */
async function target(
	actor: Actor,
	action: Action,
	id: number,
	db: Db
): Promise<Story | CommandResult<never>> {
	const early = refusedOutright(actor, action);
	if (early) return early;
	const story = await deskStories.get(id, db);
	if (!story) return notFound(NO_STORY);
	const state = stateOf(story);
	return may(actor.role, action, state) ? story : forbidden(refusal(action, state));
}

const isResult = (value: unknown): value is CommandResult<never> =>
	typeof value === 'object' && value !== null && 'kind' in value;

async function record(
	actor: Actor,
	action: string,
	storyId: number,
	detail: { before?: unknown; after?: unknown },
	tx: Db
) {
	await audit.record(
		{
			actorId: actor.id,
			action,
			entityType: 'story',
			entityId: storyId,
			clientAddress: actor.clientAddress,
			...detail
		},
		tx
	);
}

/** Runs `run` in one transaction as the actor (the revision triggers record who it was). */
export async function asActor<T>(actor: Actor, db: Sql, run: (tx: Db) => Promise<T>): Promise<T> {
	return db.begin(async (tx) => {
		if (actor.id !== null) await deskStories.actAs(actor.id, tx);
		return run(tx);
	}) as Promise<T>;
}

const slugClash = (slug: string): FieldErrors => ({
	slug: `Another story already uses “${slug}”: choose another slug.`
});

const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/**
 * Opens a draft story. Without a slug one is made from the title and kept unique ("talks-2");
 * a slug given is the editor's choice and refused when taken.
 */
export async function createStory(
	actor: Actor,
	input: Record<string, unknown>,
	db: Sql = sql
): Promise<CommandResult<Story>> {
	const early = refusedOutright(actor, 'story.create');
	if (early) return early;
	const parsed = parseStory(input);
	if (!parsed.ok) return invalid(parsed.errors);
	const chosen = hasText(input.slug) ? parsed.value.slug : null;
	if (chosen && (await deskStories.slugTaken(chosen, null, db))) return invalid(slugClash(chosen));
	try {
		const story = await asActor(actor, db, async (tx) => {
			const { title, summary } = parsed.value;
			const language = parsed.value.language ?? guessStoryLanguage(`${title}\n${summary}`);
			const slug = chosen ?? (await deskStories.freeSlug(title, 'story', tx, language));
			return deskStories.insertDraft({ ...parsed.value, slug, language }, tx);
		});
		return ok(story);
	} catch (err) {
		if (!deskStories.isSlugClash(err)) throw err;
		return invalid({ slug: 'Another story took that slug just now.' });
	}
}

/**
 * Saves an editor's change to a story. `version` is the version the editor's form (or API
 * client) started from; `input` holds the fields they send (a partial body keeps the rest).
 * Only fields the editor changed against that version are written, over whatever the story is
 * now; when another editor changed one of them differently the answer is stale with the
 * conflicting fields and nothing is written. `publication` in the input publishes or withdraws
 * in the same transaction (editor only).
 */
export async function saveStory(
	actor: Actor,
	id: number,
	version: number,
	input: Record<string, unknown>,
	db: Sql = sql
): Promise<CommandResult<Story>> {
	const current = await target(actor, 'story.edit', id, db);
	if (isResult(current)) return current;
	const publication = input.publication ?? current.publication;
	if (publication !== 'draft' && publication !== 'published')
		return invalid({ publication: 'Choose draft or published.' });
	if (publication !== current.publication && !may(actor.role, 'story.publish', 'draft'))
		return forbidden(refusal('story.publish', stateOf(current)));

	const theirs = fieldsOf(current);
	const baseSnapshot =
		version === current.version
			? null
			: (await revisions.atVersion('story', id, version, db))?.snapshot;
	if (version !== current.version && !baseSnapshot) return stale(current, current.version);
	const base = baseSnapshot ? storyFieldsOf(baseSnapshot) : theirs;
	const fields = Object.fromEntries(
		STORY_FIELDS.map((key) => [key, key in input ? input[key] : base[key]])
	);
	const parsed = parseStory(fields);
	if (!parsed.ok) return invalid(parsed.errors);
	// Every field was given (the input's or the base's), the language included.
	const mine = { ...parsed.value, language: parsed.value.language ?? base.language };

	const merge = threeWay(base, theirs, mine, STORY_FIELDS);
	if (merge.conflicts.length > 0) {
		const values = { ...merge.merged };
		for (const key of merge.conflicts) Object.assign(values, { [key]: mine[key] });
		const conflict: StoryConflict = { story: current, conflicts: merge.conflicts, values };
		return stale(conflict, current.version);
	}
	const publishing = publication !== current.publication;
	if (merge.changed.length === 0 && !publishing) return ok(current);
	if (
		merge.merged.slug !== current.slug &&
		(await deskStories.slugTaken(merge.merged.slug, id, db))
	)
		return invalid(slugClash(merge.merged.slug));

	const saved = await asActor(actor, db, async (tx) => {
		let result = await deskStories.update(id, current.version, merge.merged, tx);
		if (!result.ok) return result;
		if (current.publication === 'published' && merge.changed.length > 0) {
			const before = Object.fromEntries(merge.changed.map((key) => [key, current[key]]));
			const after = Object.fromEntries(merge.changed.map((key) => [key, merge.merged[key]]));
			await record(actor, 'story.edited', id, { before, after }, tx);
		}
		if (publishing) {
			result = await deskStories.setPublication(id, result.value.version, publication, tx);
			if (result.ok) await record(actor, publicationAction(publication), id, {}, tx);
		}
		return result;
	});
	if (!saved.ok) {
		// Another save landed between our read and our write: the caller reads and tries again.
		const now = saved.current;
		return now ? stale(now, now.version) : notFound(NO_STORY);
	}
	return ok(saved.value);
}

const publicationAction = (to: 'draft' | 'published') =>
	to === 'published' ? 'story.published' : 'story.unpublished';

/** Publishes (`published`) or withdraws (`draft`) a story at `version`. Editors only. */
export async function setStoryPublication(
	actor: Actor,
	id: number,
	version: number,
	to: 'draft' | 'published',
	db: Sql = sql
): Promise<CommandResult<Story>> {
	const current = await target(actor, 'story.publish', id, db);
	if (isResult(current)) return current;
	if (current.version !== version) return stale(current, current.version);
	if (current.publication === to) return ok(current);
	const result = await asActor(actor, db, async (tx) => {
		const done = await deskStories.setPublication(id, version, to, tx);
		if (done.ok) await record(actor, publicationAction(to), id, {}, tx);
		return done;
	});
	if (!result.ok)
		return result.current ? stale(result.current, result.current.version) : notFound(NO_STORY);
	return ok(result.value);
}

/** Moves a story to the trash at `version` (null: whatever its version). Editors only. */
export async function deleteStory(
	actor: Actor,
	id: number,
	version: number | null,
	db: Sql = sql
): Promise<CommandResult<{ id: number }>> {
	const current = await target(actor, 'story.delete', id, db);
	if (isResult(current)) return current;
	if (version !== null && current.version !== version) return stale(current, current.version);
	const done = await asActor(actor, db, async (tx) => {
		const deleted = await deskStories.softDelete(id, version, tx);
		if (deleted) await record(actor, 'story.deleted', id, { before: current }, tx);
		return deleted;
	});
	if (!done) {
		const now = await deskStories.get(id, db);
		return now ? stale(now, now.version) : notFound(NO_STORY);
	}
	return ok({ id });
}

/** Brings a story back from the trash (deleted in the last 30 days). Editors only. */
export async function restoreStory(
	actor: Actor,
	id: number,
	db: Sql = sql
): Promise<CommandResult<{ id: number }>> {
	const early = refusedOutright(actor, 'story.restore');
	if (early) return early;
	const done = await asActor(actor, db, async (tx) => {
		const restored = await deskStories.restore(id, tx);
		if (restored) await record(actor, 'story.restored', id, {}, tx);
		return restored;
	});
	return done
		? ok({ id })
		: notFound('Not in the trash any more (restored, or deleted over 30 days ago).');
}

export const isArticleRole = (value: unknown): value is ArticleRole =>
	(ARTICLE_ROLES as readonly unknown[]).includes(value);

/** What filing an article answers: whether it was newly filed. */
export interface Filed {
	storyId: number;
	articleId: number;
	filed: boolean;
	story: Story;
}

/**
 * Files an article in a story (accepted, at the end of its thread). On a published story the
 * article becomes public with it, so that needs an editor. A suggestion's score and reasons,
 * when given, are kept with the link.
 */
export async function attachArticle(
	actor: Actor,
	input: {
		storyId: number;
		articleId: number;
		role?: unknown;
		score?: number | null;
		reasons?: string[] | null;
	},
	db: Sql = sql
): Promise<CommandResult<Filed>> {
	const story = await target(actor, 'story.attachArticle', input.storyId, db);
	if (isResult(story)) return story;
	const role = input.role ?? 'update';
	if (!isArticleRole(role))
		return invalid({ role: `The role is one of ${ARTICLE_ROLES.join(', ')}.` });
	const outcome = await asActor(actor, db, async (tx) => {
		const filed = await deskStories.fileArticle(
			{
				storyId: input.storyId,
				articleId: input.articleId,
				role,
				decidedBy: actor.id,
				score: input.score ?? null,
				reasons: input.reasons ?? null
			},
			tx
		);
		if (filed === 'filed' && story.publication === 'published')
			await record(actor, 'story.article_attached', story.id, { after: input.articleId }, tx);
		return filed;
	});
	if (outcome === 'not_found') return notFound('No such story or article.');
	return ok({
		storyId: input.storyId,
		articleId: input.articleId,
		filed: outcome === 'filed',
		story
	});
}

/** Shared by the commands that change an article already filed in a story. */
async function changeLink(
	actor: Actor,
	action: Action,
	auditAction: string,
	storyId: number,
	articleId: number,
	db: Sql,
	write: (tx: Db) => Promise<void>
): Promise<CommandResult<{ storyId: number; articleId: number }>> {
	const story = await target(actor, action, storyId, db);
	if (isResult(story)) return story;
	if (!(await deskStories.isFiled(storyId, articleId, db))) return notFound(NO_ARTICLE);
	await asActor(actor, db, async (tx) => {
		await write(tx);
		if (story.publication === 'published')
			await record(actor, auditAction, storyId, { after: articleId }, tx);
	});
	return ok({ storyId, articleId });
}

/** Takes an article out of a story's thread (on a published story readers stop seeing it). */
export const detachArticle = (actor: Actor, storyId: number, articleId: number, db: Sql = sql) =>
	changeLink(actor, 'story.detachArticle', 'story.article_detached', storyId, articleId, db, (tx) =>
		deskStories.detachArticle(storyId, articleId, tx)
	);

/** Moves an article one place up or down the story's thread. */
export const moveArticle = (
	actor: Actor,
	storyId: number,
	articleId: number,
	direction: 'up' | 'down',
	db: Sql = sql
) =>
	changeLink(actor, 'story.arrangeArticles', 'story.article_moved', storyId, articleId, db, (tx) =>
		deskStories.moveArticle(storyId, articleId, direction, tx)
	);

/** Changes the role an article plays in a story's thread (first report, update, …). */
export async function setArticleRole(
	actor: Actor,
	storyId: number,
	articleId: number,
	role: unknown,
	db: Sql = sql
): Promise<CommandResult<{ storyId: number; articleId: number }>> {
	const early = refusedOutright(actor, 'story.arrangeArticles');
	if (early) return early;
	if (!isArticleRole(role))
		return invalid({ role: `The role is one of ${ARTICLE_ROLES.join(', ')}.` });
	return changeLink(
		actor,
		'story.arrangeArticles',
		'story.article_role_changed',
		storyId,
		articleId,
		db,
		(tx) => deskStories.setArticleRole(storyId, articleId, role, tx)
	);
}
