import { closeDatabaseOnShutdown, startDatabase } from '$lib/server/app/lifecycle';
import { publicApiCors } from '$lib/server/api/cors';
import { authenticate } from '$lib/server/auth/handle';
import { requestGuards } from '$lib/server/http/request-guards';
import { headExtras } from '$lib/server/http/head-extras';
import { startEdgePurge } from '$lib/server/http/edge-purge';
import { storyPageCache } from '$lib/server/http/page-cache';
import { securityHeaders } from '$lib/server/http/security-headers';
import type { ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';

export const init: ServerInit = async () => {
	await startDatabase();
	closeDatabaseOnShutdown();
	startEdgePurge(); // PURGE_URL: tell the CDN when a story changes (http/edge-purge.ts)
};

// The page cache runs before headExtras, so the pages it keeps carry their head extras.
export const handle = sequence(
	securityHeaders,
	publicApiCors,
	requestGuards,
	authenticate,
	storyPageCache,
	headExtras
);
