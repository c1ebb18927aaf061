/**
 * The process's one logger: JSON lines on stdout (one object per line, for whatever collects
 * them), or pino-pretty's readable lines when stdout is a terminal. LOG_LEVEL sets the level
 * (default info). Secrets never reach a line: authorization and cookie headers, passwords and
 * tokens are replaced wherever they sit in a logged object.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** Field paths (pino's redact syntax) whose values are replaced before a line is written. */
export const REDACTED = [
	'password',
	'token',
	'secret',
	'authorization',
	'cookie',
	'*.password',
	'*.token',
	'*.secret',
	'*.authorization',
	'*.cookie',
	'*.headers.authorization',
	'*.headers.cookie',
	'*.headers["set-cookie"]',
	'*.*.password',
	'*.*.token'
];

export function createLogger(
	options: { level?: string; destination?: DestinationStream; pretty?: boolean } = {}
): Logger {
	const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
	const destination =
		options.destination ??
		((options.pretty ?? process.stdout.isTTY)
			? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })
			: pino.destination({ dest: 1, sync: false }));
	return pino(
		{
			level,
			base: { pid: process.pid },
			redact: { paths: REDACTED, censor: '[redacted]' },
			serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err }
		},
		destination
	);
}

/** One per process (kept across Vite's module reloads in dev). */
const global = globalThis as typeof globalThis & { __throughlineLog?: Logger };
export const log: Logger = (global.__throughlineLog ??= createLogger());

/** Writes out buffered lines now: before a deliberate process.exit, which would drop them. */
export function flushLog(): void {
	try {
		log.flush();
		const stream = (log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] as
			{ flushSync?: () => void } | undefined;
		stream?.flushSync?.();
	} catch {
		// Nothing buffered, or the stream is already closed.
	}
}
