export { GET } from '$lib/server/api/suggest/event-suggestions';
