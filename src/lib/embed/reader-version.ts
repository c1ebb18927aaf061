/**
 * Reader-facing version numbers for a story. Story revisions (migration 00003) count every saved
 * change, drafts included: a story readers have seen change three times can be at revision 61.
 * Readers never see that number, so a pin speaks of "version 3 of this story, as published …":
 * the count of saved changes that changed what a reader could see, where changes saved together
 * (one transaction: "publish these four events") are one version. Pure.
 */

export interface RevisionVisibility {
	storyRevision: number;
	entityType: 'story' | 'event';
	entityId: number;
	/** The entity as saved at this revision is public: a published story, a published event. */
	visible: boolean;
	/** The saving transaction's start (now()): revisions saved together share it. */
	createdAt: Date;
	/**
	 * The same instant to the microsecond, as PostgreSQL keeps it: a Date holds milliseconds only,
	 * and two saves within one millisecond are still two versions.
	 */
	savedAt: string;
}

export interface ReaderVersion {
	/** The story revision this reader version begins at. */
	revision: number;
	version: number;
	publishedAt: Date;
}

/**
 * Each change that readers saw (the story published, or a published event of a published story
 * changed, appeared or went), numbered from 1 in revision order, one number per transaction.
 */
export function readerVersions(rows: RevisionVisibility[]): ReaderVersion[] {
	const sorted = [...rows].sort((a, b) => a.storyRevision - b.storyRevision);
	const wasVisible = new Map<string, boolean>();
	const out: ReaderVersion[] = [];
	let storyPublic = false;
	/** The transaction of the last version counted. */
	let savedAt: string | undefined;
	for (const row of sorted) {
		const key = `${row.entityType}:${row.entityId}`;
		const before = wasVisible.get(key) ?? false;
		wasVisible.set(key, row.visible);
		let seen: boolean;
		if (row.entityType === 'story') {
			// Publishing, editing while published and unpublishing all change the public page.
			seen = row.visible || storyPublic;
			storyPublic = row.visible;
		} else {
			seen = storyPublic && (row.visible || before);
		}
		if (!seen) continue;
		const last = out.at(-1);
		if (last && savedAt === row.savedAt) continue;
		savedAt = row.savedAt;
		out.push({ revision: row.storyRevision, version: out.length + 1, publishedAt: row.createdAt });
	}
	return out;
}

/** The reader version a story revision shows: the latest one begun at or before it. */
export function readerVersionAt(
	versions: ReaderVersion[],
	revision: number
): ReaderVersion | undefined {
	let found: ReaderVersion | undefined;
	for (const version of versions) {
		if (version.revision > revision) break;
		found = version;
	}
	return found;
}
