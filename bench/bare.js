// The bare baseline: vis-timeline's standalone UMD build with the same groups, items, window
// and options as the story page (src/lib/charts/vis-timeline.ts), and nothing else on the page.
/* global vis */
const data = JSON.parse(document.getElementById('bench-data').textContent);
const text = (value) => {
	const element = document.createElement('span');
	element.textContent = value;
	return element;
};
const byId = new Map(data.items.map((item) => [item.id, item]));
const groups = new vis.DataSet(
	data.groups.map((group) => ({
		id: group.id,
		content: text(group.label),
		className: group.className,
		order: group.order
	}))
);
const items = new vis.DataSet(
	data.items.map((item) => ({
		id: item.id,
		group: item.group,
		type: item.type,
		start: new Date(item.start),
		...(item.end ? { end: new Date(item.end) } : {}),
		className: item.className,
		content: text(item.label)
	}))
);
window.timeline = new vis.Timeline(document.getElementById('timeline'), items, groups, {
	groupOrder: 'order',
	orientation: { axis: 'top', item: 'top' },
	stack: true,
	margin: { item: { horizontal: 4, vertical: 6 }, axis: 6 },
	minHeight: 160,
	maxHeight: 520,
	verticalScroll: true,
	zoomKey: 'ctrlKey',
	zoomMin: 6 * 3_600_000,
	zoomMax: 5 * 365 * 86_400_000,
	showCurrentTime: false,
	multiselect: false,
	cluster: data.cluster,
	tooltip: {
		followMouse: true,
		overflowMethod: 'cap',
		template: (item) => text(byId.get(String(item.id))?.title ?? '')
	}
});
// As the story page does: a window given as start/end options stops clusters being drawn.
if (data.window)
	window.timeline.setWindow(new Date(data.window.start), new Date(data.window.end), {
		animation: false
	});
