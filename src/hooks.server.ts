import { closeDatabaseOnShutdown, startDatabase } from '$lib/server/app/lifecycle';
import { publicApiCors } from '$lib/server/api/cors';
import { authenticate } from '$lib/server/auth/handle';
import { requestGuards } from '$lib/server/http/request-guards';
import { headExtras } from '$lib/server/http/head-extras';
import { startEdgePurge } from '$lib/server/http/edge-purge';
import { storyPageCache } from '$lib/server/http/page-cache';
import { securityHeaders } from '$lib/server/http/security-headers';
import { databaseOutage } from '$lib/server/http/outage';
import { compress } from '$lib/server/http/compress';
import { fastPathFill } from '$lib/server/http/fast-path';
import { log } from '$lib/server/log/logger';
import { requestLog } from '$lib/server/log/request';
import { reportDatabaseError } from '$lib/server/db/availability';
import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';

export const init: ServerInit = async () => {
	await startDatabase();
	closeDatabaseOnShutdown();
	startEdgePurge(); // PURGE_URL: tell the CDN when a story changes (http/edge-purge.ts)
};

// The page cache runs before headExtras, so the pages it keeps carry their head extras.
// fastPathFill is outermost: scripts/start.js serves again exactly what every hook made.
export const handle = sequence(
	fastPathFill,
	requestLog,
	compress,
	securityHeaders,
	publicApiCors,
	requestGuards,
	databaseOutage,
	authenticate,
	storyPageCache,
	headExtras
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const context = { requestId: event.locals.requestId, route: event.route.id, status };
	if (reportDatabaseError(error)) {
		event.locals.databaseFailed = true;
		log.warn({ ...context, err: error }, 'request failed: database unavailable');
		return { message: 'The database is unavailable for a moment. Please try again.' };
	}
	// A 404 (an unknown path, /favicon.ico) is in the access log already, not an error.
	if (status !== 404) log.error({ ...context, err: error }, 'unhandled error');
	return { message };
};
