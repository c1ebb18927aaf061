import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

/** A desk path (`/stories/3/history`) under the app's base path. */
export const desk = (rest = ''): ResolvedPathname =>
	`${resolve('/desk')}${rest}` as ResolvedPathname;
