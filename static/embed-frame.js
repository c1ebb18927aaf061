// Throughline embed, inside the frame: sizes the frame, zooms and pans the timeline, and ties
// timeline marks to the event list. The page is complete without this script.
(() => {
	const enhance = () => {
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
		const svg = root.querySelector('.tl svg');
		const markFor = (id) => svg && svg.querySelector('.m[data-e="' + id + '"]');
		const select = (id, fromMark) => {
			for (const el of root.querySelectorAll('.sel')) el.classList.remove('sel');
			const item = document.getElementById('e' + id);
			const mark = markFor(id);
			if (mark) mark.classList.add('sel');
			if (!item) return;
			item.classList.add('sel');
			if (fromMark) {
				item.querySelector('details').open = true;
				if (list && list.scrollHeight > list.clientHeight)
					list.scrollTop = item.offsetTop - list.offsetTop - 8;
			}
		};
		root.addEventListener(
			'toggle',
			(event) => {
				const details = event.target;
				if (details.open && details.parentElement) select(details.parentElement.id.slice(1));
			},
			true
		);

		// Marks are bare 3 px paths (no link each, to keep the document light): the pointer picks
		// the nearest mark in its lane within a few pixels, and a label shows what it is.
		let marks = null;
		const nearest = (event) => {
			if (!svg) return null;
			if (!marks)
				marks = [...svg.querySelectorAll('.m')].map((el) => {
					const [, x, y] = /M([\d.]+) ([\d.]+)/.exec(el.getAttribute('d')) || [];
					return { el, id: el.dataset.e, x: Number(x), y: Number(y) + 7 };
				});
			const box = svg.getBoundingClientRect();
			if (!box.width || event.clientY < box.top || event.clientY > box.bottom) return null;
			const height = svg.viewBox.baseVal.height;
			const x = ((event.clientX - box.left) / box.width) * 1000;
			const y = ((event.clientY - box.top) / box.height) * height;
			let best = null;
			let distance = (10 / box.width) * 1000;
			for (const mark of marks) {
				const dx = Math.abs(mark.x - x);
				if (dx <= distance && Math.abs(mark.y - y) <= 11) {
					best = mark;
					distance = dx;
				}
			}
			return best;
		};
		const tip = document.createElement('div');
		tip.className = 'tl-tip';
		tip.hidden = true;
		const figure = svg && svg.closest('.tl');
		if (figure) figure.append(tip);
		let hovered = null;
		const hover = (mark, event) => {
			if (hovered !== mark) {
				if (hovered) hovered.el.classList.remove('hover');
				hovered = mark;
				if (mark) mark.el.classList.add('hover');
				root.classList.toggle('on-mark', !!mark);
				const item = mark && document.getElementById('e' + mark.id);
				const when = item && item.querySelector('time');
				const title = item && item.querySelector('.ev-title');
				tip.textContent = title ? (when ? when.textContent + ': ' : '') + title.textContent : '';
				tip.hidden = !tip.textContent;
			}
			if (mark && figure) {
				const box = figure.getBoundingClientRect();
				const half = tip.offsetWidth / 2;
				tip.style.left =
					Math.min(Math.max(event.clientX - box.left, half), box.width - half) + 'px';
				const svgBox = svg.getBoundingClientRect();
				const scale = svgBox.height / svg.viewBox.baseVal.height;
				tip.style.top = svgBox.top - box.top + mark.y * scale - 10 + 'px';
			}
		};
		if (svg) {
			svg.addEventListener('pointermove', (event) => hover(nearest(event), event));
			svg.addEventListener('pointerleave', () => hover(null));
			svg.addEventListener('click', (event) => {
				const mark = nearest(event);
				if (mark) select(mark.id, true);
			});
		}

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
				scroller.addEventListener('click', (e) => e.stopPropagation(), {
					capture: true,
					once: true
				});
			}
			drag = null;
		});
		setZoom(1);
	};

	// A deferred script runs as soon as parsing ends, before the first frame, and this one reads
	// layout: let the server-rendered timeline paint first. rAF does not fire in a hidden or
	// throttled frame, so a timer stands in (the embedding page needs our height regardless).
	{
		let started = false;
		const start = () => {
			if (started) return;
			started = true;
			enhance();
		};
		requestAnimationFrame(() => setTimeout(start, 0));
		setTimeout(start, 200);
	}
})();
