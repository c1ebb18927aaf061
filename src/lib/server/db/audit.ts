import { sql, type Db } from './client';

/** One line of the audit log: who did what to which record, with before and after. */
export interface AuditEntry {
	id: number;
	at: Date;
	actorId: number | null;
	/** The actor's name when they still exist. */
	actorName: string | null;
	action: string;
	entityType: string | null;
	entityId: string | null;
	before: unknown;
	after: unknown;
	clientAddress: string | null;
}

export interface NewAuditEntry {
	actorId: number | null;
	/** Dotted, past tense: `user.signed_in`, `user.role_changed`, `token.revoked`. */
	action: string;
	entityType?: string;
	entityId?: string | number;
	before?: unknown;
	after?: unknown;
	clientAddress?: string | null;
}

/** Appends to the audit log. Pass the transaction that made the change so both commit together. */
export async function record(entry: NewAuditEntry, db: Db = sql): Promise<void> {
	await db`
		insert into audit_log (actor_id, action, entity_type, entity_id, before, after, client_address)
		values (
			${entry.actorId}, ${entry.action}, ${entry.entityType ?? null},
			${entry.entityId === undefined ? null : String(entry.entityId)},
			${entry.before === undefined ? null : db.json(entry.before as never)},
			${entry.after === undefined ? null : db.json(entry.after as never)},
			${entry.clientAddress ?? null}
		)
	`;
}

/** A page of the log, newest first, and the total for paging. */
export async function list(
	options: { limit?: number; offset?: number; action?: string } = {},
	db: Db = sql
): Promise<{ entries: AuditEntry[]; total: number }> {
	const limit = options.limit ?? 50;
	const offset = options.offset ?? 0;
	const filter = options.action ? db`where a.action = ${options.action}` : db``;
	const entries = await db<AuditEntry[]>`
		select a.id::int as id, a.at, a.actor_id, u.display_name as actor_name, a.action, a.entity_type,
			a.entity_id, a.before, a.after, a.client_address
		from audit_log a left join users u on u.id = a.actor_id
		${filter}
		order by a.at desc, a.id desc
		limit ${limit} offset ${offset}
	`;
	const [row] = await db<{ total: number }[]>`
		select count(*)::int as total from audit_log a ${filter}
	`;
	return { entries, total: row?.total ?? 0 };
}
