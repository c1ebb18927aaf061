/**
 * `npm run bench:suggest`: how long "which story does this article continue?" takes for one new
 * article against 100,000 stored articles (10,000 stories of ten), on a throwaway embedded
 * PostgreSQL (or TEST_DATABASE_URL). The synthetic corpus is made in SQL with generate_series:
 * each story has its own topic words and three recurring entities, articles mix them with words
 * from a shared vocabulary and are spread over three years. Prints p50/p95 of the whole
 * suggestion (read, candidate query, scoring) and the plan, which must show index scans for
 * candidate generation. Exits 1 when p95 is over 50 ms.
 *
 * Env: BENCH_ARTICLES (default 100000), BENCH_RUNS (default 200).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, type Sql } from '../src/lib/server/db/client';
import { startEmbedded, type EmbeddedServer } from '../src/lib/server/db/embedded';
import { migrate } from '../src/lib/server/db/migrate';
import * as articles from '../src/lib/server/db/articles';
import * as suggestionsDb from '../src/lib/server/db/suggestions';
import { analyseArticle } from '../src/lib/server/suggest/analyse';
import { suggestStories } from '../src/lib/server/suggest/suggest';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const PER_STORY = 10;
const STORIES = Math.ceil(ARTICLES / PER_STORY);
const ENTITIES = 5000;
const BAR_MS = 50;

// A pseudo-word: seven letters from an md5, so trigrams vary about as much as in real text.
const word = (seed: string) => `translate(substr(md5(${seed}), 1, 7), '0123456789', 'ghijklmnop')`;

async function seed(sql: Sql) {
	const started = Date.now();
	// A shared vocabulary of 3,000 pseudo-words, and 1,000 sentences of ten of them.
	await sql.unsafe(`
		create temporary table bench_sentences as
		select n, (
			select string_agg(${word("'v' || (1 + ((n * 7919 + k * 104729) % 3000))")}, ' ')
			from generate_series(1, 10) k
		) || '.' as text
		from generate_series(0, 999) n
	`);
	await sql`
		insert into entities (kind, name)
		select 'person', 'Person' || n from generate_series(1, ${ENTITIES}) n
	`;
	// Each story has four topic words of its own; its title is made of them.
	await sql.unsafe(`
		insert into stories (slug, title, summary)
		select 'bench-story-' || s,
			(select string_agg(initcap(${word("'s' || s || '-' || k")}), ' ') from generate_series(1, 4) k),
			''
		from generate_series(1, ${STORIES}) s
	`);
	// Article g belongs to story 1 + g % STORIES: its headline has the story's topic words and
	// three shared ones, its body the story's two recurring people and three shared sentences.
	await sql`
		insert into articles (source, headline, body_html, body_raw, content_hash, published_at)
		select 'Bench Wire',
			st.title || ' ' || split_part(s1.text, ' ', 2) || ' ' || split_part(s1.text, ' ', 5)
				|| ' ' || split_part(s1.text, ' ', 8),
			'<p>' || st.title || '. Person' || e1 || ' and Person' || e2 || ' spoke. ' || s2.text
				|| ' ' || s3.text || '</p>',
			'', encode(sha256(('bench/' || g)::bytea), 'hex'),
			timestamptz '2023-01-01' + (g::float8 / ${ARTICLES} * 1095) * interval '1 day'
		from generate_series(1, ${ARTICLES}) g
		cross join lateral (select 1 + g % ${STORIES} as n) story
		join stories st on st.slug = 'bench-story-' || story.n
		cross join lateral (select 1 + story.n % ${ENTITIES} as e1, 1 + (story.n * 7) % ${ENTITIES} as e2) ents
		join bench_sentences s1 on s1.n = g % 1000
		join bench_sentences s2 on s2.n = (g * 31) % 1000
		join bench_sentences s3 on s3.n = (g * 97) % 1000
	`;
	await sql`
		insert into story_articles (story_id, article_id, state, decided_at)
		select s.id, a.id, 'accepted', now()
		from articles a
		join stories s on s.slug = 'bench-story-' || (1 + a.id % ${STORIES})
	`;
	await sql`
		insert into article_entities (article_id, entity_id)
		select a.id, e.id
		from articles a
		cross join lateral (
			select distinct unnest(array[1 + (1 + a.id % ${STORIES}) % ${ENTITIES},
				1 + ((1 + a.id % ${STORIES}) * 7) % ${ENTITIES}, 1 + a.id % ${ENTITIES}]) as id
		) e
	`;
	// Flush the GIN pending lists and gather statistics, as autovacuum would on a live database.
	await sql`vacuum analyze`;
	console.log(`seeded ${ARTICLES} articles in ${STORIES} stories in ${Date.now() - started} ms`);
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
	let embedded: EmbeddedServer | undefined;
	let dataRoot: string | undefined;
	let adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl) {
		dataRoot = mkdtempSync(path.join(tmpdir(), 'throughline-bench-suggest-'));
		chmodSync(dataRoot, 0o755);
		embedded = await startEmbedded({ dataDir: path.join(dataRoot, 'pg'), log: () => {} });
		adminUrl = embedded.url;
	}
	const name = `tl_bench_${randomBytes(4).toString('hex')}`;
	const admin = connect(adminUrl, { max: 1 });
	await admin.unsafe(`create database "${name}"`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const sql = connect(url.toString(), { max: 2 });
	let ok = false;
	try {
		await migrate(sql);
		await seed(sql);
		// The new article continues story 1234: its topic word and two of its people.
		const target = Math.min(1234, STORIES);
		const [story] = await sql<{ id: number; title: string }[]>`
			select id, title from stories where slug = ${`bench-story-${target}`}
		`;
		if (!story) throw new Error('the target story was not seeded');
		const article = await sql.begin(async (tx) => {
			const created = await articles.create(
				{
					source: 'Bench Wire',
					headline: `${story.title} latest round`,
					body: `${story.title}. Person${1 + (target % ENTITIES)} and Person${1 + ((target * 7) % ENTITIES)} met again.`,
					publishedAt: new Date('2025-06-01T12:00:00Z')
				},
				tx
			);
			await analyseArticle(created.id, tx);
			return created;
		});
		await sql`analyze article_entities`;

		for (let i = 0; i < 10; i++) await suggestStories(article.id, {}, sql);
		const times: number[] = [];
		let top: string | undefined;
		for (let i = 0; i < RUNS; i++) {
			const t0 = performance.now();
			const result = await suggestStories(article.id, {}, sql);
			times.push(performance.now() - t0);
			top = result?.suggestions[0]
				? `${result.suggestions[0].slug} (${result.suggestions[0].score})`
				: 'none';
		}
		const p50 = percentile(times, 50);
		const p95 = percentile(times, 95);
		console.log(`\nsuggestions for one article against ${ARTICLES} articles, ${RUNS} runs`);
		console.log(`  top suggestion: ${top} (expected bench-story-${target})`);
		console.log(
			`  p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (bar ${BAR_MS} ms) ${p95 < BAR_MS ? 'PASS' : 'FAIL'}`
		);
		console.log('\nEXPLAIN (ANALYZE, BUFFERS) of the candidate query:');
		for (const line of await suggestionsDb.explainCandidates(article.id, sql))
			console.log(`  ${line}`);
		ok = p95 < BAR_MS;
	} finally {
		await sql.end();
		await admin.unsafe(`drop database if exists "${name}" with (force)`);
		await admin.end();
		await embedded?.stop();
		if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
	}
	process.exit(ok ? 0 : 1);
}

await main();
