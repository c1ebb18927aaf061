-- Live updates: an open story page learns within seconds that events or articles were published.
-- Triggers append every reader-visible change to story_changes (whose id is the Server-Sent
-- Events id, so a reconnecting page replays what it missed) and NOTIFY the app instances, which
-- all LISTEN, so it works however many instances run. The payload is a few small fields:
-- NOTIFY refuses payloads over 8000 bytes, and the table, not the message, is the record.

create table story_changes (
	id bigint generated always as identity primary key,
	story_id integer not null references stories (id) on delete cascade,
	kind text not null check (kind in ('event', 'article')),
	-- The event's or the article's id, as `kind` says (no foreign key: the log outlives rows).
	entity_id integer not null,
	change text not null check (change in ('published', 'updated', 'corrected')),
	at timestamptz not null default now()
);
create index story_changes_story_idx on story_changes (story_id, id);

-- Appends one change and notifies. A page resumes with "changes after id N", so within a story
-- ids must become visible in id order: the per-story advisory lock, held to commit, makes a
-- second writer to the same story take its id only after the first has committed.
create function record_story_change(
	p_story_id integer, p_kind text, p_entity_id integer, p_change text
) returns void
language plpgsql as $$
declare
	change_id bigint;
begin
	perform pg_advisory_xact_lock(hashtext('story_changes'), p_story_id);
	insert into story_changes (story_id, kind, entity_id, change)
	values (p_story_id, p_kind, p_entity_id, p_change)
	returning id into change_id;
	perform pg_notify('story_changes', json_build_object(
		'storyId', p_story_id, 'id', change_id, 'kind', p_kind, 'entityId', p_entity_id,
		'change', p_change
	)::text);
end $$;

-- An event counts once it is published and not deleted: inserted published, or moved to
-- published ('published'); a published event whose verification or attribution changes
-- ('corrected'), or whose reader-visible fields change ('updated'). Drafts stay silent.
create function events_record_story_change() returns trigger
language plpgsql as $$
begin
	if new.status <> 'published' or new.deleted_at is not null then
		return null;
	end if;
	if tg_op = 'INSERT' or old.status <> 'published' or old.deleted_at is not null then
		perform record_story_change(new.story_id, 'event', new.id, 'published');
	elsif new.verification is distinct from old.verification
		or new.attribution is distinct from old.attribution then
		perform record_story_change(new.story_id, 'event', new.id, 'corrected');
	elsif (new.kind, new.title, new.description, new.occurred_start, new.occurred_end,
			new.precision, new.time_zone, new.place_name, new.latitude, new.longitude,
			new.first_reported_at)
		is distinct from (old.kind, old.title, old.description, old.occurred_start,
			old.occurred_end, old.precision, old.time_zone, old.place_name, old.latitude,
			old.longitude, old.first_reported_at) then
		perform record_story_change(new.story_id, 'event', new.id, 'updated');
	end if;
	return null;
end $$;

create trigger events_story_changes
	after insert or update on events
	for each row execute function events_record_story_change();

-- An article joins what readers see when an editor accepts it into the story.
create function story_articles_record_story_change() returns trigger
language plpgsql as $$
begin
	if new.state = 'accepted' and (tg_op = 'INSERT' or old.state <> 'accepted') then
		perform record_story_change(new.story_id, 'article', new.article_id, 'published');
	end if;
	return null;
end $$;

create trigger story_articles_story_changes
	after insert or update of state on story_articles
	for each row execute function story_articles_record_story_change();
