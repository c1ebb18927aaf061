import { closeDatabaseOnShutdown, startDatabase } from '$lib/server/app/lifecycle';
import { publicApiCors } from '$lib/server/api/cors';
import { authenticate } from '$lib/server/auth/handle';
import { headExtras } from '$lib/server/http/head-extras';
import { securityHeaders } from '$lib/server/http/security-headers';
import type { ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';

export const init: ServerInit = async () => {
	await startDatabase();
	closeDatabaseOnShutdown();
};

export const handle = sequence(securityHeaders, publicApiCors, authenticate, headExtras);
