// Reading one article is public (api/public).
export { GET } from '$lib/server/api/public/article';
