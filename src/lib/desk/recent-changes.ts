/**
 * The desk home's "Recent changes": each revision read against the one before it to say what
 * it did, and a run of revisions of one thing by one person close together said once (accepting
 * a proposal and publishing it is one line, not three). Pure.
 */
export type ChangeVerb =
	'created' | 'published' | 'unpublished' | 'deleted' | 'restored' | 'edited';

/** Field groups an editor thinks in; the snapshot's columns each belong to one. */
export const CHANGE_FIELDS = {
	title: ['title'],
	date: ['occurred_start', 'occurred_end', 'precision', 'time_zone'],
	place: ['place_name', 'latitude', 'longitude'],
	kind: ['kind'],
	description: ['description'],
	claim: ['attribution', 'verification'],
	summary: ['summary'],
	address: ['slug'],
	state: ['status']
} as const;
export type ChangeField = keyof typeof CHANGE_FIELDS;

export interface RevisionRow {
	id: number;
	entityType: 'story' | 'event';
	entityId: number;
	authorId: number | null;
	authorName: string | null;
	createdAt: Date;
	storyId: number;
	storyTitle: string;
	snapshot: Record<string, unknown>;
	previous: Record<string, unknown> | null;
}

export interface ChangeLine {
	id: number;
	entityType: 'story' | 'event';
	entityId: number;
	storyId: number;
	storyTitle: string;
	authorName: string | null;
	createdAt: Date;
	title: string;
	verb: ChangeVerb;
	/** For "edited": which parts changed, in CHANGE_FIELDS order. */
	fields: ChangeField[];
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** Snapshots arrive camelCased by the client (or snake_case from raw SQL): read either. */
const read = (s: Record<string, unknown>, column: string) =>
	column in s ? s[column] : s[camel(column)];
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const published = (s: Record<string, unknown>) =>
	(read(s, 'publication') ?? read(s, 'status')) === 'published';

/** What one revision did to its story or event. */
export function verbOf(row: Pick<RevisionRow, 'entityType' | 'snapshot' | 'previous'>): {
	verb: ChangeVerb;
	fields: ChangeField[];
} {
	const { snapshot: now, previous: before } = row;
	if (!before) return { verb: published(now) ? 'published' : 'created', fields: [] };
	const deletedNow = !!read(now, 'deleted_at');
	const deletedBefore = !!read(before, 'deleted_at');
	if (deletedNow && !deletedBefore) return { verb: 'deleted', fields: [] };
	if (!deletedNow && deletedBefore) return { verb: 'restored', fields: [] };
	if (published(now) !== published(before))
		return { verb: published(now) ? 'published' : 'unpublished', fields: [] };
	const fields = (Object.keys(CHANGE_FIELDS) as ChangeField[]).filter((field) =>
		CHANGE_FIELDS[field].some((column) => !same(read(now, column), read(before, column)))
	);
	// An event's status is its publication, said above; a story's is "developing" and so on.
	return {
		verb: 'edited',
		fields: row.entityType === 'event' ? fields.filter((f) => f !== 'state') : fields
	};
}

const WEIGHT: Record<ChangeVerb, number> = {
	edited: 0,
	created: 1,
	unpublished: 2,
	published: 3,
	restored: 4,
	deleted: 5
};
/** Revisions of one thing by one person this close together read as one change. */
const RUN_MS = 15 * 60_000;

/** One line per change, newest first (rows come newest first). */
export function changeLines(rows: RevisionRow[], limit = 15): ChangeLine[] {
	const lines: ChangeLine[] = [];
	// The open run of each thing by each person, and the time of its oldest revision so far:
	// accepting three proposals and then publishing them interleaves their revisions.
	const runs = new Map<string, { line: ChangeLine; oldest: number }>();
	for (const row of rows) {
		const { verb, fields } = verbOf(row);
		const key = `${row.entityType}:${row.entityId}:${row.authorId ?? ''}`;
		const run = runs.get(key);
		const at = row.createdAt.getTime();
		if (run && run.oldest - at < RUN_MS) {
			// The older revision joins the newer line: the weightier verb and every edited part.
			const { line } = run;
			if (WEIGHT[verb] > WEIGHT[line.verb]) line.verb = verb;
			line.fields = (Object.keys(CHANGE_FIELDS) as ChangeField[]).filter(
				(f) => line.fields.includes(f) || fields.includes(f)
			);
			run.oldest = at;
			continue;
		}
		if (lines.length === limit) break;
		const title = read(row.snapshot, 'title');
		const line: ChangeLine = {
			id: row.id,
			entityType: row.entityType,
			entityId: row.entityId,
			storyId: row.storyId,
			storyTitle: row.storyTitle,
			authorName: row.authorName,
			createdAt: row.createdAt,
			title: typeof title === 'string' ? title : '',
			verb,
			fields
		};
		lines.push(line);
		runs.set(key, { line, oldest: at });
	}
	return lines;
}
