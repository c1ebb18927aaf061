/**
 * Server-Sent Events for an open story page (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * `event: change`, `id:` the story_changes id, data `{kind, id, change}` (id of the event or
 * article). A reconnect sends `Last-Event-ID` and gets what it missed from the table; a first
 * connect passes `?after=` (the latest change id the page was rendered with).
 */
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as changes from '$lib/server/db/changes';
import * as stories from '$lib/server/db/stories';
import { subscribe, type LiveChange } from '$lib/server/live/listener';
import { log } from '$lib/server/log/logger';

const HEARTBEAT_MS = 15_000;
const RETRY_MS = 5_000;

/** A change id as the client sent it back; anything else means "from now". */
function parseId(value: string | null): number | undefined {
	return value && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

export const GET: RequestHandler = async ({ params, request, url }) => {
	const story = await stories.getPublishedBySlug(params.slug);
	if (!story) error(404, 'Story not found');

	const resumeFrom =
		parseId(request.headers.get('last-event-id')) ?? parseId(url.searchParams.get('after'));
	let lastSent = resumeFrom ?? (await changes.latestId(story.id));

	const encoder = new TextEncoder();
	let controller!: ReadableStreamDefaultController<Uint8Array>;
	let closed = false;
	let heartbeat: ReturnType<typeof setInterval> | undefined = undefined;
	let unsubscribe: (() => void) | undefined;
	// Catch-ups and live changes go out one at a time, in id order, each at most once.
	let queue: Promise<unknown> = Promise.resolve();

	const send = (text: string) => {
		if (!closed) controller.enqueue(encoder.encode(text));
	};
	const sendChange = (change: LiveChange) => {
		if (change.id <= lastSent) return;
		lastSent = change.id;
		const data = { kind: change.kind, id: change.entityId, change: change.change };
		send(`id: ${change.id}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`);
	};
	const close = () => {
		if (closed) return;
		closed = true;
		clearInterval(heartbeat);
		unsubscribe?.();
		try {
			controller.close();
		} catch {
			// Already closed by the client going away.
		}
	};
	const enqueue = (task: () => unknown) => {
		queue = queue.then(task).catch((cause: unknown) => {
			log.warn({ err: cause, storyId: story.id }, 'live stream failed, the browser will reconnect');
			close();
		});
	};
	const catchUp = async () => {
		for (;;) {
			if (closed) return;
			const missed = await changes.since(story.id, lastSent);
			for (const change of missed) sendChange(change);
			if (missed.length < changes.SINCE_LIMIT) return;
		}
	};

	const body = new ReadableStream<Uint8Array>({
		start: (c) => {
			controller = c;
		},
		cancel: close
	});

	try {
		// Listening before reading the table: a change lands in one or the other, never between.
		unsubscribe = await subscribe(story.id, {
			change: (change) => enqueue(() => sendChange(change)),
			resync: () => enqueue(catchUp),
			close
		});
	} catch (cause) {
		log.warn({ err: cause }, 'could not listen for story changes');
		closed = true;
		error(503, 'Live updates are unavailable');
	}
	if (request.signal.aborted) close();
	else request.signal.addEventListener('abort', close, { once: true });

	send(`retry: ${RETRY_MS}\n: connected\n\n`);
	enqueue(catchUp);
	heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);

	return new Response(body, {
		headers: {
			'Content-Type': 'text/event-stream; charset=utf-8',
			'Cache-Control': 'no-cache, no-transform',
			'X-Accel-Buffering': 'no'
		}
	});
};
