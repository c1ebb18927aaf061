/**
 * Event proposals against the gold events of one half. Articles are replayed in publication
 * order, each filed in its story; after its proposals are scored, the editor records its gold
 * events (those not already known) as the story's events with the article as their source, so a
 * later article that repeats one should propose it with `matchesEventId`.
 *
 * A proposal is right for a gold event when the kind matches and the calendar day (in each one's
 * own zone) is the gold day, or, for a gold range, the proposal's day or window overlaps it.
 * Each gold event takes at most one proposal.
 */
import { Temporal } from 'temporal-polyfill';
import type { Sql } from '../../src/lib/server/db/client';
import * as events from '../../src/lib/server/db/events';
import * as suggestionsDb from '../../src/lib/server/db/suggestions';
import * as entities from '../../src/lib/server/db/entities';
import {
	suggestEvents,
	type EventSuggestion
} from '../../src/lib/server/suggest/event-suggestions';
import type { GoldEvent, LabelledArticle } from './set';
import { storeArticle } from './stories';

export interface EventScores {
	gold: number;
	found: number;
	proposals: number;
	right: number;
	claimed: number;
	attributed: number;
	/** Gold events told as fact, found, whose proposal calls them someone's claim. */
	reportedFound: number;
	falseClaims: number;
	repeats: number;
	repeatsMatched: number;
	notes: string[];
}

const dayFormat = new Map<string, Intl.DateTimeFormat>();
/** YYYY-MM-DD of an instant in a zone. */
export function dayIn(at: Date, zone: string): string {
	let format = dayFormat.get(zone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' });
		dayFormat.set(zone, format);
	}
	return format.format(at);
}

const startOfDay = (day: string, zone: string) =>
	new Date(Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: zone }).epochMilliseconds);

function sameWhen(p: EventSuggestion, g: GoldEvent): boolean {
	if (g.on) return dayIn(p.start, p.timeZone) === g.on;
	const from = startOfDay(g.from!, g.timeZone);
	const to = startOfDay(Temporal.PlainDate.from(g.to!).add({ days: 1 }).toString(), g.timeZone);
	const end = p.end ?? new Date(p.start.getTime() + 86_399_000);
	return p.start < to && end >= from;
}

const words = (text: string) =>
	new Set(
		text
			.toLowerCase()
			.replace(/[’']s\b/g, '')
			.match(/[\p{L}\p{N}]{3,}/gu)
			?.filter((w) => w !== 'the') ?? []
	);

/** The proposal names the gold source: most of the gold attribution's words appear in it. */
export function sameAttribution(proposed: string | null, gold: string): boolean {
	if (!proposed) return false;
	const want = words(gold);
	const have = words(proposed);
	const shared = [...want].filter((w) => have.has(w)).length;
	return want.size > 0 && shared / want.size >= 0.6;
}

export async function evaluateEvents(sql: Sql, set: LabelledArticle[]): Promise<EventScores> {
	const ordered = [...set].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
	const scores: EventScores = {
		gold: 0,
		found: 0,
		proposals: 0,
		right: 0,
		claimed: 0,
		attributed: 0,
		reportedFound: 0,
		falseClaims: 0,
		repeats: 0,
		repeatsMatched: 0,
		notes: []
	};
	const storyOf = new Map<string, number>();
	const eventOf = new Map<string, number>(); // "<key>#<i>" → recorded event id
	for (const item of ordered) {
		const article = await storeArticle(sql, item);
		let storyId = item.story ? storyOf.get(item.story) : undefined;
		if (storyId === undefined) {
			storyId = (await suggestionsDb.createDraftStory({ title: item.headline }, sql)).id;
			if (item.story) storyOf.set(item.story, storyId);
		}
		await suggestionsDb.fileArticle({ storyId, articleId: article.id, decidedBy: null }, sql);
		const proposals = (await suggestEvents(article.id, sql)) ?? [];
		scores.proposals += proposals.length;
		const used = new Set<EventSuggestion>();
		/** The proposal that found each gold event: the editor accepts it, dates corrected. */
		const acceptedFor = new Map<number, EventSuggestion>();
		for (const [i, gold] of item.events.entries()) {
			scores.gold += 1;
			const match = proposals.find(
				(p) => !used.has(p) && p.kind === gold.kind && sameWhen(p, gold)
			);
			if (match) {
				used.add(match);
				acceptedFor.set(i, match);
				scores.found += 1;
			} else {
				scores.notes.push(
					`missed ${item.key}#${i} ${gold.kind} ${gold.on ?? `${gold.from}..${gold.to}`}`
				);
			}
			// The attribution figure counts claims only; this keeps calling everything a claim
			// from looking like a gain.
			if (match && gold.verification === 'reported') {
				scores.reportedFound += 1;
				if (match.verification === 'claimed') scores.falseClaims += 1;
			}
			if (gold.verification === 'claimed' && gold.attribution) {
				scores.claimed += 1;
				if (
					match?.verification === 'claimed' &&
					sameAttribution(match.attribution, gold.attribution)
				)
					scores.attributed += 1;
				else
					scores.notes.push(
						`claim ${item.key}#${i} by “${gold.attribution}”: ${match ? `${match.verification}, “${match.attribution ?? 'nobody'}”` : 'not proposed'}`
					);
			}
			if (gold.sameAs) {
				scores.repeats += 1;
				if (match && match.matchesEventId === eventOf.get(gold.sameAs)) scores.repeatsMatched += 1;
				else
					scores.notes.push(
						`repeat unmatched ${item.key}#${i} (${gold.sameAs}): ${match ? `proposed, matchesEventId ${match.matchesEventId ?? 'none'}` : 'not proposed'}`
					);
				eventOf.set(`${item.key}#${i}`, eventOf.get(gold.sameAs)!);
				continue;
			}
			// The editor records the event for later articles: a proposal that found it is accepted
			// as the desk accepts one (its title, its sentence as evidence, its actors linked), with
			// kind, date and place set right; one no proposal found is written by hand from the
			// headline, with no actors.
			const accepted = acceptedFor.get(i);
			const start = startOfDay(gold.on ?? gold.from!, gold.timeZone);
			const recorded = await events.create(
				{
					storyId,
					kind: gold.kind,
					title: (accepted?.title ?? item.headline).slice(0, 300),
					occurredStart: start,
					occurredEnd: gold.to
						? startOfDay(
								Temporal.PlainDate.from(gold.to).add({ days: 1 }).toString(),
								gold.timeZone
							)
						: null,
					precision: gold.on ? 'day' : 'approximate',
					timeZone: gold.timeZone,
					placeName: gold.place ?? null,
					attribution: gold.attribution ?? null,
					verification: gold.verification,
					status: 'published'
				},
				sql
			);
			await events.addSource(
				{
					eventId: recorded.id,
					articleId: article.id,
					evidence: accepted?.evidence ?? item.headline,
					addedBy: null
				},
				sql
			);
			const named = await suggestionsDb.entitiesByName(accepted?.actors ?? [], sql);
			for (const entity of named)
				await entities.linkToEvent(
					{ eventId: recorded.id, entityId: entity.id, role: 'actor' },
					sql
				);
			eventOf.set(`${item.key}#${i}`, recorded.id);
		}
		scores.right += used.size;
		for (const p of proposals)
			if (!used.has(p))
				scores.notes.push(
					`extra ${item.key} ${p.kind} ${dayIn(p.start, p.timeZone)} “${p.evidence.slice(0, 70)}”`
				);
	}
	return scores;
}
