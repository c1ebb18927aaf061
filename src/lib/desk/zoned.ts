/**
 * The desk form's dates: datetime-local values read and written as wall-clock time at the
 * event's place, through the one time module (src/lib/time).
 */
import { formatLocalInput, parseLocalInput } from '$lib/time/local-input';

/** An instant as the value of a datetime-local input in `timeZone` ("0001-03-01T12:00"). */
export function toLocalInput(date: Date, timeZone: string): string {
	return formatLocalInput(date, timeZone);
}

/**
 * A datetime-local value ('2025-03-01T14:30') read as wall-clock time in `timeZone`, or null when
 * it is not one (or its year is outside 0001–9999). A time skipped when clocks go forward moves
 * forward by the gap; one that happens twice is the earlier.
 */
export function fromLocalInput(value: string, timeZone: string): Date | null {
	const parsed = parseLocalInput(value, timeZone);
	return parsed.ok ? parsed.date : null;
}
