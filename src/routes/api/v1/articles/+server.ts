// Reading is public (api/public); ingesting needs a contributor's Bearer token (api/ingest).
export { GET } from '$lib/server/api/public/articles';
export { POST } from '$lib/server/api/ingest/articles';
