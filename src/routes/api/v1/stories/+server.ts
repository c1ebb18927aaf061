// Reading is public (api/public); creating a story is an editor's (api/suggest).
export { GET } from '$lib/server/api/public/stories';
export { POST } from '$lib/server/api/suggest/create-story';
