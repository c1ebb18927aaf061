import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { render as renderComponent } from 'svelte/server';
import type { RequestHandler } from './$types';
import * as embeds from '$lib/server/db/embeds';
import {
	effectiveOrder,
	embedLanguage,
	embedQuery,
	matchesOptions,
	parseEmbedOptions,
	type EmbedOptions
} from '$lib/embed/options';
import { translator } from '$lib/i18n';
import { escapeHtml } from '$lib/format/html';
import { shapeTimeline } from '$lib/embed/timeline-shape';
import { formatWhen } from '$lib/embed/when';
import { EMBED_CSP, embedDocument } from '$lib/embed/document';
import Embed from '$lib/embed/Embed.svelte';
import { swrCache } from '$lib/server/http/swr-cache';
import { digestOf } from '$lib/server/http/digest';
import { edgeHeaders } from '$lib/server/http/edge-cache';

/**
 * The embeddable timeline: a whole HTML document rendered with svelte/server (the site layout
 * and the SvelteKit client stay out), cached briefly in memory as plain and gzip bytes with a
 * strong ETag of its content. Frameable from anywhere allowed by EMBED_FRAME_ANCESTORS (the
 * handle adds frame-ancestors and strips cookies).
 */

interface Rendered {
	status: number;
	html: Buffer;
	gzip: Buffer;
	etag: string;
	/** Of the data it was rendered from: a refresh that finds the same data renders nothing. */
	digest: string;
	/** For the edge cache's tag; 0 when the story is not found. */
	storyId: number;
}

// Served from memory and checked again in the background once older than 5 s (see swr-cache),
// so a busy embed costs one check per few seconds, not one per request. The check reloads the
// data; only changed data is rendered and compressed again (130 ms of CPU at 500 events, which
// landed while the reader's browser was drawing the embed).
const cache = swrCache<Rendered>({ freshMs: 5_000, maxEntries: 500, name: 'embed' });

async function build(
	slug: string,
	options: EmbedOptions,
	origin: string,
	previous?: Rendered
): Promise<Rendered> {
	const data = await embeds.getForEmbed(slug, options.version);
	const digest = digestOf(data ?? null);
	return previous?.digest === digest ? previous : render(data, options, origin, digest);
}

function render(
	data: Awaited<ReturnType<typeof embeds.getForEmbed>>,
	options: EmbedOptions,
	origin: string,
	digest: string
): Rendered {
	let status = 200;
	let html: string;
	const lang = embedLanguage(options, data?.story.language ?? null);
	if (!data) {
		status = 404;
		const t = translator(lang);
		html = embedDocument({
			title: `${t('embed.notFoundTitle')} · Throughline`, // escaped by embedDocument
			options,
			lang,
			body: `<div class="embed"><p class="note">${escapeHtml(t('embed.notFound'))}</p></div>`
		});
	} else {
		const order = effectiveOrder(options, data.story);
		const matching = data.events.filter((event) => matchesOptions(event, options));
		const listed = order === 'newest' ? matching.reverse() : matching;
		// The list and the picture show the same entries, so the timeline's scale is the window
		// a reader is looking at (the newest days of a long story, not all of it squeezed).
		const shown = listed.slice(0, options.limit);
		const whenById = new Map(shown.map((event) => [event.id, formatWhen(event, lang)]));
		const shape = options.mode === 'timeline' ? shapeTimeline(shown, lang) : null;
		const storyUrl = `${origin}/stories/${encodeURIComponent(data.story.slug)}`;
		const { body, head } = renderComponent(Embed, {
			props: {
				data,
				shown,
				total: matching.length,
				shape,
				options,
				lang,
				order,
				storyUrl,
				whenById
			}
		});
		html = embedDocument({
			title: `${data.story.title} · Throughline`,
			options,
			lang,
			// Svelte's hydration markers serve no client here. Text is escaped, so every `<!--`
			// in the output is one of them.
			body: body.replace(/<!--[\s\S]*?-->/g, ''),
			head,
			canonical: storyUrl
		});
	}
	const bytes = Buffer.from(html);
	const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
	return {
		status,
		html: bytes,
		gzip: gzipSync(bytes, { level: 9 }),
		etag,
		digest,
		storyId: data?.story.id ?? 0
	};
}

export const GET: RequestHandler = async ({ params, url, request }) => {
	const options = parseEmbedOptions(url.searchParams);
	const key = `${url.origin}/${params.slug}${embedQuery(options)}`;
	const entry = await cache.get(key, (previous) =>
		build(params.slug, options, url.origin, previous)
	);

	// The gzip bytes are another representation: a strong ETag of their own.
	const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	const etag = gzip ? `${entry.etag.slice(0, -1)}-gz"` : entry.etag;
	const headers = new Headers({
		'content-type': 'text/html; charset=utf-8',
		...(entry.status === 200
			? edgeHeaders(entry.storyId, 60)
			: { 'cache-control': 'public, max-age=60' }),
		'content-security-policy': EMBED_CSP,
		etag,
		vary: 'Accept-Encoding'
	});
	const match = request.headers.get('if-none-match');
	if (entry.status === 200 && match && match.split(/\s*,\s*/).includes(etag))
		return new Response(null, { status: 304, headers });

	if (gzip) headers.set('content-encoding', 'gzip');
	const body = gzip ? entry.gzip : entry.html;
	headers.set('content-length', String(body.byteLength));
	return new Response(new Uint8Array(body), { status: entry.status, headers });
};
