-- What the app keeps of a story (the fast path, the page cache, the embed and story JSON caches,
-- the edge purge) stays valid while no story_changes notification names the story. Until now
-- only events and articles joining what readers see notified: editing the story's own row
-- (title, summary, status: unpublishing it) and removing an event or article said nothing, so
-- kept answers stayed stale until a timed re-check. These triggers notify on the same channel
-- with kind 'story' and no row in story_changes: live pages have nothing to append for them
-- (the SSE log is unchanged), the caches only need to know. NOTIFY folds identical payloads
-- within one transaction, so a bulk change to a story costs one message.

create function notify_story_stale(p_story_id integer) returns void
language sql as $$
	select pg_notify('story_changes', json_build_object('storyId', p_story_id, 'kind', 'story')::text)
$$;

-- Any change to a story's row, and its deletion.
create function stories_notify_stale() returns trigger
language plpgsql as $$
begin
	perform notify_story_stale(old.id);
	return null;
end $$;

create trigger stories_notify_stale
	after update on stories
	for each row
	when (old is distinct from new)
	execute function stories_notify_stale();

create trigger stories_notify_deleted
	after delete on stories
	for each row execute function stories_notify_stale();

-- An event readers could see that they no longer can: unpublished, soft or hard deleted, or
-- moved to another story (both stories hear of it). Other changes to a published event are
-- announced by 00002's trigger already; a second message would purge the CDN twice.
create function events_notify_stale() returns trigger
language plpgsql as $$
begin
	if old.status <> 'published' or old.deleted_at is not null then
		return null;
	end if;
	if tg_op = 'DELETE' then
		perform notify_story_stale(old.story_id);
	elsif new.status <> 'published' or new.deleted_at is not null
		or new.story_id <> old.story_id then
		perform notify_story_stale(old.story_id);
		if new.story_id <> old.story_id then
			perform notify_story_stale(new.story_id);
		end if;
	end if;
	return null;
end $$;

create trigger events_notify_stale
	after update or delete on events
	for each row execute function events_notify_stale();

-- An article leaving a story (or its acceptance changing in any way while accepted).
create function story_articles_notify_stale() returns trigger
language plpgsql as $$
begin
	if old.state = 'accepted' then
		perform notify_story_stale(old.story_id);
	end if;
	return null;
end $$;

create trigger story_articles_notify_stale
	after update or delete on story_articles
	for each row execute function story_articles_notify_stale();

-- An accepted article's own fields (its headline and link show on the story page).
create function articles_notify_stale() returns trigger
language plpgsql as $$
begin
	perform notify_story_stale(sa.story_id)
	from story_articles sa
	where sa.article_id = old.id and sa.state = 'accepted';
	return null;
end $$;

create trigger articles_notify_stale
	after update on articles
	for each row
	when (old is distinct from new)
	execute function articles_notify_stale();
