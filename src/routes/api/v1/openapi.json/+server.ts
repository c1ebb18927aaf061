import { json, type RequestHandler } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/api/openapi';

/** The OpenAPI 3.1 description of this API. */
export const GET: RequestHandler = ({ url }) =>
	json(openApiDocument(url.origin), { headers: { 'Cache-Control': 'public, max-age=300' } });
