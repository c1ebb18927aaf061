/**
 * Keeps a permalink's list entry where the browser's jump to its anchor put it while the page
 * settles: the entries above it grow as fonts and the page's code arrive (at 375 px the jump
 * landed some 1,500 px off). Until the reader scrolls, types or taps, or for a few seconds,
 * each change of the list's size brings the entry back. Browser only; returns a stop function.
 */
export function holdEntryInView(entryId: string, list: HTMLElement, forMs = 4000): () => void {
	const land = () => document.getElementById(entryId)?.scrollIntoView();
	const observer = new ResizeObserver(land);
	const inputs = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
	const stop = () => {
		clearTimeout(timer);
		observer.disconnect();
		for (const type of inputs) removeEventListener(type, stop);
	};
	const timer = setTimeout(stop, forMs);
	observer.observe(list);
	for (const type of inputs) addEventListener(type, stop, { passive: true });
	land();
	return stop;
}
