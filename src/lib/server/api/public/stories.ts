import { error, type RequestHandler } from '@sveltejs/kit';

// Placeholder until its owner lands the real handlers.
export const GET: RequestHandler = () => error(501, 'Not built yet');
