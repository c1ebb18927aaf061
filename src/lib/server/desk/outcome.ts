/**
 * What the desk's form actions share as doors: the acting staff member (anonymous callers are
 * sent to sign in; every staff role may reach a command, which decides), and the HTTP answer for
 * a command that refused or found nothing. Invalid and stale results stay with each action, which
 * knows how to show them beside its form.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { actorOf, type Actor } from '$lib/server/newsroom/actor';
import type { CommandResult } from '$lib/server/newsroom/result';

export function deskActor(event: RequestEvent): Actor {
	return actorOf(requireRole(event, 'contributor'), event.getClientAddress());
}

/** Throws 403 or 404 for a refused or missing target; returns the other results as they are. */
export function unlessRefused<T, R extends CommandResult<T>>(
	result: R
): Exclude<R, { kind: 'forbidden' } | { kind: 'notFound' }> {
	if (result.kind === 'forbidden') error(403, result.message);
	if (result.kind === 'notFound') error(404, result.message);
	return result as Exclude<R, { kind: 'forbidden' } | { kind: 'notFound' }>;
}
