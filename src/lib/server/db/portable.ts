/**
 * Rows in and out of the database for the portable JSON export (server/portable/). Rows travel
 * as PostgreSQL's own `to_jsonb` text, never through postgres.js' value parsing: a timestamp
 * keeps its microseconds, a bigint its digits, and a jsonb value its keys (the camel transform
 * would rename keys inside jsonb). Import reads them back with `jsonb_populate_recordset`, so
 * PostgreSQL, not this code, converts every value to its column's type.
 */
import { sql, type Db } from './client';

/** A row as PostgreSQL's to_jsonb gives it: snake_case column names, JSON values. */
export type PortableRow = Record<string, unknown>;

function ident(name: string): string {
	if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL name: ${name}`);
	return `"${name}"`;
}

/** The columns of a table one can write: every column but generated ones, in table order. */
export async function writableColumns(table: string, db: Db = sql): Promise<string[]> {
	const rows = await db<{ name: string }[]>`
		select column_name as name
		from information_schema.columns
		where table_schema = current_schema() and table_name = ${table}
			and is_generated = 'NEVER'
		order by ordinal_position
	`;
	if (rows.length === 0) throw new Error(`no table ${table}`);
	return rows.map((row) => row.name);
}

/** The columns of a table that hold a users.id (foreign keys to users). */
export async function userColumns(table: string, db: Db = sql): Promise<string[]> {
	const rows = await db<{ name: string }[]>`
		select a.attname as name
		from pg_constraint c
		join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
		where c.contype = 'f' and c.conrelid = to_regclass(${table})
			and c.confrelid = 'users'::regclass
	`;
	return rows.map((row) => row.name);
}

/**
 * Rows of `table` (all, or those matching `where`, a condition on `params` as $1…), as
 * to_jsonb text parsed here, in primary-key order so two exports of the same data are equal.
 */
export async function readRows(
	table: string,
	columns: string[],
	scope: { where: string; params: (string | number)[] } | undefined,
	db: Db = sql
): Promise<PortableRow[]> {
	const t = ident(table);
	const filter = scope ? `where ${scope.where}` : '';
	const rows = await db.unsafe<{ row: string }[]>(
		`select to_jsonb(x)::text as row from (
			select ${columns.map(ident).join(', ')} from ${t} ${filter}
		) x order by 1`,
		// A condition that names no parameter must be sent none (its type could not be inferred).
		scope?.where.includes('$1') ? scope.params : []
	);
	return rows.map((row) => JSON.parse(row.row) as PortableRow);
}

/**
 * Inserts rows with the ids they had (identity columns overridden) and with the table's own
 * triggers off, so importing neither adds revisions nor story changes nor history that the
 * export already carries. Run inside a transaction: the triggers are back on at commit.
 */
export async function insertRows(
	table: string,
	columns: string[],
	rows: PortableRow[],
	db: Db
): Promise<void> {
	if (rows.length === 0) return;
	const t = ident(table);
	const list = columns.map(ident).join(', ');
	await db.unsafe(`alter table ${t} disable trigger user`);
	await db.unsafe(
		`insert into ${t} (${list}) overriding system value
		select ${list} from jsonb_populate_recordset(null::${t}, $1::text::jsonb)`,
		[JSON.stringify(rows)]
	);
	await db.unsafe(`alter table ${t} enable trigger user`);
}

/** Moves a table's identity sequence past its largest id, so new rows get fresh ids. */
export async function resetIdentity(table: string, db: Db): Promise<void> {
	const [identity] = await db<{ column: string }[]>`
		select column_name as column from information_schema.columns
		where table_schema = current_schema() and table_name = ${table} and is_identity = 'YES'
	`;
	if (!identity) return;
	const t = ident(table);
	const c = ident(identity.column);
	await db.unsafe(
		`select setval(pg_get_serial_sequence('${t}', '${identity.column}'),
			coalesce((select max(${c}) from ${t}), 0) + 1, false)`
	);
}

/** Number of rows in a table (for the import's emptiness check and summaries). */
export async function countRows(table: string, db: Db = sql): Promise<number> {
	const [row] = await db.unsafe<{ count: string }[]>(
		`select count(*) as count from ${ident(table)}`
	);
	return Number(row?.count ?? 0);
}

/** The story with this slug, any publication state, deleted or not. */
export async function storyIdBySlug(slug: string, db: Db = sql): Promise<number | undefined> {
	const [row] = await db<{ id: number }[]>`select id from stories where slug = ${slug}`;
	return row?.id;
}

/** The server's major version (15, 16, 17…): pg_dump must be at least as new. */
export async function serverMajor(db: Db = sql): Promise<number> {
	const [row] = await db<
		{ version: string }[]
	>`select current_setting('server_version_num') as version`;
	return Math.floor(Number(row?.version ?? 0) / 10_000);
}

/** The database this connection is on (the embedded server's URL names its maintenance db). */
export async function currentDatabase(db: Db = sql): Promise<string> {
	const [row] = await db<{ name: string }[]>`select current_database() as name`;
	if (!row) throw new Error('current_database() returned no row');
	return row.name;
}

/**
 * Opens a base backup (PostgreSQL's low-level backup API, 15 and later): the server keeps what a
 * copy of its data folder needs until stopBackup. Both must run on the same connection
 * (`sql.reserve()`), which the backup holds open in between.
 */
export async function startBackup(label: string, db: Db): Promise<void> {
	await db`select pg_backup_start(${label}, true)`;
}

/** Closes the base backup; the label file goes into the copy as backup_label. */
export async function stopBackup(db: Db): Promise<{ labelfile: string; spcmapfile: string }> {
	const [row] = await db<{ labelfile: string; spcmapfile: string }[]>`
		select labelfile, spcmapfile from pg_backup_stop(false)`;
	if (!row) throw new Error('pg_backup_stop returned no row');
	return row;
}
