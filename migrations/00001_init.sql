-- The newsroom data model: stories built from successive articles, the dated events those
-- articles report (with who claims them and how sure we are), and the staff who curate them.
-- Ids are integers (not bigint) so they stay plain JSON numbers through postgres.js; only the
-- audit log, which may outgrow them, is bigint (it reaches JSON as a string).

create extension if not exists pg_trgm;

-- Staff -------------------------------------------------------------------------------------

create table users (
	id integer generated always as identity primary key,
	email text not null check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$'),
	display_name text not null check (length(display_name) between 1 and 200),
	role text not null check (role in ('admin', 'editor', 'contributor')),
	password_hash text not null,
	disabled_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint users_updated_after_created check (updated_at >= created_at)
);
create unique index users_email_key on users (email);

-- Sessions per the Lucia guide: the id is the SHA-256 of the token's secret, never the secret.
create table sessions (
	id text primary key check (id ~ '^[0-9a-f]{64}$'),
	user_id integer not null references users (id) on delete cascade,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	absolute_expires_at timestamptz not null,
	constraint sessions_expiry_order check (expires_at > created_at and absolute_expires_at >= expires_at)
);
create index sessions_user_id_idx on sessions (user_id);

create table audit_log (
	id bigint generated always as identity primary key,
	at timestamptz not null default now(),
	actor_id integer references users (id) on delete set null,
	action text not null check (length(action) between 1 and 100),
	entity_type text,
	entity_id text,
	before jsonb,
	after jsonb,
	client_address text
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_entity_idx on audit_log (entity_type, entity_id);

-- Stories -----------------------------------------------------------------------------------

create table stories (
	id integer generated always as identity primary key,
	slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
	title text not null check (length(btrim(title)) between 1 and 300),
	summary text not null default '',
	status text not null default 'developing' check (status in ('developing', 'concluded')),
	publication text not null default 'draft' check (publication in ('draft', 'published')),
	published_at timestamptz,
	version integer not null default 1 check (version >= 1),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	deleted_at timestamptz,
	constraint stories_updated_after_created check (updated_at >= created_at),
	constraint stories_published_has_date check (publication = 'draft' or published_at is not null)
);
create unique index stories_slug_key on stories (slug);

-- Articles ----------------------------------------------------------------------------------

create table articles (
	id integer generated always as identity primary key,
	source text not null check (length(btrim(source)) between 1 and 200),
	section text,
	headline text not null check (length(btrim(headline)) between 1 and 500),
	dek text,
	body_html text not null,
	body_raw text not null,
	url text check (url ~ '^https?://'),
	content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
	language text not null default 'en' check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
	published_at timestamptz not null check (published_at > '1800-01-01'),
	ingested_at timestamptz not null default now(),
	-- Written for the demo story rather than taken from a real outlet; readers are told so.
	demo boolean not null default false,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	deleted_at timestamptz,
	constraint articles_updated_after_created check (updated_at >= created_at),
	search tsvector generated always as (
		setweight(to_tsvector('english', headline), 'A') ||
		setweight(to_tsvector('english', coalesce(dek, '')), 'B') ||
		setweight(to_tsvector('english', body_html), 'D')
	) stored
);
create unique index articles_url_key on articles (url) where url is not null;
create unique index articles_content_hash_key on articles (content_hash);
create index articles_search_idx on articles using gin (search);
create index articles_published_at_idx on articles (published_at desc);

create table story_articles (
	story_id integer not null references stories (id) on delete cascade,
	article_id integer not null references articles (id) on delete cascade,
	role text not null default 'update'
		check (role in ('first_report', 'update', 'follow_up', 'analysis', 'background')),
	position integer not null default 0,
	-- Provenance: the machine suggests (with a score and its reasons), an editor decides.
	state text not null default 'suggested' check (state in ('suggested', 'accepted', 'rejected')),
	score real check (score between 0 and 1),
	reasons jsonb not null default '[]' check (jsonb_typeof(reasons) = 'array'),
	decided_by integer references users (id) on delete set null,
	decided_at timestamptz,
	created_at timestamptz not null default now(),
	primary key (story_id, article_id),
	constraint story_articles_decision_dated check ((state = 'suggested') = (decided_at is null))
);
create index story_articles_article_idx on story_articles (article_id);

-- Events ------------------------------------------------------------------------------------

-- An IANA zone name PostgreSQL knows ('Europe/Kyiv', 'UTC'). Declared immutable for use in a
-- CHECK: the zone database only grows between server upgrades.
create function is_time_zone(name text) returns boolean
language plpgsql immutable as $$
begin
	perform now() at time zone name;
	return name !~ '^[+-]?[0-9]' and name !~* '^(utc|gmt)[+-]';
exception when invalid_parameter_value then
	return false;
end $$;

create table events (
	id integer generated always as identity primary key,
	story_id integer not null references stories (id) on delete cascade,
	kind text not null check (kind in ('meeting', 'statement', 'battlefield', 'policy', 'other')),
	title text not null check (length(btrim(title)) between 1 and 300),
	description text not null default '',
	-- When it happened. For day/month precision the start is that day's/month's beginning in
	-- the place's zone; for 'approximate' start..end is the window we believe it falls in.
	occurred_start timestamptz not null check (occurred_start > '0001-01-01'),
	occurred_end timestamptz,
	precision text not null check (precision in ('minute', 'hour', 'day', 'month', 'approximate')),
	time_zone text not null default 'UTC' constraint events_time_zone_known check (is_time_zone(time_zone)),
	place_name text,
	latitude double precision check (latitude between -90 and 90),
	longitude double precision check (longitude between -180 and 180),
	first_reported_at timestamptz,
	-- Claims as data: who asserts it, and how far we could check it.
	attribution text,
	verification text not null default 'reported'
		check (verification in ('reported', 'claimed', 'confirmed', 'disputed', 'retracted')),
	status text not null default 'draft' check (status in ('draft', 'published')),
	version integer not null default 1 check (version >= 1),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	deleted_at timestamptz,
	constraint events_end_after_start check (occurred_end is null or occurred_end >= occurred_start),
	constraint events_approximate_has_end check (precision <> 'approximate' or occurred_end is not null),
	constraint events_coordinates_paired check ((latitude is null) = (longitude is null)),
	constraint events_updated_after_created check (updated_at >= created_at)
);
create index events_story_idx on events (story_id, occurred_start);

-- Every change of verification or attribution, kept by a trigger so no write path can skip it.
-- The acting editor is read from the transaction setting throughline.actor_id when present.
create table event_verifications (
	id integer generated always as identity primary key,
	event_id integer not null references events (id) on delete cascade,
	verification text not null
		check (verification in ('reported', 'claimed', 'confirmed', 'disputed', 'retracted')),
	attribution text,
	changed_by integer references users (id) on delete set null,
	changed_at timestamptz not null default now(),
	note text
);
create index event_verifications_event_idx on event_verifications (event_id, changed_at);

create function record_event_verification() returns trigger
language plpgsql as $$
begin
	if tg_op = 'INSERT'
		or new.verification is distinct from old.verification
		or new.attribution is distinct from old.attribution then
		insert into event_verifications (event_id, verification, attribution, changed_by)
		values (new.id, new.verification, new.attribution,
			nullif(current_setting('throughline.actor_id', true), '')::integer);
	end if;
	return new;
end $$;

create trigger events_verification_history
	after insert or update of verification, attribution on events
	for each row execute function record_event_verification();

create table event_sources (
	event_id integer not null references events (id) on delete cascade,
	article_id integer not null references articles (id) on delete cascade,
	-- The words in the article that report the event, quoted exactly.
	evidence text not null check (length(btrim(evidence)) between 1 and 2000),
	added_by integer references users (id) on delete set null,
	added_at timestamptz not null default now(),
	primary key (event_id, article_id)
);
create index event_sources_article_idx on event_sources (article_id);

create table event_relations (
	from_event_id integer not null references events (id) on delete cascade,
	to_event_id integer not null references events (id) on delete cascade,
	relation text not null
		check (relation in ('follows', 'part_of', 'responds_to', 'contradicts', 'same_as')),
	created_by integer references users (id) on delete set null,
	created_at timestamptz not null default now(),
	primary key (from_event_id, to_event_id, relation),
	constraint event_relations_not_self check (from_event_id <> to_event_id)
);
create index event_relations_to_idx on event_relations (to_event_id);

-- Entities ----------------------------------------------------------------------------------

create table entities (
	id integer generated always as identity primary key,
	kind text not null check (kind in ('person', 'organisation', 'place')),
	name text not null check (length(btrim(name)) between 1 and 300),
	aliases text[] not null default '{}',
	description text not null default '',
	created_at timestamptz not null default now()
);
create unique index entities_kind_name_key on entities (kind, lower(name));

create table event_entities (
	event_id integer not null references events (id) on delete cascade,
	entity_id integer not null references entities (id) on delete cascade,
	role text not null default 'actor' check (role in ('actor', 'place', 'mentioned')),
	primary key (event_id, entity_id)
);
create index event_entities_entity_idx on event_entities (entity_id);

create table article_entities (
	article_id integer not null references articles (id) on delete cascade,
	entity_id integer not null references entities (id) on delete cascade,
	mentions integer not null default 1 check (mentions >= 1),
	primary key (article_id, entity_id)
);
create index article_entities_entity_idx on article_entities (entity_id);
