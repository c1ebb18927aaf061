/**
 * Feed subscriptions (RSS, Atom, JSON Feed) the poller reads, each poll's outcome, and which
 * items were already taken in. Schema: migrations/00003 (feeds, feed_polls, feed_items).
 */
import { sql, type Db } from './client';

export type PollOutcome = 'ok' | 'not_modified' | 'error';

export interface Feed {
	id: number;
	url: string;
	title: string | null;
	source: string;
	pollIntervalSeconds: number;
	etag: string | null;
	lastModified: string | null;
	nextPollAt: Date;
	lastPolledAt: Date | null;
	lastError: string | null;
	createdAt: Date;
	disabledAt: Date | null;
}

/** A feed as the desk lists it: with its latest poll. */
export interface FeedSummary extends Feed {
	lastOutcome: PollOutcome | null;
	lastItemsNew: number | null;
}

export interface FeedPoll {
	id: number;
	feedId: number;
	startedAt: Date;
	finishedAt: Date | null;
	outcome: PollOutcome | null;
	httpStatus: number | null;
	itemsSeen: number;
	itemsNew: number;
	error: string | null;
}

export interface NewFeed {
	url: string;
	source: string;
	pollIntervalSeconds?: number;
	createdBy?: number | null;
}

const COLUMNS = `id, url, title, source, poll_interval_seconds, etag, last_modified, next_poll_at,
	last_polled_at, last_error, created_at, disabled_at`;

/** Every feed, enabled ones first, each with its latest poll's outcome. */
export async function list(db: Db = sql): Promise<FeedSummary[]> {
	return db<FeedSummary[]>`
		select f.id, f.url, f.title, f.source, f.poll_interval_seconds, f.etag, f.last_modified,
			f.next_poll_at, f.last_polled_at, f.last_error, f.created_at, f.disabled_at,
			p.outcome as last_outcome, p.items_new as last_items_new
		from feeds f
		left join lateral (
			select outcome, items_new from feed_polls
			where feed_id = f.id and finished_at is not null
			order by started_at desc, id desc
			limit 1
		) p on true
		order by f.disabled_at is not null, coalesce(f.title, f.url), f.id
	`;
}

/** One feed. */
export async function get(id: number, db: Db = sql): Promise<Feed | undefined> {
	const [feed] = await db<Feed[]>`select ${db.unsafe(COLUMNS)} from feeds where id = ${id}`;
	return feed;
}

/** Whether the URL is subscribed already (checked before fetching it to test it). */
export async function isSubscribed(url: string, db: Db = sql): Promise<boolean> {
	const rows = await db`select 1 from feeds where url = ${url}`;
	return rows.length > 0;
}

/** Subscribes to a feed, due at once; undefined when that URL is already subscribed. */
export async function create(input: NewFeed, db: Db = sql): Promise<Feed | undefined> {
	const [feed] = await db<Feed[]>`
		insert into feeds (url, source, poll_interval_seconds, created_by)
		values (${input.url}, ${input.source}, ${input.pollIntervalSeconds ?? 900},
			${input.createdBy ?? null})
		on conflict do nothing
		returning ${db.unsafe(COLUMNS)}
	`;
	return feed;
}

/** Unsubscribes (its polls and item records go with it; the articles stay). */
export async function remove(id: number, db: Db = sql): Promise<boolean> {
	const rows = await db`delete from feeds where id = ${id} returning id`;
	return rows.length > 0;
}

/** Pauses or resumes polling; a resumed feed is due at once. */
export async function setDisabled(id: number, disabled: boolean, db: Db = sql): Promise<boolean> {
	const rows = await db`
		update feeds
		set disabled_at = case when ${disabled} then coalesce(disabled_at, now()) end,
			next_poll_at = case when ${disabled} then next_poll_at else now() end
		where id = ${id}
		returning id
	`;
	return rows.length > 0;
}

/** A feed's latest polls, newest first. */
export async function polls(feedId: number, limit = 50, db: Db = sql): Promise<FeedPoll[]> {
	return db<FeedPoll[]>`
		select id, feed_id, started_at, finished_at, outcome, http_status, items_seen, items_new,
			error
		from feed_polls
		where feed_id = ${feedId}
		order by started_at desc, id desc
		limit ${limit}
	`;
}

/**
 * Claims the most overdue enabled feed for this instance by moving its next poll one interval
 * on, in one statement: `skip locked` means two instances never claim the same feed, and the
 * moved time means it is not due again until the interval has passed.
 */
export async function claimDue(db: Db = sql): Promise<Feed | undefined> {
	const [feed] = await db<Feed[]>`
		update feeds
		set next_poll_at = now() + make_interval(secs => poll_interval_seconds)
		where id = (
			select id from feeds
			where disabled_at is null and next_poll_at <= now()
			order by next_poll_at, id
			limit 1
			for update skip locked
		)
		returning ${db.unsafe(COLUMNS)}
	`;
	return feed;
}

/** Claims one feed now ("poll now"), unless another instance is claiming it this moment. */
export async function claim(id: number, db: Db = sql): Promise<Feed | undefined> {
	const [feed] = await db<Feed[]>`
		update feeds
		set next_poll_at = now() + make_interval(secs => poll_interval_seconds)
		where id = (select id from feeds where id = ${id} for update skip locked)
		returning ${db.unsafe(COLUMNS)}
	`;
	return feed;
}

/** Opens a poll record; finishPoll closes it. */
export async function startPoll(feedId: number, db: Db = sql): Promise<number> {
	const [row] = await db<{ id: number }[]>`
		insert into feed_polls (feed_id) values (${feedId}) returning id
	`;
	if (!row) throw new Error('insert into feed_polls returned no row');
	return row.id;
}

export interface PollResult {
	outcome: PollOutcome;
	httpStatus?: number | null;
	itemsSeen?: number;
	itemsNew?: number;
	/** A fatal error, or the skipped items' problems on an otherwise good poll. */
	error?: string | null;
	/** Validators from a 200 response, for the next conditional GET. */
	etag?: string | null;
	lastModified?: string | null;
	title?: string | null;
}

/** Closes the poll record and updates the feed: last poll, last error, validators, title. */
export async function finishPoll(
	feedId: number,
	pollId: number,
	result: PollResult,
	db: Db = sql
): Promise<void> {
	const fresh = result.outcome === 'ok';
	await db`
		update feed_polls
		set finished_at = now(), outcome = ${result.outcome}, http_status = ${result.httpStatus ?? null},
			items_seen = ${result.itemsSeen ?? 0}, items_new = ${result.itemsNew ?? 0},
			error = ${result.error ?? null}
		where id = ${pollId}
	`;
	await db`
		update feeds
		set last_polled_at = now(),
			last_error = ${result.outcome === 'error' ? (result.error ?? 'Unknown error') : (result.error ?? null)},
			etag = case when ${fresh} then ${result.etag ?? null} else etag end,
			last_modified = case when ${fresh} then ${result.lastModified ?? null} else last_modified end,
			title = coalesce(${result.title ?? null}, title)
		where id = ${feedId}
	`;
}

/** Of these item ids, the ones this feed has already taken in. */
export async function knownItems(
	feedId: number,
	guids: string[],
	db: Db = sql
): Promise<Set<string>> {
	if (guids.length === 0) return new Set();
	const rows = await db<{ guid: string }[]>`
		select guid from feed_items where feed_id = ${feedId} and guid = any(${guids})
	`;
	return new Set(rows.map((row) => row.guid));
}

/** Records an item as taken in; false when it already was (a concurrent poll got there first). */
export async function recordItem(
	feedId: number,
	guid: string,
	articleId: number,
	db: Db = sql
): Promise<boolean> {
	const rows = await db`
		insert into feed_items (feed_id, guid, article_id)
		values (${feedId}, ${guid}, ${articleId})
		on conflict do nothing
		returning guid
	`;
	return rows.length > 0;
}
