import type { Db } from './client';

/** The tables whose rows the desk deletes softly (Trash keeps them for 30 days). */
export type SoftDeletable = 'stories' | 'events';

/** Marks a row deleted at version `expected` (null: whatever its version); false if it was not. */
export async function softDeleteRow(
	table: SoftDeletable,
	id: number,
	expected: number | null,
	db: Db
): Promise<boolean> {
	const rows = await db`
		update ${db(table)} set deleted_at = now(), version = version + 1, updated_at = now()
		where id = ${id} and deleted_at is null
			${expected === null ? db`` : db`and version = ${expected}`}
		returning id`;
	return rows.length > 0;
}

/** Brings back a row deleted in the last 30 days; false if there is none. */
export async function restoreRow(table: SoftDeletable, id: number, db: Db): Promise<boolean> {
	const rows = await db`
		update ${db(table)} set deleted_at = null, version = version + 1, updated_at = now()
		where id = ${id} and deleted_at > now() - interval '30 days'
		returning id`;
	return rows.length > 0;
}

/** A row's publication status while it is in the trash (deleted in the last 30 days). */
export async function trashedStatus(
	table: SoftDeletable,
	id: number,
	db: Db
): Promise<string | undefined> {
	const [row] = await db<{ status: string }[]>`
		select ${table === 'events' ? db`status` : db`publication as status`}
		from ${db(table)}
		where id = ${id} and deleted_at > now() - interval '30 days'
		for update`;
	return row?.status;
}
