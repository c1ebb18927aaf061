/**
 * Seeds the demo story into an empty database, so a fresh install shows a real timeline.
 * It never writes to a database that already has a story (real newsroom data, or an earlier
 * seed), which also makes it safe to run on every start.
 */
import { readFileSync } from 'node:fs';
import type { Sql } from '../db/client';
import * as articles from '../db/articles';
import * as entities from '../db/entities';
import * as sources from '../db/sources';
import * as events from '../db/events';
import * as stories from '../db/stories';
import { splitParagraphs } from '../ingest/text-to-html';
import {
	crbcArticle,
	demoArticleSource,
	demoArticles,
	demoEntities,
	demoEvents,
	demoRelations,
	demoStory,
	type ArticleKey
} from './demo-story';

/** Any fixed number: it only has to be the same for every process that seeds. */
const SEED_LOCK = 7_120_251_206;

/** The CRBC document exactly as the user supplied it. */
export async function readCrbcDocument(): Promise<string> {
	try {
		// Under Vite (dev, build, vitest) the text is bundled: a built server has no seed folder
		// beside its chunks, and Vite leaves `new URL(…, import.meta.url)` alone in SSR code.
		const module = (await import('./crbc-miami-talks-day3.txt?raw')) as { default: string };
		return module.default;
	} catch {
		// Plain Node (the tsx scripts) cannot import text: read the file beside this module.
		return readFileSync(new URL(`./${crbcArticle.file}`, import.meta.url), 'utf8');
	}
}

/**
 * Splits the CRBC document into its parts. The file is a copy of the web page: source and
 * section, the headline twice, the summary (our dek), the body, then a "Similar Articles"
 * link. Throws if the layout is not that, rather than seed a garbled article.
 */
export function parseCrbcDocument(raw: string): { dek: string; body: string } {
	const blocks = splitParagraphs(raw);
	const [masthead, headline, repeated, dek, ...rest] = blocks;
	if (masthead !== `${crbcArticle.source}\n${crbcArticle.section}`) {
		throw new Error('The CRBC document does not start with its source and section');
	}
	if (headline !== crbcArticle.headline || repeated !== crbcArticle.headline) {
		throw new Error('The CRBC document does not carry the expected headline twice');
	}
	if (rest.at(-1) === 'Similar Articles') rest.pop();
	if (!dek || rest.length === 0) throw new Error('The CRBC document has no summary or body');
	return { dek, body: rest.join('\n\n') };
}

/**
 * Writes the demo story, its four articles, events with their sources, entities and relations,
 * all in one transaction. Returns `{ seeded: false }` without writing when any story exists.
 */
export async function seedDemo(db: Sql): Promise<{ seeded: boolean; reason?: string }> {
	return db.begin(async (tx) => {
		// Two processes starting together must not both see an empty database and both seed.
		await tx`select pg_advisory_xact_lock(${SEED_LOCK})`;
		if ((await stories.count(tx)) > 0) {
			return { seeded: false, reason: 'the database already has stories' };
		}

		const raw = await readCrbcDocument();
		const crbc = parseCrbcDocument(raw);
		const story = await stories.create(demoStory, tx);
		// The demo desk's copy is the house's own; CRBC News has no row, so its text stays closed.
		await sources.setFullTextPublic(demoArticleSource, true, null, tx);

		const articleIds = new Map<ArticleKey, number>();
		const articleTexts: { id: number; text: string }[] = [];
		for (const item of demoArticles) {
			const article = await articles.create(
				{
					source: demoArticleSource,
					section: 'Conflict',
					headline: item.headline,
					dek: item.dek,
					body: item.body,
					publishedAt: item.publishedAt,
					demo: true
				},
				tx
			);
			articleIds.set(item.key, article.id);
			articleTexts.push({ id: article.id, text: `${item.headline}\n${item.dek}\n${item.body}` });
		}
		const crbcRow = await articles.create(
			{
				source: crbcArticle.source,
				section: crbcArticle.section,
				headline: crbcArticle.headline,
				dek: crbc.dek,
				body: crbc.body,
				bodyRaw: raw,
				publishedAt: crbcArticle.publishedAt
			},
			tx
		);
		articleIds.set(crbcArticle.key, crbcRow.id);
		articleTexts.push({
			id: crbcRow.id,
			text: `${crbcArticle.headline}\n${crbc.dek}\n${crbc.body}`
		});

		const decidedAt = new Date();
		for (const item of [...demoArticles, crbcArticle]) {
			await articles.attachToStory(
				{
					storyId: story.id,
					articleId: idOf(articleIds, item.key),
					role: item.role,
					position: item.position,
					state: 'accepted',
					decidedAt
				},
				tx
			);
		}

		const entityIds = new Map<string, number>();
		for (const { key, ...input } of demoEntities) {
			const entity = await entities.upsert(input, tx);
			entityIds.set(key, entity.id);
			for (const article of articleTexts) {
				const mentions = countMentions(article.text, [input.name, ...(input.aliases ?? [])]);
				if (mentions > 0) {
					await entities.linkToArticle(
						{ articleId: article.id, entityId: entity.id, mentions },
						tx
					);
				}
			}
		}

		const eventIds = new Map<string, number>();
		for (const { key, sources, entities: links, ...input } of demoEvents) {
			const event = await events.create({ ...input, storyId: story.id, status: 'published' }, tx);
			eventIds.set(key, event.id);
			// addSource moves first_reported_at to the earliest source's publication.
			for (const source of sources) {
				await events.addSource(
					{
						eventId: event.id,
						articleId: idOf(articleIds, source.article),
						evidence: source.evidence
					},
					tx
				);
			}
			for (const link of links) {
				await entities.linkToEvent(
					{ eventId: event.id, entityId: idOf(entityIds, link.entity), role: link.role },
					tx
				);
			}
		}

		for (const { from, to, relation } of demoRelations) {
			await events.relate(
				{ fromEventId: idOf(eventIds, from), toEventId: idOf(eventIds, to), relation },
				tx
			);
		}

		const published = [...demoArticles, crbcArticle].map((a) => new Date(a.publishedAt).getTime());
		await stories.recordHistory(
			story.id,
			{
				startedAt: new Date(Math.min(...published)),
				lastReportedAt: new Date(Math.max(...published))
			},
			tx
		);

		return { seeded: true };
	});
}

function idOf<K>(ids: Map<K, number>, key: K): number {
	const id = ids.get(key);
	if (id === undefined)
		throw new Error(`The demo data refers to ${String(key)}, which it never defines`);
	return id;
}

/** Counts whole-word occurrences of any of the names, longest first so "Steve Witkoff" counts once. */
function countMentions(text: string, names: string[]): number {
	const alternatives = [...new Set(names)]
		.sort((a, b) => b.length - a.length)
		.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	if (alternatives.length === 0) return 0;
	return text.match(new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'g'))?.length ?? 0;
}
