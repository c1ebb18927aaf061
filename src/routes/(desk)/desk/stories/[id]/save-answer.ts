/** Maps the story commands' results to the desk's answers (fail() or an error page). */
import { error, fail } from '@sveltejs/kit';
import { conflictRows } from '$lib/desk/form';
import type { CommandResult } from '$lib/server/newsroom/result';
import type { StoryConflict, StoryField } from '$lib/server/newsroom/stories';
import type { Story } from '$lib/types';

const LABELS: Record<StoryField, string> = {
	title: 'Title',
	slug: 'Slug',
	summary: 'Summary',
	status: 'Status',
	language: 'Language'
};

/**
 * Every outcome but success for the actions without a form of their own: refusals and missing
 * stories are whole-page answers (nothing on the page would help), the rest a message.
 */
export function refusedOrMissing(result: Exclude<CommandResult<unknown>, { kind: 'ok' }>) {
	if (result.kind === 'forbidden') error(403, result.message);
	if (result.kind === 'notFound') error(404, result.message);
	if (result.kind === 'stale')
		return fail(409, { message: 'The story changed since you opened it: reload and try again.' });
	return fail(400, { message: Object.values(result.errors)[0] ?? 'Reload and try again.' });
}

const isConflict = (current: unknown): current is StoryConflict =>
	typeof current === 'object' && current !== null && 'conflicts' in current;

/**
 * A save's answer. On a conflict the form shows the story as saved now with the editor's own
 * changes on top (their values only where both changed a field), at the current version, and
 * the conflict view lists only the fields both changed: saving again keeps the other editor's
 * other changes.
 */
export function saveAnswer(
	result: CommandResult<Story>,
	values: Record<string, string>,
	version: number
) {
	switch (result.kind) {
		case 'ok':
			return { message: 'Saved.', saved: true };
		case 'invalid':
			return fail(400, { errors: result.errors, values, version });
		case 'stale': {
			if (!isConflict(result.current))
				return fail(409, {
					errors: {},
					values,
					version,
					message: 'The story changed since you opened it: reload and try again.'
				});
			const { story, conflicts, values: merged } = result.current;
			const labels = Object.fromEntries(conflicts.map((key) => [key, LABELS[key]]));
			const theirs = Object.fromEntries(conflicts.map((key) => [key, story[key]]));
			return fail(409, {
				conflict: conflictRows(labels, theirs, values),
				values: { ...values, ...merged },
				version: story.version,
				errors: {}
			});
		}
		default:
			return refusedOrMissing(result);
	}
}
