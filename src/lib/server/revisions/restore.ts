/**
 * Restoring a revision: its snapshot's editable fields are written back as an ordinary,
 * version-checked update, so the restore is itself a new revision (by the restoring editor) and
 * is recorded in the audit log.
 */
import { sql, type Sql } from '../db/client';
import * as audit from '../db/audit';
import * as deskEvents from '../db/desk-events';
import * as deskStories from '../db/desk-stories';
import type { Revision } from '../db/revisions';
import type { Snapshot } from './diff';
import type { EventKind, Precision, StoryStatus, Verification } from '../../types';

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const strOrNull = (value: unknown) => (typeof value === 'string' ? value : null);
const num = (value: unknown) => (typeof value === 'number' ? value : null);
const date = (value: unknown) => (typeof value === 'string' ? new Date(value) : null);

export function storyFields(s: Snapshot): deskStories.StoryFields {
	return {
		title: str(s.title),
		slug: str(s.slug),
		summary: str(s.summary),
		status: str(s.status) as StoryStatus
	};
}

export function eventFields(s: Snapshot): deskEvents.EventFields {
	return {
		kind: str(s.kind) as EventKind,
		title: str(s.title),
		description: str(s.description),
		occurredStart: date(s.occurred_start) ?? new Date(0),
		occurredEnd: date(s.occurred_end),
		precision: str(s.precision) as Precision,
		timeZone: str(s.time_zone) || 'UTC',
		placeName: strOrNull(s.place_name),
		latitude: num(s.latitude),
		longitude: num(s.longitude),
		attribution: strOrNull(s.attribution),
		verification: str(s.verification) as Verification,
		status: str(s.status) === 'published' ? 'published' : 'draft'
	};
}

/**
 * Writes the revision's fields back over the entity at version `expected`. Returns false on a
 * version clash (someone changed it since the page was shown).
 */
export async function restoreRevision(
	revision: Revision,
	expected: number,
	actorId: number,
	db: Sql = sql
): Promise<boolean> {
	return db.begin(async (tx) => {
		await deskStories.actAs(actorId, tx);
		const result =
			revision.entityType === 'story'
				? await deskStories.update(revision.entityId, expected, storyFields(revision.snapshot), tx)
				: await deskEvents.update(revision.entityId, expected, eventFields(revision.snapshot), tx);
		if (!result.ok) return false;
		await audit.record(
			{
				actorId,
				action: `${revision.entityType}.revision_restored`,
				entityType: revision.entityType,
				entityId: revision.entityId,
				after: { revisionId: revision.id, storyRevision: revision.storyRevision }
			},
			tx
		);
		return true;
	});
}
