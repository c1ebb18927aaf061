import { error, type RequestHandler } from '@sveltejs/kit';

// Placeholder until its owner lands the real handlers.
export const PATCH: RequestHandler = () => error(501, 'Not built yet');
export const PUT: RequestHandler = () => error(501, 'Not built yet');
export const DELETE: RequestHandler = () => error(501, 'Not built yet');
