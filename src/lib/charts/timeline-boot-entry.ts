/**
 * Browser entry of its own (vite.config.ts emits it; a story page's head loads it as an async
 * module, server/http/timeline-modules.ts): draws the page's timeline while the page is still
 * being parsed, ahead of SvelteKit's code. See timeline-boot.ts. vis-timeline comes with it
 * rather than as a dynamic import: the parser holds the main thread in long stretches, and
 * each further fetch or task would wait for the next gap between them.
 */
import * as visTimeline from 'vis-timeline/esnext';
import * as visData from 'vis-data/esnext';
import { bootWhenParsed } from './timeline-boot';
import { provideVisTimeline } from './vis-timeline';

provideVisTimeline(visTimeline, visData);
bootWhenParsed();
