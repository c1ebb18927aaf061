/**
 * The labelled evaluation set (eval/set/*.json, see eval/README.md) and its one split into a
 * tuning half and a test half. The split is a rule, not a list: threads are ordered by the
 * SHA-256 of "throughline-eval:<thread>" and alternate tune/test; one-off articles likewise by
 * key. Adding an article to an existing thread keeps every assignment.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EventKind, Verification } from '../../src/lib/types';

export interface GoldEvent {
	kind: EventKind;
	/** The calendar day in the event's zone, or `from`..`to` for a range. */
	on?: string;
	from?: string;
	to?: string;
	place?: string;
	timeZone: string;
	verification: Verification;
	attribution?: string;
	/** Planned at the time of writing ("will meet on Thursday"). */
	scheduled?: boolean;
	/** `<article key>#<index>`: the same event as one an earlier article reported. */
	sameAs?: string;
}

export interface LabelledArticle {
	key: string;
	/** The thread it continues, or null for a one-off. */
	story: string | null;
	/** Set by its file for articles written for one half only (eval/README.md, "Later articles"). */
	half?: Half;
	style: string;
	source: string;
	publishedAt: string;
	headline: string;
	dek?: string;
	body: string;
	events: GoldEvent[];
}

export type Half = 'tune' | 'test';

interface SetFile {
	thread: string | null;
	/** Written after the split, for this half only; the rule never moves them or others. */
	half?: Half;
	style: string;
	zones?: Record<string, string>;
	articles: (Omit<LabelledArticle, 'story' | 'style' | 'events'> & {
		style?: string;
		events: (Omit<GoldEvent, 'timeZone'> & { timeZone?: string })[];
	})[];
}

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '../..');

export function loadSet(): LabelledArticle[] {
	const dir = path.join(root, 'eval/set');
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.flatMap((name) => {
			const file = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as SetFile;
			return file.articles.map((article) => ({
				...article,
				story: file.thread,
				...(file.half ? { half: file.half } : {}),
				style: article.style ?? file.style,
				events: article.events.map((event) => ({
					...event,
					timeZone: event.timeZone ?? (event.place ? file.zones?.[event.place] : undefined) ?? 'UTC'
				}))
			}));
		});
}

const rank = (name: string) =>
	createHash('sha256').update(`throughline-eval:${name}`).digest('hex');

/** The half each thread (by name) and each one-off (by key) belongs to. */
export function splitOf(all: LabelledArticle[]): Map<string, Half> {
	const articles = all.filter((a) => !a.half);
	const threads = [...new Set(articles.flatMap((a) => (a.story ? [a.story] : [])))];
	const oneOffs = articles.filter((a) => a.story === null).map((a) => a.key);
	const half = new Map<string, Half>();
	for (const group of [threads, oneOffs]) {
		[...group]
			.sort((a, b) => rank(a).localeCompare(rank(b)))
			.forEach((name, i) => half.set(name, i % 2 === 0 ? 'tune' : 'test'));
	}
	for (const a of all) {
		if (!a.half) continue;
		const name = a.story ?? a.key;
		if (half.has(name) && half.get(name) !== a.half)
			throw new Error(`eval: ${name} is in the ${half.get(name)} half, not ${a.half}`);
		half.set(name, a.half);
	}
	return half;
}

export const halfOfArticle = (split: Map<string, Half>, a: LabelledArticle): Half =>
	split.get(a.story ?? a.key)!;
