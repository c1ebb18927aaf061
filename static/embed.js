// Throughline embed loader: <div data-throughline-story="slug" data-theme="dark" …></div>
// becomes a framed timeline that sizes itself. No dependencies; load it once with
// <script src="https://THIS-SITE/embed.js" async></script>.
(() => {
	const script = document.currentScript;
	const origin = new URL(script ? script.src : '/', location.href).origin;
	const OPTIONS = [
		'theme',
		'height',
		'kinds',
		'from',
		'to',
		'order',
		'limit',
		'mode',
		'accent',
		'lang',
		'version'
	];
	const frames = [];

	for (const host of document.querySelectorAll('[data-throughline-story]')) {
		if (host.querySelector('iframe')) continue;
		const slug = host.dataset.throughlineStory;
		const url = new URL('/embed/stories/' + encodeURIComponent(slug), origin);
		for (const name of OPTIONS)
			if (host.dataset[name]) url.searchParams.set(name, host.dataset[name]);
		const frame = document.createElement('iframe');
		frame.src = url.href;
		frame.title = host.dataset.title || 'Timeline: ' + slug;
		frame.loading = 'lazy';
		frame.style.cssText =
			'display:block;width:100%;border:0;height:' + (Number(host.dataset.height) || 480) + 'px';
		host.replaceChildren(frame);
		frames.push(frame);
	}

	// A pasted iframe snippet (data-throughline-frame) grows the same way once this script loads.
	for (const frame of document.querySelectorAll('iframe[data-throughline-frame]')) {
		if (frame.src.startsWith(origin + '/embed/') && !frames.includes(frame)) frames.push(frame);
	}

	// Only our own frames may resize themselves: the message must come from our origin and from
	// one of the frames we made.
	window.addEventListener('message', (event) => {
		if (event.origin !== origin || !event.data || event.data.type !== 'throughline:height') return;
		const frame = frames.find((f) => f.contentWindow === event.source);
		const height = Number(event.data.height);
		if (frame && height > 0 && height < 20000) frame.style.height = height + 'px';
	});
})();
