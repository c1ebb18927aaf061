/**
 * Draws a server-rendered page's timelines before the page hydrates, in the browser only.
 *
 * Why: the timeline was drawn after the whole story page had hydrated (list, thread, overview).
 * On a 500-event story that put the first timeline item 25–30 % behind a bare vis-timeline page
 * of the same events (`npm run bench`). The page's content does not wait on this: the server
 * rendered it, and it works without JavaScript.
 *
 * How: Timeline.svelte's server render writes the timeline's data into its canvas
 * (`data-timeline-boot`, timeline-boot-data.ts). The story page's head loads
 * timeline-boot-entry.ts as an async module, with vis-timeline preloaded beside it
 * (server/http/timeline-modules.ts), so both arrive while the page is parsed. The entry draws
 * the timeline when the browser runs it: Chromium does once the document is parsed, 40–90 ms
 * before SvelteKit's code has started. The client `init` hook (src/hooks.client.ts) draws any
 * the entry did not (vite dev has no entry; a browser that ran it before the canvas was parsed)
 * and holds hydration back a moment for them. When Timeline.svelte mounts it takes the
 * timeline over with its own items and handlers (adoptBootedTimeline); what the reader did in
 * between (selected an item, moved the window) is handed over then, not lost.
 */
import type { TimelineWindow, TimelineItem } from './timeline-items';
import { sameTimelineItems, unpackTimelineBoot } from './timeline-boot-data';
import { createTimeline, type BuiltTimeline, type TimelineHandlers } from './vis-timeline';

export const BOOT_ATTRIBUTE = 'data-timeline-boot';

interface Booted {
	built: BuiltTimeline;
	items: TimelineItem[];
	/** What the reader did before the page took over (the last of each). */
	missed: { select?: number; window?: TimelineWindow; range?: TimelineWindow };
}

const booted = new WeakMap<Element, Promise<Booted>>();

const started: Promise<Booted>[] = [];

/**
 * Starts drawing every timeline the server wrote data for that is not drawn yet; settles when
 * all that were started are drawn (or failed).
 */
export function bootTimelines(): Promise<unknown> {
	for (const container of document.querySelectorAll<HTMLElement>(`[${BOOT_ATTRIBUTE}]`)) {
		const data = unpackTimelineBoot(container.getAttribute(BOOT_ATTRIBUTE) ?? '');
		container.removeAttribute(BOOT_ATTRIBUTE);
		if (!data || data.items.length === 0) continue;
		const missed: Booted['missed'] = {};
		const promise = createTimeline(container, data, {
			onselect: (eventId) => (missed.select = eventId),
			onwindowchange: (window) => (missed.window = window),
			onrange: (window) => (missed.range = window)
		}).then((built) => ({ built, items: data.items, missed }));
		// Timeline.svelte builds its own when this fails.
		promise.catch((error: unknown) =>
			console.error('The timeline could not be drawn early', error)
		);
		booted.set(container, promise);
		started.push(promise);
	}
	return Promise.allSettled(started);
}

/**
 * The timeline drawn early in this container, handed the page's items and handlers; null when
 * there is none, it failed, or it shows other items than the page's (then it is removed, and
 * the caller builds afresh).
 */
export async function adoptBootedTimeline(
	container: HTMLElement,
	items: TimelineItem[],
	handlers: TimelineHandlers
): Promise<BuiltTimeline | null> {
	const promise = booted.get(container);
	if (!promise) return null;
	booted.delete(container);
	const early = await promise.catch(() => null);
	if (!early) {
		// Whatever a failed drawing left in the canvas goes, so the page's own is the only one.
		container.replaceChildren();
		return null;
	}
	if (!sameTimelineItems(early.items, items)) {
		early.built.timeline.destroy();
		return null;
	}
	early.built.adopt(items, handlers);
	const { select, window, range } = early.missed;
	if (range) handlers.onrange?.(range);
	if (window) handlers.onwindowchange?.(window);
	if (select !== undefined) handlers.onselect?.(select);
	return early.built;
}
