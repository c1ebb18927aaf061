export { GET, POST } from '$lib/server/api/suggest/event-suggestions';
