import path from 'node:path';
import { probeUrl, poolReplaced, setSupervisor, supervise, type Supervisor } from './availability';
import { connect, connectTimeoutSeconds, setSql, type Sql } from './client';
import { startEmbedded, type EmbeddedServer } from './embedded';
import { migrate } from './migrate';
import { log as logger } from '../log/logger';

export interface Database {
	/** The pool opened at start; after an outage `client.sql` points at its replacement. */
	sql: Sql;
	/** Set when this process runs on the embedded server rather than DATABASE_URL. */
	embedded?: EmbeddedServer;
	/** Ends the pool, then stops the embedded server if this process started it. */
	close(): Promise<void>;
}

export interface OpenOptions {
	/** Apply pending migrations (default true). */
	migrate?: boolean;
	/**
	 * Watch the connection and replace the pool after an outage (availability.ts). On for the
	 * app; scripts and tests that open a database of their own leave it off.
	 */
	supervise?: boolean;
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
	const log = options.log ?? ((line: string) => logger.info({ component: 'db' }, line));
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
	const databaseUrl = url;
	let supervisor: Supervisor | undefined;
	// Any connection of the pool closing (a lost server, pg_terminate_backend) prompts a check.
	const open = (): Sql =>
		connect(databaseUrl, options.supervise ? { onclose: () => supervisor?.suspect() } : {});
	const sql = open();
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
	let current = sql;
	if (options.supervise) {
		supervisor = supervise({
			probeServer: () => probeUrl(databaseUrl, Math.min(2, connectTimeoutSeconds())),
			probePool: async () => {
				await current`select 1`;
			},
			replacePool: async () => {
				const old = current;
				const fresh = open();
				try {
					await fresh`select 1`;
				} catch (error) {
					void fresh.end({ timeout: 0 }).catch(() => undefined);
					throw error;
				}
				current = fresh;
				setSql(current);
				// Queries still waiting on the old pool fail now (and say so) rather than hang.
				void old.end({ timeout: 0 }).catch(() => undefined);
				poolReplaced();
			},
			onDown: (error) => log(`the database is unreachable: ${describe(error)}`),
			onUp: (replaced) => log(replaced ? 'the database is back (new pool)' : 'the database is back')
		});
		setSupervisor(supervisor);
	}
	let closing: Promise<void> | undefined;
	return {
		sql: current,
		embedded,
		close: () =>
			(closing ??= (async () => {
				if (supervisor) setSupervisor(undefined);
				setSql(undefined);
				await current.end({ timeout: 5 });
				await embedded?.stop();
			})())
	};
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
