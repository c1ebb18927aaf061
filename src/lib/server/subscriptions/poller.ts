/**
 * Polls subscribed feeds: claims one due feed at a time (so instances share the work and never
 * poll the same feed together), fetches it conditionally, ingests each new item once, and
 * records the outcome. A bad feed or item is recorded and skipped; nothing here may throw into
 * the app.
 */
import { sql, type Sql } from '../db/client';
import { log } from '../log/logger';
import * as feeds from '../db/feeds';
import { ingestArticle } from '../newsroom/articles';
import type { Actor } from '../newsroom/actor';
import { plainText } from '../ingest/sanitise';
import { decodeFeed } from './decode';
import { fetchFeed, type FetchOptions } from './fetch-feed';
import { parseFeedDocument, type FeedEntry } from './parse';
import { countFeedPoll } from '../log/metrics';

export type PollPolicy = Pick<
	FetchOptions,
	'allowPrivate' | 'isAllowedAddress' | 'maxBytes' | 'timeoutMs' | 'signal'
> & {
	maxItems?: number;
};

export interface PollSummary extends feeds.PollResult {
	pollId: number;
}

const MAX_ERROR_LENGTH = 2000;

/** The poller files what a feed brings as the system, with a contributor's rights: drafts only. */
const POLLER: Actor = { id: null, role: 'contributor', clientAddress: null };

/** An item the ingest refused, with the reasons field by field. */
class ItemRefused extends Error {}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function entryDate(entry: FeedEntry): Date | string | null {
	if (!entry.published) return null;
	// RFC 822 dates (RSS) are not ISO 8601; Date reads both.
	const date = new Date(entry.published);
	return Number.isNaN(date.getTime()) ? entry.published : date;
}

/** Ingests one item and records it as seen, both or neither. True when the article is new. */
async function takeIn(
	feed: feeds.Feed,
	entry: FeedEntry,
	key: string,
	language: string | null,
	db: Sql
): Promise<boolean> {
	if (!entry.published) throw new Error('no publication date');
	const result = await ingestArticle(
		POLLER,
		{
			headline: entry.title,
			dek: entry.dek,
			body: entry.body ?? '',
			source: feed.source,
			url: entry.url,
			publishedAt: entryDate(entry),
			// Only a plain language tag is taken over; anything odd falls back to the default.
			language: language && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(language) ? language : null
		},
		db,
		// The item is recorded as seen with its article: both or neither.
		async (stored, tx) => {
			await feeds.recordItem(feed.id, key, stored.article.id, tx);
		}
	);
	if (result.kind === 'ok') return result.value.created;
	if (result.kind === 'invalid')
		throw new ItemRefused(
			Object.entries(result.errors)
				.map(([field, message]) => `${field}: ${message}`)
				.join('; ')
		);
	throw new ItemRefused(result.kind === 'stale' ? 'changed meanwhile' : result.message);
}

/** Polls one (already claimed) feed and records the outcome; never throws. */
export async function pollFeed(
	feed: feeds.Feed,
	db: Sql = sql,
	policy: PollPolicy = {}
): Promise<PollSummary> {
	let pollId = 0;
	let result: feeds.PollResult;
	try {
		pollId = await feeds.startPoll(feed.id, db);
		result = await fetchAndIngest(feed, db, policy);
	} catch (error) {
		result = { outcome: 'error', error: messageOf(error).slice(0, MAX_ERROR_LENGTH) };
	}
	try {
		if (pollId) await feeds.finishPoll(feed.id, pollId, result, db);
		countFeedPoll(result.outcome);
	} catch (error) {
		log.error({ err: error, feedId: feed.id }, 'could not record the poll of a feed');
	}
	return { ...result, pollId };
}

async function fetchAndIngest(
	feed: feeds.Feed,
	db: Sql,
	policy: PollPolicy
): Promise<feeds.PollResult> {
	const fetched = await fetchFeed(feed.url, {
		...policy,
		etag: feed.etag,
		lastModified: feed.lastModified
	});
	if (!('body' in fetched)) return { outcome: 'not_modified', httpStatus: 304 };

	const parsed = parseFeedDocument(decodeFeed(fetched.body, fetched.contentType), policy.maxItems);
	const problems: string[] = [];
	if (parsed.skipped > 0) problems.push(`${parsed.skipped} items beyond the limit were not read`);
	const keyed = parsed.entries.map((entry, index) => ({
		entry,
		index,
		key: entry.key?.slice(0, 2000)
	}));
	const known = await feeds.knownItems(
		feed.id,
		keyed.flatMap(({ key }) => (key ? [key] : [])),
		db
	);
	let itemsNew = 0;
	for (const { entry, index, key } of keyed) {
		if (!key) {
			problems.push(`item ${index + 1}: it has neither an id nor a link`);
			continue;
		}
		if (known.has(key)) continue;
		known.add(key); // a feed listing the same item twice takes it in once
		try {
			if (await takeIn(feed, entry, key, parsed.language, db)) itemsNew += 1;
		} catch (error) {
			const label = entry.title ? `"${entry.title.slice(0, 80)}"` : `item ${index + 1}`;
			problems.push(`${label}: ${messageOf(error)}`);
		}
	}
	return {
		outcome: 'ok',
		httpStatus: fetched.status,
		itemsSeen: parsed.entries.length,
		itemsNew,
		error: problems.length ? `Skipped: ${problems.join('; ')}`.slice(0, MAX_ERROR_LENGTH) : null,
		etag: fetched.etag,
		lastModified: fetched.lastModified,
		title: parsed.title ? plainText(parsed.title).slice(0, 500) || null : null
	};
}

/** Polls every due feed, one claim at a time, until none is due or `limit` were polled. */
export async function pollDue(db: Sql = sql, policy: PollPolicy = {}, limit = 50): Promise<number> {
	let polled = 0;
	while (polled < limit && !policy.signal?.aborted) {
		const feed = await feeds.claimDue(db);
		if (!feed) break;
		await pollFeed(feed, db, policy);
		polled += 1;
	}
	return polled;
}
