export { GET } from '$lib/server/api/suggest/story-suggestions';
