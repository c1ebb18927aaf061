// The event's revisions, for staff (src/lib/server/revisions/api.ts).
import { listRevisions } from '$lib/server/revisions/api';

export const GET = listRevisions('event');
