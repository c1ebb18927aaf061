import { type RequestHandler } from '@sveltejs/kit';
import * as publicApi from '$lib/server/db/public-api';
import { gzipSync } from 'node:zlib';
import { swrCache } from '$lib/server/http/swr-cache';
import { edgeHeaders } from '$lib/server/http/edge-cache';
import { apiError, notModified, respond } from './params';
import { eventJson, storyJson } from './shape';
import { staffStory } from './staff-read';
import { LIMITS } from '$lib/schemas/limits';
import { MAX_ID } from '$lib/schemas/parts';
import { SLUG_REGEX } from '$lib/schemas/story';

interface Answer {
	status: number;
	body: Buffer;
	/** The same bytes gzipped once, for clients that accept it (a 500-event story is ~10× smaller). */
	gzip: Buffer;
	etag: string | null;
	storyId: number;
}

// Readers' tools poll this: answers are kept in memory and rebuilt in the background once older
// than 2 s, so a change shows within a couple of seconds and polling costs no queries.
const cache = swrCache<Answer>({ freshMs: 2_000, maxEntries: 1_000 });

async function build(idOrSlug: number | string): Promise<Answer> {
	const story = await publicApi.getStory(idOrSlug);
	if (!story)
		return { status: 404, body: Buffer.alloc(0), gzip: Buffer.alloc(0), etag: null, storyId: 0 };
	// The answer holds the events too: its ETag follows the story's latest revision (any event
	// change makes one), with the row's version first, which is what If-Match is checked on.
	const [revision, events] = await Promise.all([
		publicApi.storyRevision(story.id),
		publicApi.listEvents({ storyId: story.id }, { limit: 10_000 })
	]);
	const body = Buffer.from(JSON.stringify({ ...storyJson(story), events: events.map(eventJson) }));
	const gzip = gzipSync(body);
	return {
		status: 200,
		body,
		gzip,
		etag: `"${story.version}-r${revision}"`,
		storyId: story.id
	};
}

/** A numeric id or a slug; undefined for what can name no story (so it never reaches SQL). */
function storyKey(key: string): number | string | undefined {
	if (/^\d+$/.test(key)) return Number(key) <= MAX_ID ? Number(key) : undefined;
	const slug = key.normalize('NFC');
	return slug.length <= LIMITS.slug && SLUG_REGEX.test(slug) ? slug : undefined;
}

/**
 * GET /api/v1/stories/{id}: a published story by numeric id or slug, with its published events;
 * staff who may edit a draft story also get it, with all its live events (staff-read.ts).
 */
export const GET: RequestHandler = ({ params, request, locals }) =>
	respond(async () => {
		const key = params.id ?? '';
		const idOrSlug = storyKey(key);
		const missing = () => apiError(404, 'No published story with that id or slug.');
		if (idOrSlug === undefined) return missing();
		const answer = await cache.get(String(idOrSlug), () => build(idOrSlug));
		if (answer.status === 404 || !answer.etag)
			return (await staffStory(locals.user, idOrSlug, request)) ?? missing();
		const cached = notModified(request, answer.etag);
		if (cached) return cached;
		const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
		const bytes = gzip ? answer.gzip : answer.body;
		return new Response(new Uint8Array(bytes), {
			headers: {
				'Content-Type': 'application/json',
				...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
				'Content-Length': String(bytes.byteLength),
				Vary: 'Accept-Encoding',
				// One ETag for both encodings: it names the story's state, which If-Match checks.
				ETag: answer.etag,
				// Browsers revalidate every time; shared caches keep it briefly, tagged for purges.
				...edgeHeaders(answer.storyId)
			}
		});
	});
