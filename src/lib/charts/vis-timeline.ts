/**
 * Builds the vis-timeline for Timeline.svelte. Browser only: vis-timeline touches the DOM on
 * import, so it is loaded here with a dynamic import. Every label and tooltip is a text node,
 * never HTML from the database. Options: https://visjs.github.io/vis-timeline/docs/timeline/
 */
import type { DataItem, Timeline as VisTimeline } from 'vis-timeline/esnext';
import type { TimelineGroup, TimelineItem, TimelineWindow } from './timeline-items';
import { allWindow } from './timeline-items';
import { levelOfDetail, LOD_MIN_ITEMS, type TimelineCluster } from './timeline-lod';
import { axisOptions } from './axis-labels';
import { translator } from '$lib/i18n';

export interface TimelineHandlers {
	onselect?: (eventId: number) => void;
	/** After the reader pans or zooms (not when the page moves the window). */
	onwindowchange?: (window: TimelineWindow) => void;
	/** Every change of the visible window, live while dragging, whoever made it. */
	onrange?: (window: TimelineWindow) => void;
	/** The pointer entered (an event id) or left (null) an item. */
	onhover?: (eventId: number | null) => void;
}

export interface BuiltTimeline {
	timeline: VisTimeline;
	/** Marks the items of these events (hovering an article in the thread view). */
	highlight(eventIds: number[]): void;
	/** Brings an item into view (zooming in when it sits inside a cluster). */
	reveal(item: TimelineItem): void;
	/** Selects an item, again once it is drawn if it is inside a cluster for now. */
	select(itemId: string | null): void;
}

/** Data becomes a text node, never markup. */
function text(value: string, className?: string): HTMLElement {
	const element = document.createElement('span');
	if (className) element.className = className;
	element.textContent = value;
	return element;
}

// vis-timeline's types say string, but it appends an Element as is (and xss-filters strings).
const asContent = (element: HTMLElement) => element as unknown as string;

let modules: Promise<[typeof import('vis-timeline/esnext'), typeof import('vis-data/esnext')]>;

/**
 * Starts fetching vis-timeline (once). Called when Timeline.svelte's code loads, so the download
 * and compile overlap the page's hydration instead of following it; the timeline is still out of
 * the first load (the server's picture stands in for it until then, TimelinePreview.svelte).
 */
export function loadVisTimeline() {
	modules ??= Promise.all([import('vis-timeline/esnext'), import('vis-data/esnext')]);
	return modules;
}

export async function createTimeline(
	container: HTMLElement,
	{
		groups,
		items,
		window,
		height,
		locale = 'en'
	}: {
		groups: TimelineGroup[];
		items: TimelineItem[];
		window: TimelineWindow | null;
		/** A fixed height in px (the server's picture's), else it grows with its stacks. */
		height?: number;
		/** The language of the axis's dates. */
		locale?: string;
	},
	handlers: TimelineHandlers
): Promise<BuiltTimeline> {
	const [{ Timeline }, { DataSet }] = await loadVisTimeline();
	const t = translator(locale);
	const byId = new Map(items.map((item) => [item.id, item]));
	const visGroups = new DataSet(
		groups.map((group) => ({
			id: group.id,
			content: asContent(text(group.label)),
			className: group.className,
			order: group.order
		}))
	);
	// Long stories: vis holds only what is near the window (timeline-lod.ts), else everything.
	const lod = items.length >= LOD_MIN_ITEMS;
	let selected: string | null = null;
	let lit = new Set<number>();
	const toVis = (item: TimelineItem): DataItem => ({
		id: item.id,
		group: item.group,
		type: item.type,
		start: item.start,
		// Points carry no `end` key at all: Timeline.focus() reads `'end' in item`.
		...(item.end ? { end: item.end } : {}),
		className: lit.has(item.eventId) ? `${item.className} tl-highlight` : item.className,
		content: asContent(text(item.label))
	});
	const clusters = new Map<string, TimelineCluster>();
	const toVisCluster = (cluster: TimelineCluster): DataItem => ({
		id: cluster.id,
		group: cluster.group,
		type: 'box',
		start: new Date((cluster.start.getTime() + cluster.end.getTime()) / 2),
		className: `tl-cluster tl-kind-${cluster.group}`,
		content: asContent(text(String(cluster.count))),
		title: t('reader.timeline.cluster', { count: cluster.count })
	});
	const initialWindow = window ?? allWindow(items);
	// The canvas is display:none while empty, so before vis fills it its box reads 0 wide; its
	// parent has the width it will take (a 200 px guess drew coarse counts, then swapped them).
	const width = () =>
		Math.max((container.clientWidth || container.parentElement?.clientWidth || 0) - 120, 200);
	const detail = (range: TimelineWindow | null) =>
		range ? levelOfDetail(items, range, width()) : { items: [...items], clusters: [] };
	const first = lod ? detail(initialWindow) : { items, clusters: [] };
	for (const cluster of first.clusters) clusters.set(cluster.id, cluster);
	const visItems = new DataSet<DataItem>([
		...first.items.map(toVis),
		...first.clusters.map(toVisCluster)
	]);

	// New items go to vis a batch per frame, those nearest the middle of the view first: vis
	// draws and measures each item as it is added (a forced layout each), and the month's worth a
	// zoom brings at its end was one 100 ms task in the bench at 5,000 events.
	const BATCH = 15;
	type Pending = { start: Date; make: () => DataItem };
	let backlog: Pending[] = [];
	let backlogFrame = 0;
	function addInFrames(next: Pending[]) {
		cancelAnimationFrame(backlogFrame);
		const { start, end } = timeline.getWindow();
		const middle = (start.getTime() + end.getTime()) / 2;
		const distance = (item: Pending) => Math.abs(item.start.getTime() - middle);
		backlog = next.sort((a, b) => distance(a) - distance(b));
		const step = () => {
			if (!container.isConnected) return;
			// Made now, not when queued: a highlight may have changed in between.
			const batch = backlog.splice(0, BATCH).map((item) => item.make());
			if (batch.length) visItems.add(batch);
			if (selected && batch.some((item) => item.id === selected)) timeline.setSelection([selected]);
			if (backlog.length) backlogFrame = requestAnimationFrame(step);
		};
		step();
	}

	/** Swaps in what the current window needs: removes what left, adds what came. */
	function applyDetail() {
		const next = detail(timeline.getWindow());
		const wanted = new Set([...next.items.map((i) => i.id), ...next.clusters.map((c) => c.id)]);
		const gone = (visItems.getIds() as string[]).filter((id) => !wanted.has(id));
		for (const id of gone) clusters.delete(id);
		for (const cluster of next.clusters) clusters.set(cluster.id, cluster);
		if (gone.length) visItems.remove(gone);
		// What a previous swap had still to add is queued again here if it is still wanted.
		addInFrames([
			...next.items
				.filter((item) => !visItems.get(item.id))
				.map((item) => ({ start: item.start, make: () => toVis(item) })),
			...next.clusters
				.filter((cluster) => !visItems.get(cluster.id))
				.map((cluster) => ({ start: cluster.start, make: () => toVisCluster(cluster) }))
		]);
	}

	let pending: ReturnType<typeof setTimeout> | undefined;

	const timeline = new Timeline(container, visItems, visGroups, {
		groupOrder: 'order',
		orientation: { axis: 'top', item: 'top' },
		stack: true,
		// Dense days stack their items; maxHeight + verticalScroll lets the stack scroll.
		margin: { item: { horizontal: 4, vertical: 6 }, axis: 6 },
		...(height ? { height: `${height}px` } : { minHeight: 160, maxHeight: 520 }),
		verticalScroll: true,
		zoomKey: 'ctrlKey',
		zoomMin: 6 * 3_600_000,
		zoomMax: 5 * 365 * 86_400_000,
		showCurrentTime: false,
		...axisOptions(locale),
		multiselect: false,
		// Dense periods: more than maxItems items of one group within ~100 px become one cluster
		// (its count; double-click zooms to it). vis builds the cluster's markup by splicing the
		// title into HTML, so titleTemplate is fixed text — no quotes or angle brackets — and
		// {count}, never data. The demo story's busiest group (4 meetings) stays unclustered.
		...(lod
			? {}
			: {
					cluster: {
						maxItems: 5,
						// vis puts the count where the message's "{count}" stands.
						titleTemplate: t('reader.timeline.clusterTemplate', { count: '{count}' }),
						showStipes: true,
						fitOnDoubleClick: true
					}
				}),
		tooltip: {
			followMouse: true,
			overflowMethod: 'cap',
			// The tooltip is built from text too (a string here would be parsed as HTML). A cluster
			// is not one of our items; its title is the fixed template above with its count.
			template: (item) =>
				asContent(
					text(
						byId.get(String(item.id))?.title ?? (typeof item.title === 'string' ? item.title : ''),
						'tl-tooltip'
					)
				)
		}
	});
	// The window is set after construction: given as start/end options, vis-timeline 8.5 works
	// out the clusters but never draws them (seen in the bench: 55 clusters, none in the DOM),
	// and holds back the first drawing of items until 200 ms after. Without them it fits every
	// item into view on its first redraw, which replaced this window (a permalink's, or the
	// story's): its one-time fit is marked done so the window asked for is the one shown.
	if (initialWindow) {
		(timeline as unknown as { initialFitDone: boolean }).initialFitDone = true;
		timeline.setWindow(initialWindow.start, initialWindow.end, { animation: false });
	}
	timeline.on('select', (properties: { items: (string | number)[] }) => {
		const id = String(properties.items[0]);
		const cluster = clusters.get(id);
		if (cluster) {
			// A cluster is not an event: selecting it zooms to its stretch.
			const pad = Math.max((cluster.end.getTime() - cluster.start.getTime()) * 0.2, 3_600_000);
			timeline.setSelection([]);
			timeline.setWindow(cluster.start.getTime() - pad, cluster.end.getTime() + pad, {
				animation: { duration: 300, easingFunction: 'easeInOutQuad' }
			});
			return;
		}
		const item = byId.get(id);
		if (item) handlers.onselect?.(item.eventId);
	});
	if (lod) {
		// While the reader drags or wheels, at most one swap per 100 ms; a last one when the
		// window settles. An animation (zoom buttons, brush) swaps once at its end: each swap
		// makes vis measure every new item on screen, a forced layout each.
		timeline.on('rangechange', (properties: { byUser: boolean }) => {
			if (!properties.byUser) return;
			pending ??= setTimeout(() => {
				pending = undefined;
				// The page may have gone (and the timeline with it) in the meantime.
				if (container.isConnected) applyDetail();
			}, 100);
		});
		timeline.on('rangechanged', () => {
			clearTimeout(pending);
			pending = undefined;
			applyDetail();
		});
	}
	timeline.on('rangechanged', (properties: { start: Date; end: Date; byUser: boolean }) => {
		if (properties.byUser)
			handlers.onwindowchange?.({ start: properties.start, end: properties.end });
	});
	timeline.on('rangechange', (properties: { start: Date; end: Date }) => {
		handlers.onrange?.({ start: properties.start, end: properties.end });
	});
	timeline.on('itemover', (properties: { item: string | number }) => {
		handlers.onhover?.(byId.get(String(properties.item))?.eventId ?? null);
	});
	timeline.on('itemout', () => handlers.onhover?.(null));

	function highlight(eventIds: number[]) {
		const next = new Set(eventIds);
		// Only items vis holds (update() would add the others).
		const changed = items.filter(
			(item) => lit.has(item.eventId) !== next.has(item.eventId) && visItems.get(item.id)
		);
		lit = next;
		if (changed.length === 0) return;
		visItems.update(
			changed.map((item) => ({
				id: item.id,
				className: next.has(item.eventId) ? `${item.className} tl-highlight` : item.className
			}))
		);
	}

	function reveal(item: TimelineItem) {
		const animation = { duration: 250, easingFunction: 'easeInOutQuad' } as const;
		if (visItems.get(item.id)) return timeline.focus(item.id, { animation });
		// Inside a cluster (or off in the distance): a day around it shows it on its own.
		const middle = (item.start.getTime() + (item.end ?? item.start).getTime()) / 2;
		timeline.setWindow(middle - 43_200_000, middle + 43_200_000, { animation });
	}
	function select(itemId: string | null) {
		selected = itemId;
		timeline.setSelection(itemId === null ? [] : [itemId]);
	}
	return { timeline, highlight, reveal, select };
}
