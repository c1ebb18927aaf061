/**
 * Reading PostgreSQL's timestamptz text. postgres.js hands it to `new Date`, and V8 misreads the
 * years before 1000 in that format: "0001-03-01 11:10:04+00" came back as 3 January 2001. Server
 * only (Temporal), used as the pool's timestamptz parser (src/lib/server/db/client.ts).
 */
import { Temporal } from 'temporal-polyfill';

/** PostgreSQL's ISO output ("2025-12-07 05:00:00.123+00", "0001-03-01 11:10:04+00:49:56"). */
export function parseTimestamptz(text: string): Date {
	// Four-digit years from 1000 on parse natively, and fast: the common case on every page.
	if (/^[1-9]\d{3}-/.test(text)) return new Date(text);
	try {
		return new Date(Temporal.Instant.from(text.replace(' ', 'T')).epochMilliseconds);
	} catch {
		// "infinity" and BC dates, which no column we read can hold (each has a CHECK).
		return new Date(Number.NaN);
	}
}
