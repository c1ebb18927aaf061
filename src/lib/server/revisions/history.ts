/**
 * The desk history pages of stories and events: the revisions with what each changed, the
 * restore confirmation (what the entity is now against what the restore would make it), and the
 * Restore form action, a door to the restore command.
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole, type DeskUser } from '../auth/guard';
import * as deskEvents from '../db/desk-events';
import * as deskStories from '../db/desk-stories';
import * as revisions from '../db/revisions';
import { actorOf } from '../newsroom/actor';
import { may, refusal } from '../newsroom/policy';
import { eventRestoreState, restoreRevision, storyRestoreState } from '../newsroom/revisions';
import type { Story } from '../../types';
import {
	diffSnapshots,
	eventChanges,
	storyChanges,
	type DiffWords,
	type FieldChange
} from './diff';
import { translator } from '../../i18n';
import { eventFieldsOf, storyFieldsOf } from './snapshot';

type EntityType = 'story' | 'event';

export interface HistoryEntry {
	id: number;
	storyRevision: number;
	entityVersion: number;
	authorName: string | null;
	createdAt: Date;
	changes: FieldChange[];
}

/** Revisions newest first, each with what changed since the one before it. */
export async function historyOf(
	entityType: EntityType,
	entityId: number,
	language?: DiffWords
): Promise<HistoryEntry[]> {
	const list = await revisions.listFor(entityType, entityId);
	return list.map((revision, i) => ({
		id: revision.id,
		storyRevision: revision.storyRevision,
		entityVersion: revision.entityVersion,
		authorName: revision.authorName,
		createdAt: revision.createdAt,
		changes: diffSnapshots(entityType, list[i + 1]?.snapshot ?? null, revision.snapshot, language)
	}));
}

/** What restoring a revision would do, for the confirmation. */
export interface RestorePreview {
	/** The entity version the revision recorded (the restore form sends it back). */
	version: number;
	storyRevision: number;
	/** Each field that would change: now → after the restore. */
	changes: FieldChange[];
	/** Null when the user may restore it, else why not. */
	refusal: string | null;
}

const ACTIONS = { story: 'story.restoreRevision', event: 'event.restoreRevision' } as const;

/** The preview of restoring `version` over `current`, or null when there is no such revision. */
export async function restorePreview(
	user: DeskUser,
	entityType: EntityType,
	current: Story | deskEvents.DeskEvent,
	version: number,
	language?: DiffWords
): Promise<RestorePreview | null> {
	const revision = await revisions.atVersion(entityType, current.id, version);
	if (!revision) return null;
	let changes: FieldChange[];
	let state: 'draft' | 'published';
	if (entityType === 'story') {
		const story = current as Story;
		const after = { ...storyFieldsOf(revision.snapshot), publication: story.publication };
		changes = storyChanges({ ...story, deletedAt: null }, { ...after, deletedAt: null }, language);
		state = storyRestoreState(story);
	} else {
		const event = current as deskEvents.DeskEvent;
		const after = eventFieldsOf(revision.snapshot);
		// The first report date is not the revision's to restore: it stays as it is.
		const kept = { firstReportedAt: event.firstReportedAt, deletedAt: null };
		changes = eventChanges({ ...event, ...kept }, { ...after, ...kept }, language);
		state = eventRestoreState(event, after);
	}
	const action = ACTIONS[entityType];
	return {
		version,
		storyRevision: revision.storyRevision,
		changes,
		refusal: may(user.role, action, state) ? null : refusal(action, state)
	};
}

const parseNumber = (raw: string | null | undefined) =>
	raw && /^\d{1,9}$/.test(raw) ? Number(raw) : null;

/** The story or event with that id (drafts too), for the desk's and the API's history. */
export async function entityOf(entityType: EntityType, id: number | null) {
	if (id === null) return undefined;
	return entityType === 'story' ? await deskStories.get(id) : await deskEvents.get(id);
}

async function targetOf(entityType: EntityType, param: string) {
	const target = await entityOf(entityType, parseNumber(param));
	if (!target) error(404, entityType === 'story' ? 'Story not found' : 'Event not found');
	return target;
}

/**
 * The history page's data. Any staff member may read a history (the role is checked before the
 * lookup, so anonymous callers learn nothing); `?restore=N` adds the confirmation for version N.
 */
export async function loadHistory(event: RequestEvent, entityType: EntityType, locale: string) {
	const user = requireRole(event, 'contributor');
	const target = await targetOf(entityType, event.params.id ?? '');
	const asked = event.url.searchParams.get('restore');
	const version = parseNumber(asked);
	const language = { locale, t: translator(locale) };
	const preview =
		version === null ? null : await restorePreview(user, entityType, target, version, language);
	const state =
		entityType === 'story'
			? storyRestoreState(target as Story)
			: eventRestoreState(target as deskEvents.DeskEvent, target as deskEvents.DeskEvent);
	return {
		target,
		entries: await historyOf(entityType, target.id, language),
		canRestore: may(user.role, ACTIONS[entityType], state),
		preview,
		missingRevision: asked !== null && !preview,
		restored: parseNumber(event.url.searchParams.get('restored'))
	};
}

/**
 * The Restore action (the confirmation's button): the role is checked first (anonymous callers
 * go to sign in), the rest by the command, which answers alike for unknown and forbidden ids.
 */
export async function restoreFromForm(event: RequestEvent, entityType: EntityType) {
	const user = requireRole(event, 'contributor');
	const data = await event.request.formData();
	const version = parseNumber(data.get('version')?.toString());
	const expected = parseNumber(data.get('expected')?.toString());
	// An error page, as for refusals below, so no answer depends on whether the id exists.
	if (version === null || expected === null)
		error(400, 'The form lost its versions: open the history again.');
	const id = parseNumber(event.params.id) ?? 0;
	const result = await restoreRevision(
		actorOf(user, event.getClientAddress()),
		entityType,
		id,
		version,
		expected
	);
	if (result.kind === 'ok') redirect(303, `/desk/${entityType}s/${id}/history?restored=${version}`);
	switch (result.kind) {
		case 'stale':
			return fail(409, {
				message: 'It changed since you opened this: look at the changes again before restoring.'
			});
		case 'invalid':
			return fail(400, { message: result.message ?? Object.values(result.errors).join(' ') });
		// Errors, not fail(): a failed action renders the page again, whose load would tell an
		// unknown id (404) from a forbidden one; the error page answers both alike.
		case 'forbidden':
			error(403, result.message);
		case 'notFound':
			error(404, result.message);
	}
}
