/**
 * What every write command answers. Doors (desk form actions, /api/v1, suggestion accept/merge,
 * the TimelineJS import, the feed poller, the CLI) only map it: to `fail()`, to JSON with a
 * status, or to an exit code. A command never throws for a reason a user could cause.
 */
export type FieldErrors = Record<string, string>;

export type CommandResult<T> =
	| { kind: 'ok'; value: T }
	/** Bad input, field by field; nothing was stored. */
	| { kind: 'invalid'; errors: FieldErrors; message?: string }
	/** The target moved on since `version` was read; `current` is what it is now. */
	| { kind: 'stale'; current: unknown; version: number }
	/** The actor's role may not do this to this target; nothing was stored. */
	| { kind: 'forbidden'; message: string }
	| { kind: 'notFound'; message: string };

export const ok = <T>(value: T): CommandResult<T> => ({ kind: 'ok', value });
export const invalid = (errors: FieldErrors, message?: string) =>
	({ kind: 'invalid', errors, message }) as const;
export const stale = (current: unknown, version: number) =>
	({ kind: 'stale', current, version }) as const;
export const forbidden = (message: string) => ({ kind: 'forbidden', message }) as const;
export const notFound = (message: string) => ({ kind: 'notFound', message }) as const;

/** HTTP status a door answers for each outcome (the API's JSON and the desk's `fail()` alike). */
export const STATUS = { ok: 200, invalid: 400, stale: 409, forbidden: 403, notFound: 404 } as const;
