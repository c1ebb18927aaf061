/**
 * Saves an event's new dates from the editable timeline through the desk API, with the version
 * the page last saw (If-Match), so a drag never overwrites someone else's edit.
 */
export type MoveResult = { ok: true; version: number } | { ok: false; message: string };

export async function saveEventDates(
	id: number,
	version: number,
	start: Date,
	end: Date | null,
	fetcher: typeof fetch = fetch
): Promise<MoveResult> {
	const response = await fetcher(`/api/v1/events/${id}`, {
		method: 'PATCH',
		headers: { 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
		body: JSON.stringify({
			occurredStart: start.toISOString(),
			occurredEnd: end?.toISOString() ?? null
		})
	});
	if (response.ok) {
		const body = (await response.json()) as { version: number };
		return { ok: true, version: body.version };
	}
	if (response.status === 412)
		return {
			ok: false,
			message: 'Someone changed this event meanwhile: reload to see their version.'
		};
	const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
	return { ok: false, message: body.error ?? body.message ?? `Not saved (${response.status}).` };
}
