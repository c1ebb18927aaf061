// Reading is public (api/public); events are created through the desk, not this list.
export { GET } from '$lib/server/api/public/events';
