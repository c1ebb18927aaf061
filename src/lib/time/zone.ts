/**
 * Which time zones we accept. Events and articles name the IANA zone of the place ("Europe/Kyiv",
 * "America/Santiago", or "UTC"); a bare offset such as "+03:00" is refused because it cannot
 * follow a place through daylight saving. Intl only, so reader pages can use it without Temporal.
 */

// Building a DateTimeFormat costs far more than using one: a 500-event page asked thousands of
// times whether the same few zones were valid (2.6 s of its load in the bench profile).
const checked = new Map<string, boolean>();

/** True when the zone is an IANA name (or UTC) that this runtime knows. */
export function isTimeZone(zone: string): boolean {
	if (typeof zone !== 'string' || !zone || zone.length > 100 || /^[+-]?\d/.test(zone)) return false;
	let known = checked.get(zone);
	if (known === undefined) {
		try {
			new Intl.DateTimeFormat('en-US', { timeZone: zone });
			known = true;
		} catch {
			known = false;
		}
		if (checked.size > 1000) checked.clear();
		checked.set(zone, known);
	}
	return known;
}

/** The zone itself when valid; a bad zone in stored data falls back to UTC rather than breaking a page. */
export function safeTimeZone(zone: string): string {
	return isTimeZone(zone) ? zone : 'UTC';
}

/** 'America/New_York' → 'New York'; 'UTC' stays 'UTC'. */
export function zoneCity(zone: string): string {
	const safe = safeTimeZone(zone);
	if (safe === 'UTC' || safe === 'Etc/UTC') return 'UTC';
	return (safe.split('/').pop() ?? safe).replaceAll('_', ' ');
}
