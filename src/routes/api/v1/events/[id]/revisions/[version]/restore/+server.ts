// Restores the event as revision {version} recorded it (src/lib/server/revisions/api.ts).
import { restoreRevisionHandler } from '$lib/server/revisions/api';

export const POST = restoreRevisionHandler('event');
