/**
 * Bench data: a published story with `count` events, their source articles and citations,
 * inserted in bulk. Bench-only SQL (not app code), so it lives here rather than in the db modules.
 */
import type { Sql } from '../src/lib/server/db/client';

export interface SeededStory {
	id: number;
	slug: string;
	events: number;
	articles: number;
}

const DAY = 86_400_000;

/**
 * Events spread over `days` days from 2025-01-01 with bursts (every 7th day gets a third of the
 * day's share again), five kinds round-robin, 1 in 20 an approximate three-day window, every
 * event cited by one or two of `count / 5` articles.
 */
export async function seedStory(sql: Sql, count: number, days: number): Promise<SeededStory> {
	const slug = `bench-${count}`;
	const start = new Date('2025-01-01T00:00:00Z');
	const [story] = await sql<{ id: number }[]>`
		insert into stories (slug, title, summary, status, publication, published_at)
		values (${slug}, ${`Bench story with ${count} events`},
			${'Generated for npm run bench: dense periods, many sources.'}, 'developing',
			'published', now())
		returning id
	`;
	if (!story) throw new Error('story not inserted');
	const articleCount = Math.max(1, Math.floor(count / 5));
	await sql`
		insert into articles (source, headline, dek, body_html, body_raw, url, content_hash,
			published_at)
		select 'Bench Wire', 'Bench report ' || g || ' on the talks', 'Dek ' || g,
			'<p>Body of bench report ' || g || '.</p>', 'Body of bench report ' || g || '.',
			'https://example.org/bench/' || ${slug} || '/' || g,
			encode(sha256((${slug} || '/' || g)::bytea), 'hex'),
			${start}::timestamptz + (g::double precision / ${articleCount} * ${days}) * interval '1 day'
				+ interval '6 hours'
		from generate_series(1, ${articleCount}) g
	`;
	await sql`
		insert into story_articles (story_id, article_id, role, position, state, decided_at)
		select ${story.id}, a.id, case when row_number() over w = 1 then 'first_report' else 'update' end,
			row_number() over w, 'accepted', now()
		from articles a
		where a.url like ${`https://example.org/bench/${slug}/%`}
		window w as (order by a.published_at, a.id)
	`;
	// Position p in [0, 1) spread by a multiplicative hash; bursts fold some events onto every
	// 7th day so dense periods exist at every zoom level.
	await sql`
		insert into events (story_id, kind, title, description, occurred_start, occurred_end,
			precision, time_zone, place_name, first_reported_at, attribution, verification, status)
		select ${story.id},
			(array['meeting', 'statement', 'battlefield', 'policy', 'other'])[1 + i % 5],
			'Bench event ' || i || ': delegations meet again',
			'Description of bench event ' || i || '.',
			t, case when i % 20 = 0 then t + interval '3 days' end,
			case when i % 20 = 0 then 'approximate' when i % 3 = 0 then 'day' else 'minute' end,
			'UTC', 'Geneva', t + interval '2 hours',
			case when i % 4 = 1 then 'Claimed by a ministry' end,
			(array['reported', 'claimed', 'confirmed', 'disputed'])[1 + i % 4], 'published'
		from (
			select i, ${start}::timestamptz + (case when i % 3 = 0
					then floor(((i * 7919) % ${count})::double precision / ${count} * ${days} / 7) * 7
					else ((i * 7919) % ${count})::double precision / ${count} * ${days} end)
				* interval '1 day' + ((i * 37) % 1440) * interval '1 minute' as t
			from generate_series(1, ${count}) i
		) spread
	`;
	await sql`
		insert into event_sources (event_id, article_id, evidence)
		select e.id, a.id, 'Quoted evidence for event ' || e.id || ' from report ' || a.id || '.'
		from (select id, row_number() over (order by id) as n from events
			where story_id = ${story.id}) e
		join (select id, row_number() over (order by id) as n from articles
			where url like ${`https://example.org/bench/${slug}/%`}) a
			on a.n = 1 + (e.n % ${articleCount})
				or (e.n % 2 = 0 and a.n = 1 + ((e.n * 13) % ${articleCount}))
		on conflict do nothing
	`;
	return { id: story.id, slug, events: count, articles: articleCount };
}

export const BENCH_DAY = DAY;
