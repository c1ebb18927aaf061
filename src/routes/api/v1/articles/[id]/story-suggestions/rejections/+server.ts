export { REJECT as POST } from '$lib/server/api/suggest/story-suggestions';
