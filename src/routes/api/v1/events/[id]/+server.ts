// Reading is public (api/public); changes need the desk role and If-Match (api/desk).
export { GET } from '$lib/server/api/public/event';
export { PATCH, PUT, DELETE } from '$lib/server/api/desk/event';
