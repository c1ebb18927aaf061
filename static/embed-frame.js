// Throughline embed, inside the frame: sizes the frame, zooms and pans the timeline, and ties
// timeline marks to the event list. The page is complete without this script.
(() => {
	const root = document.querySelector('.embed');
	if (!root) return;
	const slug = root.dataset.slug;

	// Self-sizing: tell the embedding page our height (embed.js listens for it).
	let last = 0;
	const post = () => {
		const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
		if (height !== last && window.parent !== window) {
			last = height;
			window.parent.postMessage({ type: 'throughline:height', slug, height }, '*');
		}
	};
	new ResizeObserver(post).observe(document.documentElement);
	root.addEventListener('toggle', post, true);
	post();

	// Selection: a mark opens its event; opening an event highlights its mark.
	const list = root.querySelector('.events');
	const select = (id, fromMark) => {
		for (const el of root.querySelectorAll('.sel')) el.classList.remove('sel');
		const item = document.getElementById('e' + id);
		const mark = root.querySelector('svg a[href="#e' + id + '"]');
		if (mark) mark.classList.add('sel');
		if (!item) return;
		item.classList.add('sel');
		if (fromMark) {
			item.querySelector('details').open = true;
			if (list && list.scrollHeight > list.clientHeight)
				list.scrollTop = item.offsetTop - list.offsetTop - 8;
		}
	};
	root.addEventListener('click', (event) => {
		const mark = event.target.closest && event.target.closest('svg a');
		if (mark) {
			event.preventDefault();
			select(mark.getAttribute('href').slice(2), true);
		}
	});
	root.addEventListener(
		'toggle',
		(event) => {
			const details = event.target;
			if (details.open && details.parentElement) select(details.parentElement.id.slice(1));
		},
		true
	);

	// Zoom: widen the stretchable SVG, keeping the centre in view; pan: scroll or drag.
	const scroller = root.querySelector('.tl-scroll');
	if (!scroller) return;
	const inner = scroller.firstElementChild;
	const tools = root.querySelector('.tl-tools');
	const minorStep = Number(scroller.dataset.minorStep) || 0;
	let zoom = 1;
	const setZoom = (next, anchor) => {
		next = Math.min(64, Math.max(1, next));
		const at = anchor ?? scroller.clientWidth / 2;
		const fraction = (scroller.scrollLeft + at) / inner.offsetWidth;
		zoom = next;
		inner.style.width = zoom * 100 + '%';
		scroller.scrollLeft = fraction * inner.offsetWidth - at;
		// Minor labels once they are at least 64 px apart.
		root.classList.toggle('show-minor', (inner.offsetWidth * minorStep) / 1000 >= 64);
	};
	tools.hidden = false;
	tools.addEventListener('click', (event) => {
		const kind = event.target.dataset && event.target.dataset.zoom;
		if (kind === 'in') setZoom(zoom * 2);
		else if (kind === 'out') setZoom(zoom / 2);
		else if (kind === 'reset') setZoom(1);
	});
	// Ctrl/⌘ + wheel (and trackpad pinch) zooms; a plain wheel keeps scrolling the page.
	scroller.addEventListener(
		'wheel',
		(event) => {
			if (!event.ctrlKey && !event.metaKey) return;
			event.preventDefault();
			const box = scroller.getBoundingClientRect();
			setZoom(zoom * Math.exp(-event.deltaY / 200), event.clientX - box.left);
		},
		{ passive: false }
	);
	let drag = null;
	scroller.addEventListener('pointerdown', (event) => {
		if (event.pointerType !== 'mouse' || event.button !== 0) return;
		drag = { x: event.clientX, left: scroller.scrollLeft, moved: false };
	});
	window.addEventListener('pointermove', (event) => {
		if (!drag) return;
		const dx = event.clientX - drag.x;
		if (Math.abs(dx) > 3) drag.moved = true;
		scroller.scrollLeft = drag.left - dx;
	});
	window.addEventListener('pointerup', () => {
		if (drag && drag.moved) {
			// A drag is not a click on the mark it ended over.
			scroller.addEventListener('click', (e) => e.stopPropagation(), { capture: true, once: true });
		}
		drag = null;
	});
	setZoom(1);
})();
