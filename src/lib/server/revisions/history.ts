/** The history pages' data and their Restore action, shared by stories and events. */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '../auth/guard';
import * as deskStories from '../db/desk-stories';
import * as revisions from '../db/revisions';
import { diffSnapshots, EVENT_DIFF_FIELDS, STORY_DIFF_FIELDS, type FieldChange } from './diff';
import { restoreRevision } from './restore';

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
	entityType: 'story' | 'event',
	entityId: number
): Promise<HistoryEntry[]> {
	const list = await revisions.listFor(entityType, entityId);
	const fields = entityType === 'story' ? STORY_DIFF_FIELDS : EVENT_DIFF_FIELDS;
	return list.map((revision, i) => ({
		id: revision.id,
		storyRevision: revision.storyRevision,
		entityVersion: revision.entityVersion,
		authorName: revision.authorName,
		createdAt: revision.createdAt,
		changes: diffSnapshots(list[i + 1]?.snapshot ?? null, revision.snapshot, fields)
	}));
}

/** Restore: the chosen revision's fields, written over the version the page showed. */
export async function restoreFromForm(
	event: RequestEvent,
	entityType: 'story' | 'event',
	entityId: number
) {
	const user = requireRole(event, 'editor');
	const data = await event.request.formData();
	const revisionId = Number(data.get('revisionId'));
	const version = Number(data.get('version'));
	const revision = Number.isInteger(revisionId) ? await revisions.get(revisionId) : undefined;
	if (!revision || revision.entityType !== entityType || revision.entityId !== entityId)
		error(404, 'Revision not found');
	if (!Number.isInteger(version))
		return fail(400, { message: 'The form lost its version: reload.' });
	let restored: boolean;
	try {
		restored = await restoreRevision(revision, version, user.id);
	} catch (err) {
		if (!deskStories.isSlugClash(err)) throw err;
		return fail(409, { message: 'Another story now uses that revision’s slug: change it first.' });
	}
	if (!restored)
		return fail(409, {
			message: 'It changed since you opened the history (or was deleted): reload and look again.'
		});
	return { message: `Restored the version of revision ${revision.storyRevision}.` };
}
