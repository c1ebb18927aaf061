/**
 * Publication times as people and machines send them: ISO 8601 with an offset
 * (`2025-06-10T14:30:00+03:00`), or a wall-clock time (`2025-06-10T14:30`, what
 * `<input type="datetime-local">` sends) together with the IANA zone it was read in. The reading
 * itself is src/lib/time (Temporal): here only the messages an editor sees.
 */
import { parseInstant, parseLocalInput } from '../../time/local-input';
import { isTimeZone } from '../../time/zone';

export { isTimeZone };

const WITH_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const LOCAL = /^\d{4,}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(\.\d{1,9})?)?$/;

export type PublishedAtResult = { ok: true; date: Date } | { ok: false; error: string };

/**
 * Reads a publication time. A value with an offset stands alone; a value without one needs
 * `timeZone` (a time skipped or repeated by a clock change reads as Temporal's "compatible").
 * Anything else (or an impossible date) gets an error message for the editor.
 */
export function parsePublishedAt(value: unknown, timeZone?: string | null): PublishedAtResult {
	if (value instanceof Date) {
		return Number.isNaN(value.getTime())
			? { ok: false, error: 'Not a valid date.' }
			: { ok: true, date: value };
	}
	if (typeof value !== 'string' || !value.trim()) {
		return { ok: false, error: 'Enter the publication date and time.' };
	}
	const text = value.trim();
	const local = LOCAL.test(text);
	if (!local && !WITH_OFFSET.test(text)) {
		return { ok: false, error: 'Use an ISO 8601 date-time such as 2025-06-10T14:30:00+03:00.' };
	}
	if (local && !timeZone) {
		return { ok: false, error: 'Give a UTC offset (such as +03:00) or a time zone.' };
	}
	if (local && !isTimeZone(timeZone!))
		return { ok: false, error: `Unknown time zone "${timeZone}".` };
	const parsed = local ? parseLocalInput(text, timeZone!) : parseInstant(text);
	if (parsed.ok) return parsed;
	return {
		ok: false,
		error: parsed.error.startsWith('Use a year') ? parsed.error : 'Not a valid date.'
	};
}
