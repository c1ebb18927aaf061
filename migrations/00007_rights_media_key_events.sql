-- Issue 16. Rights per source: a newsroom may quote a sentence of another outlet's article as
-- evidence, but not republish its copy, so each outlet (an article's `source`, a feed's
-- `source`) says whether readers may see its full text; an outlet without a row may not.
-- Key events: an editor pins the events a reader should see first. Media: one image or
-- embeddable link per event. Both are event columns, so the revision trigger's to_jsonb(row)
-- snapshots them and a restore brings them back.

create table sources (
	id integer generated always as identity primary key,
	-- The outlet name as articles and feeds carry it; matched trimmed and case-blind.
	name text not null check (length(btrim(name)) between 1 and 200),
	full_text_public boolean not null default false,
	updated_by integer references users (id) on delete set null,
	updated_at timestamptz not null default now()
);
create unique index sources_name_key on sources (lower(btrim(name)));

-- Whether readers may see the full text of an article from this outlet: no row, no.
create function source_full_text_public(outlet text) returns boolean
language sql stable as $$
	select coalesce(
		(select s.full_text_public from sources s where lower(btrim(s.name)) = lower(btrim(outlet))),
		false)
$$;

-- Every outlet already known gets its row, closed by default; the demo desk's copy is the
-- house's own (its articles are all marked demo), so it stays readable.
insert into sources (name, full_text_public)
select min(btrim(name)), bool_and(demo)
from (
	select source as name, demo from articles
	union all
	select source, false from feeds
) known
group by lower(btrim(name))
on conflict do nothing;

alter table events
	add column pinned boolean not null default false,
	add column media_kind text constraint events_media_kind check (media_kind in ('image', 'link')),
	add column media_url text constraint events_media_url check (
		media_url ~ '^https?://[^\s]+$' and length(media_url) <= 2000),
	add column media_caption text constraint events_media_caption check (length(media_caption) <= 500),
	add column media_credit text constraint events_media_credit check (length(media_credit) <= 200),
	add column media_alt text constraint events_media_alt check (length(media_alt) <= 500),
	add column media_width integer constraint events_media_width check (media_width between 1 and 10000),
	add column media_height integer constraint events_media_height check (media_height between 1 and 10000),
	-- A kind and a URL together or neither; an image is described for readers who cannot see it.
	add constraint events_media_whole check ((media_kind is null) = (media_url is null)),
	add constraint events_media_image_alt check (
		media_kind is distinct from 'image' or length(btrim(media_alt)) >= 1),
	add constraint events_media_size_paired check ((media_width is null) = (media_height is null));

create index events_pinned_idx on events (story_id) where pinned and deleted_at is null;
