/**
 * One access-log line per request (method, route id, status, duration, bytes, request id) and
 * the request id itself: the caller's `X-Request-Id` when it is a sane token (a proxy's or a
 * load balancer's, so one id follows the request across them), else a fresh UUID. It goes back
 * as `X-Request-Id`, sits in `locals.requestId` for error logs, and feeds the duration metric.
 * Paths are logged without their query string, which can carry what should not be kept.
 */
import { randomUUID } from 'node:crypto';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { log, type Logger } from './logger';
import { observeRequest } from './metrics';

const SANE_ID = /^[A-Za-z0-9._:@/+=-]{8,128}$/;

/** The caller's id when it is safe to log and echo, else a new one. */
export function requestIdFor(header: string | null): string {
	return header && SANE_ID.test(header) ? header : randomUUID();
}

/** The byte count when the response says it (streams and unknown lengths are null). */
function bytesOf(response: Response): number | null {
	const length = response.headers.get('content-length');
	return length !== null && /^\d+$/.test(length) ? Number(length) : null;
}

export function routeLabel(event: RequestEvent): string {
	return event.route.id ?? 'unmatched';
}

/** The access-log handle writing to `logger` (the process's own by default). */
export function createRequestLog(logger: Logger = log): Handle {
	return async ({ event, resolve }) => {
		const started = performance.now();
		const requestId = requestIdFor(event.request.headers.get('x-request-id'));
		event.locals.requestId = requestId;
		let response: Response | undefined;
		try {
			response = await resolve(event);
			try {
				response.headers.set('x-request-id', requestId);
			} catch {
				// A response with immutable headers (one passed through from fetch): copy it.
				response = new Response(response.body, response);
				response.headers.set('x-request-id', requestId);
			}
			return response;
		} finally {
			const ms = performance.now() - started;
			const status = response?.status ?? 500;
			const route = routeLabel(event);
			observeRequest(event.request.method, route, status, ms / 1000);
			logger.info(
				{
					requestId,
					method: event.request.method,
					route,
					path: event.url.pathname,
					status,
					ms: Math.round(ms * 10) / 10,
					bytes: response ? bytesOf(response) : null
				},
				'request'
			);
		}
	};
}

export const requestLog = createRequestLog();
