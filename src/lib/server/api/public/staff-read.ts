/**
 * What a staff member's token (or session) may read beyond the public API: a draft story or a
 * draft event they may edit, in the same shape and with its ETag, so an API client can send
 * If-Match. The policy decides who: contributors may edit drafts, so they may read them. These
 * answers are private (never cached by anyone between).
 */
import { json } from '@sveltejs/kit';
import type { DeskUser } from '$lib/server/auth/guard';
import * as publicApi from '$lib/server/db/public-api';
import { may } from '$lib/server/newsroom/policy';
import { etag, notModified } from './params';
import { eventJson, storyJson } from './shape';

const PRIVATE = { 'Cache-Control': 'private, no-store', Vary: 'Authorization, Cookie' };

/** A story readers cannot see yet, for staff who may edit it; undefined otherwise. */
export async function staffStory(
	user: DeskUser | null,
	idOrSlug: number | string,
	request: Request
): Promise<Response | undefined> {
	if (!user || !may(user.role, 'story.edit', 'draft')) return undefined;
	const story = await publicApi.getStoryAnyState(idOrSlug);
	if (!story || story.publication !== 'draft') return undefined;
	const [revision, events] = await Promise.all([
		publicApi.storyRevision(story.id),
		publicApi.listStoryEventsAnyState(story.id)
	]);
	const tag = `"${story.version}-r${revision}"`;
	const cached = notModified(request, tag);
	if (cached) return cached;
	const body = { ...storyJson(story), events: events.map(eventJson) };
	return json(body, { headers: { ETag: tag, ...PRIVATE } });
}

/** An event readers cannot see (a draft, or in a draft story), for staff who may edit it. */
export async function staffEvent(
	user: DeskUser | null,
	id: number,
	request: Request
): Promise<Response | undefined> {
	if (!user || !may(user.role, 'event.edit', 'draft')) return undefined;
	const event = await publicApi.getEventAnyState(id);
	if (!event) return undefined;
	const state = event.status === 'published' ? 'published' : 'draft';
	if (!may(user.role, 'event.edit', state)) return undefined;
	const tag = etag(event.version);
	const cached = notModified(request, tag);
	if (cached) return cached;
	return json(eventJson(event), { headers: { ETag: tag, ...PRIVATE } });
}
