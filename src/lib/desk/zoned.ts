import { safeTimeZone, zonedParts } from '$lib/format/dates';

const pad = (n: number) => String(n).padStart(2, '0');
const LOCAL = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/;

/** An instant as the value of a datetime-local input, read as wall-clock time in `timeZone`. */
export function toLocalInput(date: Date, timeZone: string): string {
	const p = zonedParts(date, timeZone);
	return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * A datetime-local value ('2025-03-01T14:30') read as wall-clock time in `timeZone`, or null when
 * it is not one. Adjusts twice so a time next to a DST change lands on the zone's offset.
 */
export function fromLocalInput(value: string, timeZone: string): Date | null {
	const m = LOCAL.exec(value);
	if (!m) return null;
	const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
		number,
		number,
		number,
		number,
		number
	];
	const wall = Date.UTC(year, month - 1, day, hour, minute);
	const zone = safeTimeZone(timeZone);
	let guess = wall;
	for (let i = 0; i < 2; i++) {
		const p = zonedParts(new Date(guess), zone);
		const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
		guess += wall - shown;
	}
	const date = new Date(guess);
	return Number.isNaN(date.getTime()) ? null : date;
}
