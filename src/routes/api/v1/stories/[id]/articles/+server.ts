export { POST } from '$lib/server/api/suggest/file-article';
