/**
 * The checks a request passes before anyone looks up its session: the rate limits
 * (rate-limit.ts), then the same-origin rule for writes that carry the session cookie
 * (cookie-writes.ts). One entry in hooks.server.ts for both.
 */
import { sequence } from '@sveltejs/kit/hooks';
import { cookieWriteOrigin } from './cookie-writes';
import { rateLimit } from './rate-limit';

export const requestGuards = sequence(rateLimit, cookieWriteOrigin);
