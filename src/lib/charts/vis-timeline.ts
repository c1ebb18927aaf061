/**
 * Builds the vis-timeline for Timeline.svelte. Browser only: vis-timeline touches the DOM on
 * import, so it is loaded here with a dynamic import. Every label and tooltip is a text node,
 * never HTML from the database. Options: https://visjs.github.io/vis-timeline/docs/timeline/
 */
import type { Timeline as VisTimeline } from 'vis-timeline/esnext';
import type { TimelineGroup, TimelineItem, TimelineWindow } from './timeline-items';

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
 * Starts fetching vis-timeline (once). Called while the page hydrates, so the download overlaps
 * hydration instead of starting after it; the timeline is still out of the first load.
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
		window
	}: { groups: TimelineGroup[]; items: TimelineItem[]; window: TimelineWindow | null },
	{ onselect, onwindowchange, onrange, onhover }: TimelineHandlers
): Promise<BuiltTimeline> {
	const [{ Timeline }, { DataSet }] = await loadVisTimeline();
	const byId = new Map(items.map((item) => [item.id, item]));
	const visGroups = new DataSet(
		groups.map((group) => ({
			id: group.id,
			content: asContent(text(group.label)),
			className: group.className,
			order: group.order
		}))
	);
	const visItems = new DataSet(
		items.map((item) => ({
			id: item.id,
			group: item.group,
			type: item.type,
			start: item.start,
			// Points carry no `end` key at all: Timeline.focus() reads `'end' in item`.
			...(item.end ? { end: item.end } : {}),
			className: item.className,
			content: asContent(text(item.label))
		}))
	);

	const timeline = new Timeline(container, visItems, visGroups, {
		groupOrder: 'order',
		orientation: { axis: 'top', item: 'top' },
		stack: true,
		// Dense days stack their items; maxHeight + verticalScroll lets the stack scroll.
		margin: { item: { horizontal: 4, vertical: 6 }, axis: 6 },
		minHeight: 160,
		maxHeight: 520,
		verticalScroll: true,
		zoomKey: 'ctrlKey',
		zoomMin: 6 * 3_600_000,
		zoomMax: 5 * 365 * 86_400_000,
		showCurrentTime: false,
		multiselect: false,
		// Dense periods: more than maxItems items of one group within ~100 px become one cluster
		// (its count; double-click zooms to it). vis builds the cluster's markup by splicing the
		// title into HTML, so titleTemplate is fixed text — no quotes or angle brackets — and
		// {count}, never data. The demo story's busiest group (4 meetings) stays unclustered.
		cluster: {
			maxItems: 5,
			titleTemplate: '{count} events close together: double-click or zoom in to see them',
			showStipes: true,
			fitOnDoubleClick: true
		},
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
	// out the clusters but never draws them (seen in the bench: 55 clusters, none in the DOM).
	if (window) timeline.setWindow(window.start, window.end, { animation: false });
	timeline.on('select', (properties: { items: (string | number)[] }) => {
		const item = byId.get(String(properties.items[0]));
		if (item) onselect?.(item.eventId);
	});
	timeline.on('rangechanged', (properties: { start: Date; end: Date; byUser: boolean }) => {
		if (properties.byUser) onwindowchange?.({ start: properties.start, end: properties.end });
	});
	timeline.on('rangechange', (properties: { start: Date; end: Date }) => {
		onrange?.({ start: properties.start, end: properties.end });
	});
	timeline.on('itemover', (properties: { item: string | number }) => {
		onhover?.(byId.get(String(properties.item))?.eventId ?? null);
	});
	timeline.on('itemout', () => onhover?.(null));

	let lit = new Set<number>();
	function highlight(eventIds: number[]) {
		const next = new Set(eventIds);
		const changed = items.filter((item) => lit.has(item.eventId) !== next.has(item.eventId));
		lit = next;
		if (changed.length === 0) return;
		visItems.update(
			changed.map((item) => ({
				id: item.id,
				className: next.has(item.eventId) ? `${item.className} tl-highlight` : item.className
			}))
		);
	}
	return { timeline, highlight };
}
