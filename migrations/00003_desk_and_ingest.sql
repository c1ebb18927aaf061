-- The desk and ingest: API tokens for machines, sign-in throttling kept in the database (so it
-- holds across app instances), a revision of every story and event change (history, restore,
-- pinned embeds), feed subscriptions with their polls, and editors' decisions on proposals.

-- API tokens: like sessions, only the SHA-256 of the token is stored.
create table api_tokens (
	id integer generated always as identity primary key,
	user_id integer not null references users (id) on delete cascade,
	name text not null check (length(btrim(name)) between 1 and 100),
	token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
	created_at timestamptz not null default now(),
	last_used_at timestamptz,
	revoked_at timestamptz
);
create unique index api_tokens_token_hash_key on api_tokens (token_hash);
create index api_tokens_user_idx on api_tokens (user_id);

-- Every sign-in attempt, by the address as typed (lower-cased) whether or not it names an
-- account, and by client address: the throttle counts recent failures in both.
create table sign_in_attempts (
	id integer generated always as identity primary key,
	at timestamptz not null default now(),
	email text not null,
	client_address text not null,
	succeeded boolean not null
);
create index sign_in_attempts_email_idx on sign_in_attempts (email, at desc);
create index sign_in_attempts_address_idx on sign_in_attempts (client_address, at desc);

-- Revisions -------------------------------------------------------------------------------

-- A snapshot of the row after every change to a story or an event, written by triggers so no
-- write path can skip it. story_revision numbers the story's and its events' revisions in one
-- sequence per story: "the story at revision N" is, for the story and each event, the latest
-- snapshot numbered N or lower (pinned embeds). The author comes from throughline.actor_id.
create table revisions (
	id integer generated always as identity primary key,
	story_id integer not null references stories (id) on delete cascade,
	story_revision integer not null check (story_revision >= 1),
	entity_type text not null check (entity_type in ('story', 'event')),
	entity_id integer not null,
	entity_version integer not null,
	snapshot jsonb not null,
	author_id integer references users (id) on delete set null,
	created_at timestamptz not null default now(),
	constraint revisions_story_revision_key unique (story_id, story_revision)
);
create index revisions_entity_idx on revisions (entity_type, entity_id, id desc);

create function record_revision() returns trigger
language plpgsql as $$
declare
	v_story_id integer;
	v_next integer;
begin
	-- Nothing a reader or editor could see changed (a no-op update): no revision.
	if tg_op = 'UPDATE' and to_jsonb(new) = to_jsonb(old) then
		return null;
	end if;
	-- Two branches: plpgsql binds every field an expression names, even in an untaken CASE arm.
	if tg_table_name = 'stories' then
		v_story_id := new.id;
	else
		v_story_id := new.story_id;
	end if;
	-- Serialise per story so revision numbers have no gaps and follow commit order.
	perform pg_advisory_xact_lock(hashtext('revisions'), v_story_id);
	select coalesce(max(story_revision), 0) + 1 into v_next
	from revisions where story_id = v_story_id;
	insert into revisions (story_id, story_revision, entity_type, entity_id, entity_version,
		snapshot, author_id)
	values (v_story_id, v_next, case when tg_table_name = 'stories' then 'story' else 'event' end,
		new.id, new.version, to_jsonb(new),
		nullif(current_setting('throughline.actor_id', true), '')::integer);
	return null;
end $$;

create trigger stories_revisions
	after insert or update on stories
	for each row execute function record_revision();

create trigger events_revisions
	after insert or update on events
	for each row execute function record_revision();

-- Feeds ---------------------------------------------------------------------------------------

create table feeds (
	id integer generated always as identity primary key,
	url text not null check (url ~ '^https?://'),
	title text,
	-- The outlet name given to articles from this feed.
	source text not null check (length(btrim(source)) between 1 and 200),
	poll_interval_seconds integer not null default 900 check (poll_interval_seconds >= 1),
	etag text,
	last_modified text,
	next_poll_at timestamptz not null default now(),
	last_polled_at timestamptz,
	last_error text,
	created_by integer references users (id) on delete set null,
	created_at timestamptz not null default now(),
	disabled_at timestamptz
);
create unique index feeds_url_key on feeds (url);
create index feeds_next_poll_idx on feeds (next_poll_at) where disabled_at is null;

create table feed_polls (
	id integer generated always as identity primary key,
	feed_id integer not null references feeds (id) on delete cascade,
	started_at timestamptz not null default now(),
	finished_at timestamptz,
	outcome text check (outcome in ('ok', 'not_modified', 'error')),
	http_status integer,
	items_seen integer not null default 0 check (items_seen >= 0),
	items_new integer not null default 0 check (items_new >= 0),
	error text
);
create index feed_polls_feed_idx on feed_polls (feed_id, started_at desc);

-- Each item once per feed, by GUID (or URL when the feed gives none).
create table feed_items (
	feed_id integer not null references feeds (id) on delete cascade,
	guid text not null check (length(guid) between 1 and 2000),
	article_id integer references articles (id) on delete set null,
	seen_at timestamptz not null default now(),
	primary key (feed_id, guid)
);

-- Proposals -----------------------------------------------------------------------------------

-- An editor's decision on a proposed event, keyed by a stable fingerprint of the proposal, so a
-- rejected proposal is not offered again and an accepted one points at its event.
create table event_proposal_decisions (
	article_id integer not null references articles (id) on delete cascade,
	fingerprint text not null check (length(fingerprint) between 1 and 200),
	decision text not null check (decision in ('accepted', 'merged', 'rejected')),
	event_id integer references events (id) on delete set null,
	decided_by integer references users (id) on delete set null,
	decided_at timestamptz not null default now(),
	primary key (article_id, fingerprint)
);

-- Headline similarity for "which story does this continue" (pg_trgm is in 00001).
create index articles_headline_trgm_idx on articles using gin (headline gin_trgm_ops);
create index stories_title_trgm_idx on stories using gin (title gin_trgm_ops);
