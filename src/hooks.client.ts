import type { ClientInit } from '@sveltejs/kit';

/**
 * Runs once before the page hydrates, and SvelteKit waits for it: a server-rendered timeline is
 * drawn first (src/lib/charts/timeline-boot.ts). The story page's early entry has usually
 * started it, and loaded that module, already; this draws any it did not reach (vite dev has no
 * such entry). Past the time limit the page hydrates anyway and takes the timeline over when
 * it is ready. Pages without a timeline canvas (Timeline.svelte) never load the module.
 */
export const init: ClientInit = async () => {
	if (!document.querySelector('.tl-canvas')) return;
	const { bootTimelines } = await import('$lib/charts/timeline-boot');
	await Promise.race([bootTimelines(), new Promise((resolve) => setTimeout(resolve, 500))]);
};
