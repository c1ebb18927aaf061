/**
 * Three-way merge of an editor's save: `base` is the entity as the editor's form loaded it (the
 * revision at the version the save carries), `theirs` is what it is now, `yours` what the form
 * sent. Only fields the editor changed (yours ≠ base) are written; a field both changed to
 * different values is a conflict to show, never a silent revert of the other editor.
 */
export interface Merge<T> {
	/** theirs with your changes applied (the conflicting fields keep theirs). */
	merged: T;
	/** Fields you changed. */
	changed: (keyof T)[];
	/** Fields both changed, to different values. */
	conflicts: (keyof T)[];
}

/** Values as stored: instants compare by time, everything else by value. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a instanceof Date || b instanceof Date) {
		return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
	}
	return (a ?? null) === (b ?? null);
}

export function threeWay<T extends object>(
	base: T,
	theirs: T,
	yours: T,
	fields: readonly (keyof T)[]
): Merge<T> {
	const merged = { ...theirs };
	const changed: (keyof T)[] = [];
	const conflicts: (keyof T)[] = [];
	for (const key of fields) {
		if (sameValue(yours[key], base[key])) continue;
		changed.push(key);
		if (sameValue(theirs[key], base[key]) || sameValue(theirs[key], yours[key])) {
			merged[key] = yours[key];
		} else {
			conflicts.push(key);
		}
	}
	return { merged, changed, conflicts };
}
