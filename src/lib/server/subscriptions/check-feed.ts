/**
 * The check a feed passes before it is subscribed: fetched once through the same guard the
 * poller uses (address policy on every hop, byte cap, time limit) and parsed. A refused address
 * or a page that is not a feed is then an error on the form, not a poll that fails later.
 */
import { decodeFeed, FeedEncodingError } from './decode';
import { fetchFeed, FeedFetchError, type FetchOptions } from './fetch-feed';
import { FeedParseError, parseFeedDocument } from './parse';

export type FeedCheck = { ok: true; title: string | null } | { ok: false; reason: string };

export async function checkFeed(
	url: string,
	options: Pick<FetchOptions, 'allowPrivate' | 'isAllowedAddress' | 'timeoutMs'> = {}
): Promise<FeedCheck> {
	try {
		const fetched = await fetchFeed(url, options);
		// A 304 cannot answer a GET without validators; treat it as a feed we cannot read.
		if (!('body' in fetched)) return { ok: false, reason: 'The server sent no feed.' };
		const parsed = parseFeedDocument(decodeFeed(fetched.body, fetched.contentType));
		return { ok: true, title: parsed.title };
	} catch (error) {
		if (
			error instanceof FeedFetchError ||
			error instanceof FeedParseError ||
			error instanceof FeedEncodingError
		)
			return { ok: false, reason: error.message };
		// A socket error or a timeout: still the editor's to hear, not a server error.
		return { ok: false, reason: error instanceof Error ? error.message : String(error) };
	}
}
