/**
 * The portable export: a story, or the whole newsroom, as one JSON document that another
 * installation (another PostgreSQL version, another machine) can import. Rows keep their ids, so
 * links between them, pinned embed versions and live-stream ids survive the move; an import
 * therefore goes into a database without those rows (a fresh one, before its first start) and is
 * all or nothing. Staff come along without their password hashes: they cannot sign in until
 * they are given a new password.
 */
import { z } from 'zod';
import type { Sql } from '../db/client';
import * as portable from '../db/portable';
import { PORTABLE_TABLES } from './tables';

export const FORMAT = 'throughline-export';
export const VERSION = 1;
/** Stored instead of a hash: it parses as no argon2 hash, so no password matches it. */
export const NO_PASSWORD = '!imported-without-password';

const rowSchema = z.record(z.string(), z.unknown());
const documentSchema = z.object({
	format: z.literal(FORMAT),
	version: z.literal(VERSION),
	exportedAt: z.string(),
	scope: z.union([z.literal('all'), z.object({ story: z.string() })]),
	tables: z.record(z.string(), z.array(rowSchema))
});

export type ExportDocument = z.infer<typeof documentSchema>;

/** The whole newsroom, or one story (by slug) with what it needs: its articles, entities, staff. */
export async function exportData(db: Sql, slug?: string): Promise<ExportDocument> {
	let storyId: number | undefined;
	if (slug !== undefined) {
		storyId = await portable.storyIdBySlug(slug, db);
		if (storyId === undefined) throw new Error(`No story with the slug "${slug}".`);
	}
	const tables: Record<string, portable.PortableRow[]> = {};
	const userIds = new Set<number>();
	// Users go first in the file but are chosen last, from the rows that name them.
	for (const table of PORTABLE_TABLES.slice().reverse()) {
		const columns = (await portable.writableColumns(table.name, db)).filter(
			(column) => !table.secret?.includes(column)
		);
		let rows: portable.PortableRow[];
		if (storyId !== undefined && table.story === 'referenced users') {
			rows = await portable.readRows(
				table.name,
				columns,
				{ where: `id = any(string_to_array($1, ',')::int[])`, params: [[...userIds].join(',')] },
				db
			);
		} else {
			const where = table.story === 'referenced users' ? 'true' : table.story;
			rows = await portable.readRows(
				table.name,
				columns,
				storyId === undefined ? undefined : { where, params: [storyId] },
				db
			);
		}
		for (const column of await portable.userColumns(table.name, db)) {
			for (const row of rows) if (typeof row[column] === 'number') userIds.add(row[column]);
		}
		tables[table.name] = rows;
	}
	return {
		format: FORMAT,
		version: VERSION,
		exportedAt: new Date().toISOString(),
		scope: slug === undefined ? 'all' : { story: slug },
		tables: Object.fromEntries(
			PORTABLE_TABLES.map((table) => [table.name, tables[table.name] ?? []])
		)
	};
}

export class ImportRefused extends Error {}

/** Reads and checks an export document; throws ImportRefused saying what is wrong. */
export function parseExport(text: string): ExportDocument {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new ImportRefused('The file is not JSON.');
	}
	const parsed = documentSchema.safeParse(value);
	if (!parsed.success) {
		throw new ImportRefused(
			`Not a Throughline export (format ${FORMAT}, version ${VERSION}): ${parsed.error.issues
				.map((issue) => `${issue.path.join('.') || 'document'}: ${issue.message}`)
				.join('; ')}`
		);
	}
	const known = new Set(PORTABLE_TABLES.map((table) => table.name));
	const unknown = Object.keys(parsed.data.tables).filter((name) => !known.has(name));
	if (unknown.length) throw new ImportRefused(`Unknown tables in the file: ${unknown.join(', ')}`);
	return parsed.data;
}

/** Imports a document in one transaction; returns how many rows each table received. */
export async function importData(
	db: Sql,
	document: ExportDocument
): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	try {
		await db.begin(async (tx) => {
			for (const table of PORTABLE_TABLES) {
				let rows = document.tables[table.name] ?? [];
				if (table.secret) {
					rows = rows.map((row) => ({
						...row,
						...Object.fromEntries(table.secret?.map((column) => [column, NO_PASSWORD]) ?? [])
					}));
				}
				// Only the columns the file has: a column added since the export takes its default.
				const present = new Set(rows.flatMap((row) => Object.keys(row)));
				const columns = (await portable.writableColumns(table.name, tx)).filter((column) =>
					present.has(column)
				);
				await portable.insertRows(table.name, columns, rows, tx);
				await portable.resetIdentity(table.name, tx);
				counts[table.name] = rows.length;
			}
		});
	} catch (error) {
		const code = (error as { code?: string }).code;
		if (code === '23505') {
			throw new ImportRefused(
				`This database already has some of these rows (${(error as Error).message}); ` +
					'import into a fresh database, before its first start.'
			);
		}
		if (code?.startsWith('23')) {
			throw new ImportRefused(`The file's rows do not fit: ${(error as Error).message}`);
		}
		throw error;
	}
	return counts;
}
