import { closeDatabaseOnShutdown, startDatabase } from '$lib/server/app/lifecycle';
import { publicApiCors } from '$lib/server/api/cors';
import { authenticate } from '$lib/server/auth/handle';
import { headExtras } from '$lib/server/http/head-extras';
import { storyPageCache } from '$lib/server/http/page-cache';
import { securityHeaders } from '$lib/server/http/security-headers';
import { databaseOutage } from '$lib/server/http/outage';
import { reportDatabaseError } from '$lib/server/db/availability';
import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';

export const init: ServerInit = async () => {
	await startDatabase();
	closeDatabaseOnShutdown();
};

// The page cache runs before headExtras, so the pages it keeps carry their head extras.
export const handle = sequence(
	securityHeaders,
	publicApiCors,
	databaseOutage,
	authenticate,
	storyPageCache,
	headExtras
);

export const handleError: HandleServerError = ({ error, event, message }) => {
	if (reportDatabaseError(error)) {
		event.locals.databaseFailed = true;
		return { message: 'The database is unavailable for a moment. Please try again.' };
	}
	console.error(error);
	return { message };
};
