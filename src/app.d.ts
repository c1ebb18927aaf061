// See https://svelte.dev/docs/kit/types#app.d.ts
import type { DeskUser } from '$lib/server/auth/guard';

declare global {
	namespace App {
		interface Locals {
			/** Set by the auth handle from the session cookie or a Bearer token; null when anonymous. */
			user: DeskUser | null;
			/** The session's id (SHA-256 of its token) when signed in through the desk, else null. */
			sessionId: string | null;
			/** The page's language (BCP 47), set by its load; http/head-extras.ts puts it on <html>. */
			pageLang?: string;
			/** Server-only markup for the page's head (src/lib/server/http/head-extras.ts). */
			headHtml?: string;
			/** The story page's data, loaded once by the page cache (http/page-cache.ts). */
			storyPage?: import('$lib/server/story/page-data').StoryPageData;
			/** This request's id (log/request.ts), echoed as X-Request-Id and in every log line. */
			requestId?: string;
			/** Set by handleError when the request failed for want of the database (http/outage.ts). */
			databaseFailed?: boolean;
		}
	}
	namespace NodeJS {
		interface Process {
			/** adapter-node emits this after its HTTP server has drained. */
			once(event: 'sveltekit:shutdown', listener: (reason: string) => void): this;
		}
	}
}

export {};
