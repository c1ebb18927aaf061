/**
 * Browser entry of its own (vite.config.ts emits it; a story page's head loads it as an async
 * module, server/http/timeline-modules.ts): draws the page's timeline ahead of SvelteKit's code
 * and hydration. See timeline-boot.ts. vis-timeline comes with it rather than as a dynamic
 * import, so the timeline is built in the task that runs the entry: a further import would
 * wait behind SvelteKit's start-up work queued by then (bench: 1.03x the bare page with the
 * dynamic import, 0.90-0.96x with this).
 */
import * as visTimeline from 'vis-timeline/esnext';
import * as visData from 'vis-data/esnext';
import { bootTimelines } from './timeline-boot';
import { provideVisTimeline } from './vis-timeline';

provideVisTimeline(visTimeline, visData);
void bootTimelines();
