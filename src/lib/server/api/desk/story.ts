/**
 * PATCH / PUT / DELETE /api/v1/stories/{id} for the desk. A contributor may change a draft
 * story; publishing, withdrawing, changing a published story and deleting need an editor.
 */
import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { hasRole, requireApiRole } from '$lib/server/auth/guard';
import { sql } from '$lib/server/db/client';
import * as audit from '$lib/server/db/audit';
import * as deskStories from '$lib/server/db/desk-stories';
import { parseStory } from '$lib/desk/story-input';
import { fieldErrors } from '$lib/schemas/errors';
import { StoryChange, StoryReplace } from '$lib/schemas/story';
import type { Story } from '$lib/types';
import { etag, expectedVersion, invalid, parseId, problem, readObject, stale } from './http';

function storyBody(story: Story) {
	return { ...story, publishedAt: story.publishedAt?.toISOString() ?? null };
}

async function change(event: RequestEvent, replace: boolean): Promise<Response> {
	const user = requireApiRole(event, 'contributor');
	const id = parseId(event.params.id);
	if (id === null) return problem(404, 'No story with that id.');
	const expected = expectedVersion(event.request);
	if (expected instanceof Response) return expected;
	const body = await readObject(event.request);
	if (body instanceof Response) return body;
	const current = await deskStories.get(id);
	if (!current) return problem(404, 'No story with that id.');
	if (current.version !== expected) return stale(current.version);

	// The body as the OpenAPI document describes it (StoryChange / StoryReplace).
	const shape = (replace ? StoryReplace : StoryChange).safeParse(body);
	if (!shape.success) return invalid(fieldErrors(shape.error));
	const merged = replace ? body : { ...current, ...body };
	const parsed = parseStory(merged);
	const publication = merged.publication ?? current.publication;
	if (publication !== 'draft' && publication !== 'published')
		return invalid({ publication: 'Choose draft or published.' });
	if (!parsed.ok) return invalid(parsed.errors);

	const editor = hasRole(user, 'editor');
	if (
		!editor &&
		(current.publication === 'published' ||
			publication !== current.publication ||
			parsed.value.status !== current.status)
	)
		return problem(
			403,
			'Publishing, withdrawing and changing a published story need the editor role.'
		);
	if (await deskStories.slugTaken(parsed.value.slug, id))
		return problem(409, 'Another story already uses that slug.', {
			fields: { slug: 'Already in use.' }
		});

	const result = await sql.begin(async (tx) => {
		await deskStories.actAs(user.id, tx);
		const updated = await deskStories.update(id, expected, parsed.value, tx);
		if (!updated.ok || publication === current.publication) return updated;
		const published = await deskStories.setPublication(id, updated.value.version, publication, tx);
		const action = publication === 'published' ? 'story.published' : 'story.unpublished';
		await audit.record(
			{
				actorId: user.id,
				clientAddress: event.getClientAddress(),
				action,
				entityType: 'story',
				entityId: id
			},
			tx
		);
		return published;
	});
	if (!result.ok) return stale(result.current?.version ?? expected);
	return json(storyBody(result.value), { headers: { ETag: etag(result.value.version) } });
}

export const PATCH: RequestHandler = (event) => change(event, false);
export const PUT: RequestHandler = (event) => change(event, true);

export const DELETE: RequestHandler = async (event) => {
	const user = requireApiRole(event, 'editor');
	const id = parseId(event.params.id);
	if (id === null) return problem(404, 'No story with that id.');
	const expected = expectedVersion(event.request);
	if (expected instanceof Response) return expected;
	const current = await deskStories.get(id);
	if (!current) return problem(404, 'No story with that id.');
	if (current.version !== expected) return stale(current.version);
	const deleted = await sql.begin(async (tx) => {
		await deskStories.actAs(user.id, tx);
		const done = await deskStories.softDelete(id, expected, tx);
		if (done)
			await audit.record(
				{
					actorId: user.id,
					clientAddress: event.getClientAddress(),
					action: 'story.deleted',
					entityType: 'story',
					entityId: id,
					before: storyBody(current)
				},
				tx
			);
		return done;
	});
	if (!deleted) return stale(current.version);
	return new Response(null, { status: 204 });
};
