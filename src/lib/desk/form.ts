/** Small helpers for the desk's form actions (pure: FormData in, plain values out). */

/** Every text field of a form, as submitted (files ignored), for re-showing after an error. */
export function formValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') values[key] = value;
	return values;
}

/** A positive whole number from a field (a version, an id), or null. */
export function intField(data: FormData, key: string): number | null {
	const raw = data.get(key);
	return typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

/** One row of the conflict view: a field, what is saved now, and what the editor submitted. */
export interface ConflictRow {
	label: string;
	theirs: string;
	yours: string;
}

/**
 * The rows of the conflict view: the fields that differ, or, given `only` (the fields both
 * editors changed, from the three-way merge), just those. A field only one of them changed is no
 * conflict and is not shown: the merge keeps that change.
 */
export function conflictRows(
	labels: Record<string, string>,
	theirs: Record<string, string>,
	yours: Record<string, string>,
	only?: readonly string[]
): ConflictRow[] {
	return Object.entries(labels)
		.filter(([key]) => !only || only.includes(key))
		.map(([key, label]) => ({ label, theirs: theirs[key] ?? '', yours: yours[key] ?? '' }))
		.filter((row) => row.theirs.trim() !== row.yours.trim());
}
