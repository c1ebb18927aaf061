/**
 * Stores an imported timeline (see $lib/timelinejs/import): a new draft story with its events.
 * The import command (newsroom/articles.ts) runs it in its transaction with the audit entry.
 */
import { sql, type Db } from './client';
import { KIND_LABELS } from '../../charts/timeline-items';
import type { EventKind } from '../../types';
import * as events from './events';
import { freeSlug, insertDraft } from './desk-stories';
import { guessStoryLanguage } from '../ingest/language';
import type { ImportedEvent, ImportedStory } from '../../timelinejs/import';

export interface ImportedTimeline {
	storyId: number;
	slug: string;
	events: number;
}

/**
 * Inserts the story as a draft (readers see nothing until an editor publishes it) under a
 * unique slug, and its events as published within it, so publishing the story shows the
 * timeline as it was imported. Times are UTC: TimelineJS dates carry no zone. Run it in the
 * import command's transaction, so a failure leaves nothing half-imported.
 */
export async function insertTimeline(
	input: { story: ImportedStory; events: ImportedEvent[] },
	tx: Db
): Promise<ImportedTimeline> {
	const { title, summary } = input.story;
	const language = guessStoryLanguage(`${title}\n${summary}`);
	const slug = await freeSlug(title, 'imported-timeline', tx, language);
	const story = await insertDraft({ slug, title, summary, status: 'developing', language }, tx);
	const rows = input.events.map((event): events.ImportedEventRow => ({
		storyId: story.id,
		kind: event.kind,
		title: event.title,
		description: event.description,
		occurredStart: event.occurredStart,
		occurredEnd: event.occurredEnd,
		precision: event.precision,
		timeZone: 'UTC',
		status: 'published',
		mediaKind: event.mediaKind,
		mediaUrl: event.mediaUrl,
		mediaCaption: event.mediaCaption,
		mediaCredit: event.mediaCredit,
		mediaAlt: event.mediaAlt,
		// Kept only when the kind does not already say it (export writes the kind's label).
		groupLabel: groupLabel(event.group, event.kind)
	}));
	await events.createMany(rows, tx);
	return { storyId: story.id, slug, events: rows.length };
}

/** The group as written, unless it is just the kind's own label or empty. */
function groupLabel(group: string | null, kind: EventKind): string | null {
	const label = group?.trim().slice(0, 100) ?? '';
	if (!label || label.toLowerCase() === KIND_LABELS[kind].toLowerCase()) return null;
	return label;
}

/** The TimelineJS group each event was imported with, where it differs from its kind. */
export async function groupLabels(storyId: number, db: Db = sql): Promise<Map<number, string>> {
	const rows = await db<{ id: number; groupLabel: string }[]>`
		select id, group_label from events
		where story_id = ${storyId} and group_label is not null and deleted_at is null
	`;
	return new Map(rows.map((row) => [row.id, row.groupLabel]));
}
