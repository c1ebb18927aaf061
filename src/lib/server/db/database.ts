import path from 'node:path';
import { connect, setSql, type Sql } from './client';
import { startEmbedded, type EmbeddedServer } from './embedded';
import { migrate } from './migrate';

export interface Database {
	sql: Sql;
	/** Set when this process runs on the embedded server rather than DATABASE_URL. */
	embedded?: EmbeddedServer;
	/** Ends the pool, then stops the embedded server if this process started it. */
	close(): Promise<void>;
}

export interface OpenOptions {
	/** Apply pending migrations (default true). */
	migrate?: boolean;
	log?: (line: string) => void;
}

const EMBEDDED_DATABASE = 'throughline';

/** Creates the app's own database on a fresh embedded server (the maintenance db stays clean). */
async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
	const admin = connect(adminUrl, { max: 1 });
	try {
		const [found] = await admin`select 1 as found from pg_database where datname = ${name}`;
		if (!found) await admin.unsafe(`create database "${name}"`);
	} finally {
		await admin.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

/**
 * Opens the database the app runs on: DATABASE_URL when set, else an embedded PostgreSQL in
 * EMBEDDED_PG_DIR (default ./data/pg). Migrates it and makes it the shared `sql`.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
	const log = options.log ?? ((line: string) => console.log(`[db] ${line}`));
	let embedded: EmbeddedServer | undefined;
	let url = process.env.DATABASE_URL;
	if (!url) {
		const port = process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined;
		if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
			throw new Error(
				`EMBEDDED_PG_PORT must be a port number, not "${process.env.EMBEDDED_PG_PORT}"`
			);
		}
		const dataDir = path.resolve(process.env.EMBEDDED_PG_DIR ?? path.join('data', 'pg'));
		embedded = await startEmbedded({ dataDir, port, log });
		try {
			url = await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
		} catch (error) {
			await embedded.stop();
			throw error;
		}
	}
	const sql = connect(url);
	try {
		if (options.migrate !== false) {
			const applied = await migrate(sql);
			if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
		}
	} catch (error) {
		await sql.end({ timeout: 5 });
		await embedded?.stop();
		throw error;
	}
	setSql(sql);
	let closing: Promise<void> | undefined;
	return {
		sql,
		embedded,
		close: () =>
			(closing ??= (async () => {
				setSql(undefined);
				await sql.end({ timeout: 5 });
				await embedded?.stop();
			})())
	};
}
