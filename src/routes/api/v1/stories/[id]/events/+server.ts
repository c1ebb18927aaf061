// Creating an event in a story needs the desk role (api/desk); a contributor creates drafts.
export { POST } from '$lib/server/api/desk/event';
