import postgres from 'postgres';
import { parseTimestamptz } from '../../time/postgres';

/** A postgres.js connection (or transaction) whose rows come back with camelCase keys. */
export type Sql = postgres.Sql<Record<string, never>>;

/** What db functions accept as their last argument: the pool, or a transaction within it. */
export type Db = Sql | postgres.TransactionSql<Record<string, never>>;

const isoString = (value: Date | string) =>
	(value instanceof Date ? value : new Date(value)).toISOString();
/**
 * How long a connection may take to open (DB_CONNECT_TIMEOUT seconds, default 5): past it the
 * query fails rather than hangs (postgres.js waits 30 s by default).
 */
export function connectTimeoutSeconds(): number {
	const seconds = Number(process.env.DB_CONNECT_TIMEOUT ?? 5);
	return Number.isFinite(seconds) && seconds > 0 ? seconds : 5;
}

/** Opens a postgres.js pool with the project's conventions (camelCase rows, quiet notices). */
export function connect(
	url: string,
	options: { max?: number; onclose?: (connectionId: number) => void } = {}
): Sql {
	return postgres(url, {
		transform: postgres.camel,
		max: options.max ?? 10,
		connect_timeout: connectTimeoutSeconds(),
		onnotice: () => {},
		// Dates before year 1000 come back right (V8 read "0001-03-01 …+00" as 2001).
		types: {
			timestamptz: { to: 1184, from: [1184], serialize: isoString, parse: parseTimestamptz }
		},
		onclose: options.onclose,
		connection: { application_name: 'throughline' }
	}) as unknown as Sql;
}

let current: Sql | undefined;

/** Makes `sql` point at this pool (called once at start-up, after the server is known). */
export function setSql(instance: Sql | undefined): void {
	current = instance;
}

function instance(): Sql {
	if (!current) throw new Error('The database is not open yet: openDatabase() runs at start-up.');
	return current;
}

/**
 * The one shared pool. It forwards to the instance opened at start-up, so modules can import it
 * before the (possibly embedded) server has a port.
 */
export const sql: Sql = new Proxy(function () {} as unknown as Sql, {
	apply: (_target, thisArg, args) => Reflect.apply(instance() as never, thisArg, args),
	get: (_target, prop) => {
		const target = instance();
		const value: unknown = Reflect.get(target, prop);
		return typeof value === 'function' ? value.bind(target) : value;
	}
});

/**
 * Names the acting user for this transaction, so the revision and verification-history triggers
 * record who made the change. Must run inside `sql.begin`.
 */
export async function actAs(actorId: number, db: Db): Promise<void> {
	await db`select set_config('throughline.actor_id', ${String(actorId)}, true)`;
}
