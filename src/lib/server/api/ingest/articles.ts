/**
 * POST /api/v1/articles: a newsroom system hands us an article (contributor's Bearer token).
 * 201 with Location for a new article, 200 with the stored one when we already have it (same
 * URL or same text), 400 `{error, fields}`, 413 over the size cap, 415 when it is not JSON.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { requireApiRole } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/newsroom/actor';
import { ingestArticle, TOO_LARGE } from '$lib/server/newsroom/articles';
import type { Article } from '$lib/types';
import { readCapped, TooLarge } from '$lib/server/http/read-capped';

/** The article body may be 1 MB; JSON escaping and the other fields get the same again. */
const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

function problem(status: number, error: string, extra: Record<string, unknown> = {}) {
	return json({ error, ...extra }, { status });
}

/** 413 before the upload has been read: close the connection rather than take the rest. */
function tooLarge(): Response {
	return json(
		{ error: 'The request is larger than 2 MB.' },
		{ status: 413, headers: { connection: 'close' } }
	);
}

function articleJson(article: Article) {
	return {
		id: article.id,
		headline: article.headline,
		dek: article.dek,
		source: article.source,
		section: article.section,
		url: article.url,
		language: article.language,
		publishedAt: article.publishedAt.toISOString(),
		ingestedAt: article.ingestedAt.toISOString()
	};
}

export const POST: RequestHandler = async (event) => {
	const user = requireApiRole(event, 'contributor');
	const { request } = event;

	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
		return problem(415, 'Send the article as JSON (Content-Type: application/json).');
	}
	let text: string;
	try {
		text = await readCapped(request, MAX_REQUEST_BYTES);
	} catch (error) {
		if (error instanceof TooLarge) return tooLarge();
		throw error;
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return problem(400, 'The body is not valid JSON.', { fields: {} });
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return problem(400, 'The body must be a JSON object.', { fields: {} });
	}
	const input = body as Record<string, unknown>;

	const result = await ingestArticle(actorOf(user, event.getClientAddress()), {
		headline: input.headline,
		dek: input.dek,
		body: input.body,
		source: input.source,
		section: input.section,
		url: input.url,
		publishedAt: input.publishedAt,
		language: input.language,
		timeZone: input.timeZone
	});
	switch (result.kind) {
		case 'ok': {
			const { article, created } = result.value;
			const location = `/desk/articles/${article.id}`;
			return json(
				{ ...articleJson(article), created },
				{ status: created ? 201 : 200, headers: { location } }
			);
		}
		case 'invalid':
			return result.message === TOO_LARGE
				? problem(413, TOO_LARGE, { fields: result.errors })
				: problem(400, 'Some fields are not valid.', { fields: result.errors });
		case 'forbidden':
			return problem(403, result.message);
		default:
			return problem(409, 'Try again.');
	}
};
