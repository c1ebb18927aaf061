-- Newsrooms that do not write in English (issue 18): a story has a language like its articles,
-- a desk user an interface language, slugs may be Unicode, and each article is indexed with the
-- text search configuration of its own language instead of English for all.

alter table stories
	add column language text not null default 'en'
		check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');

alter table users
	add column locale text not null default 'en' check (locale ~ '^[a-z]{2,3}$');

-- Slugs: lower-case words of any script joined by single hyphens. The application checks the
-- letters (Unicode classes); here only what would break an address: case, spaces, separators.
alter table stories drop constraint stories_slug_check;
alter table stories add constraint stories_slug_check check (
	length(slug) between 1 and 120
	and slug ~ '^[^-]+(-[^-]+)*$'
	and slug !~ '[A-Z[:space:][:cntrl:]/?#%.\\]'
);

-- Languages PostgreSQL has no stemmer for (Ukrainian, Polish…) are indexed word by word; with
-- unaccent (present on PostgreSQL 15 and the embedded 17) accents do not matter either.
create text search configuration simple_unaccent (copy = simple);
do $$
begin
	if exists (select 1 from pg_available_extensions where name = 'unaccent') then
		create extension if not exists unaccent;
		alter text search configuration simple_unaccent
			alter mapping for hword, hword_part, word with unaccent, simple;
	end if;
end
$$;

-- The configuration for a BCP 47 tag's primary language. Immutable because the mapping is
-- fixed: the generated columns below call it.
create function search_config_for(language text) returns regconfig
language sql immutable parallel safe
set search_path = pg_catalog, public
as $$
	select (case split_part(lower(language), '-', 1)
		when 'ar' then 'arabic' when 'hy' then 'armenian' when 'eu' then 'basque'
		when 'ca' then 'catalan' when 'da' then 'danish' when 'nl' then 'dutch'
		when 'en' then 'english' when 'fi' then 'finnish' when 'fr' then 'french'
		when 'de' then 'german' when 'el' then 'greek' when 'hi' then 'hindi'
		when 'hu' then 'hungarian' when 'id' then 'indonesian' when 'ga' then 'irish'
		when 'it' then 'italian' when 'lt' then 'lithuanian' when 'ne' then 'nepali'
		when 'no' then 'norwegian' when 'nb' then 'norwegian' when 'nn' then 'norwegian'
		when 'pt' then 'portuguese' when 'ro' then 'romanian' when 'ru' then 'russian'
		when 'sr' then 'serbian' when 'es' then 'spanish' when 'sv' then 'swedish'
		when 'ta' then 'tamil' when 'tr' then 'turkish' when 'yi' then 'yiddish'
		else 'simple_unaccent' end)::regconfig
$$;

alter table articles drop column search;
alter table articles
	add column search_config regconfig generated always as (search_config_for(language)) stored,
	add column search tsvector generated always as (
		setweight(to_tsvector(search_config_for(language), headline), 'A') ||
		setweight(to_tsvector(search_config_for(language), coalesce(dek, '')), 'B') ||
		setweight(to_tsvector(search_config_for(language), body_html), 'D')
	) stored;
create index articles_search_idx on articles using gin (search);
