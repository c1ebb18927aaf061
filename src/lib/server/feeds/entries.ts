/**
 * A story's follow feed as plain entries, shared by the Atom and JSON Feed writers: one entry per
 * published event and per accepted article. An event whose verification or attribution changed
 * after it was first recorded, or that is retracted, is a correction: its title says so and its
 * update time is the change. Pure: the route loads the data, these functions only shape it.
 */
import type { EventKind, Story, StoryArticle, TimelineEvent, Verification } from '$lib/types';
import { KIND_LABELS } from '$lib/charts/timeline-items';
import { formatDay, formatEventWhen, formatTimestamp } from '$lib/format/dates';
import { describeVerification } from '$lib/format/verification';
import { asHtml, asText } from '../../format/export-text';

/** One verification-history row, as `events.verificationHistoryForStory` returns it. */
export interface FeedVerificationChange {
	eventId: number;
	verification: Verification;
	attribution: string | null;
	changedAt: Date;
}

export interface StoryFeedInput {
	/** The site's origin (`url.origin`): every id and link in a feed is absolute. */
	origin: string;
	story: Pick<Story, 'id' | 'slug' | 'title' | 'summary' | 'updatedAt' | 'publishedAt'>;
	/** Published events only; the caller filters. */
	events: readonly TimelineEvent[];
	/** Accepted articles only; the caller filters. */
	articles: readonly Pick<
		StoryArticle,
		'id' | 'source' | 'section' | 'headline' | 'dek' | 'url' | 'publishedAt' | 'demo'
	>[];
	/** Verification history of the story's events, any order. */
	history: readonly FeedVerificationChange[];
}

export interface FeedEntry {
	/** A tag: URI (RFC 4151), stable while ids stay: it names neither slug nor port. */
	id: string;
	type: 'event' | 'article';
	title: string;
	url: string;
	/** The original article on the outlet's site, when there is one. */
	externalUrl: string | null;
	published: Date;
	/** Equal to `published` unless the entry is a correction. */
	updated: Date;
	correction: boolean;
	/** Plain text: the verification sentence for events, the dek for articles. */
	summary: string;
	/** HTML built here from escaped text; never HTML taken from the database. */
	contentHtml: string;
	tags: string[];
	event: { kind: EventKind; verification: Verification; attribution: string | null } | null;
}

export interface StoryFeed {
	id: string;
	title: string;
	subtitle: string;
	homePageUrl: string;
	atomUrl: string;
	jsonUrl: string;
	updated: Date;
	entries: FeedEntry[];
}

/**
 * The tagging date of our tag: URIs. Fixed, so ids never change; any date on which the site's
 * owner held its domain is valid (RFC 4151 §2.1).
 */
const TAG_DATE = '2025';

// The export rule (format/export-text.ts): content is markup built from escaped text; titles,
// summaries and extension values are text.
const html = asHtml;

function tagUri(origin: string, specific: string): string {
	return `tag:${new URL(origin).hostname},${TAG_DATE}:${specific}`;
}

export function storyUrl(origin: string, slug: string): string {
	return `${origin}/stories/${encodeURIComponent(slug)}`;
}

export function eventUrl(origin: string, slug: string, eventId: number): string {
	return `${storyUrl(origin, slug)}?event=${eventId}#event-${eventId}`;
}

export function articleUrl(origin: string, articleId: number): string {
	return `${origin}/articles/${articleId}`;
}

/** Whether the reader should see the verification sentence (as the story page does). */
const hasVerificationNote = (event: Pick<TimelineEvent, 'verification' | 'attribution'>) =>
	event.verification !== 'reported' || Boolean(event.attribution?.trim());

function eventEntry(
	input: StoryFeedInput,
	event: TimelineEvent,
	changes: FeedVerificationChange[]
): FeedEntry {
	const { origin, story } = input;
	const first = changes[0];
	const corrections = changes.slice(1);
	const lastChange = corrections.at(-1);
	const retracted = event.verification === 'retracted';
	const correction = retracted || lastChange !== undefined;
	// Published: when the news first carried it, else when the desk recorded it.
	const published = event.firstReportedAt ?? first?.changedAt ?? event.occurredStart;
	const updated = lastChange && lastChange.changedAt > published ? lastChange.changedAt : published;
	const sentence = describeVerification(event.verification, event.attribution);
	const prefix = retracted ? 'Retracted: ' : correction ? 'Correction: ' : '';

	const parts: string[] = [];
	const facts = [html(KIND_LABELS[event.kind]), html(formatEventWhen(event))];
	if (event.placeName) facts.push(html(event.placeName));
	parts.push(`<p>${facts.join(' · ')}</p>`);
	if (correction) {
		const was = first ? describeVerification(first.verification, first.attribution) : null;
		const when = lastChange ? ` (${formatTimestamp(lastChange.changedAt)})` : '';
		const note =
			was && was !== sentence
				? `This event was first published as “${was}”. It now reads “${sentence}”.`
				: `This event now reads “${sentence}”.`;
		parts.push(`<p><strong>${html(`Correction${when}:`)}</strong> ${html(note)}</p>`);
	} else if (hasVerificationNote(event)) {
		parts.push(`<p><strong>${html(sentence)}</strong></p>`);
	}
	if (event.description) parts.push(`<p>${html(event.description)}</p>`);
	if (event.sources.length > 0) {
		parts.push(`<p><strong>${event.sources.length === 1 ? 'Source' : 'Sources'}</strong></p>`);
		for (const source of event.sources) {
			parts.push(
				`<blockquote><p>“${html(source.evidence)}”</p></blockquote>`,
				`<p>— <a href="${html(articleUrl(origin, source.articleId))}">${html(source.headline)}</a>, ` +
					`${html(source.source)}, ${html(formatDay(source.publishedAt))}</p>`
			);
		}
	}

	return {
		id: tagUri(origin, `event:${event.id}`),
		type: 'event',
		title: asText(`${prefix}${event.title}`),
		url: eventUrl(origin, story.slug, event.id),
		externalUrl: null,
		published,
		updated,
		correction,
		summary: asText(hasVerificationNote(event) || correction ? sentence : event.description),
		contentHtml: parts.join('\n'),
		tags: ['event', event.kind, event.verification, ...(correction ? ['correction'] : [])],
		event: {
			kind: event.kind,
			verification: event.verification,
			attribution: event.attribution === null ? null : asText(event.attribution)
		}
	};
}

function articleEntry(
	input: StoryFeedInput,
	article: StoryFeedInput['articles'][number]
): FeedEntry {
	const { origin } = input;
	const byline = [article.source, article.section].filter(Boolean).join(' · ');
	const parts = [`<p>${html(byline)}, ${html(formatDay(article.publishedAt))}</p>`];
	if (article.dek) parts.push(`<p>${html(article.dek)}</p>`);
	if (article.demo) {
		parts.push(`<p><em>Written for the demo story, not taken from a news outlet.</em></p>`);
	}
	parts.push(`<p><a href="${html(articleUrl(origin, article.id))}">Read the article</a></p>`);
	if (article.url) {
		parts.push(`<p><a href="${html(article.url)}">Original at ${html(article.source)}</a></p>`);
	}
	return {
		id: tagUri(origin, `article:${article.id}`),
		type: 'article',
		title: asText(article.headline),
		url: articleUrl(origin, article.id),
		externalUrl: article.url,
		published: article.publishedAt,
		updated: article.publishedAt,
		correction: false,
		summary: asText(article.dek ?? ''),
		contentHtml: parts.join('\n'),
		tags: ['article'],
		event: null
	};
}

/** The story's feed: entries newest first (by last update, then id for a stable order). */
export function buildStoryFeed(input: StoryFeedInput): StoryFeed {
	const { origin, story } = input;
	const history = new Map<number, FeedVerificationChange[]>();
	for (const change of [...input.history].sort(
		(a, b) => a.changedAt.getTime() - b.changedAt.getTime()
	)) {
		const list = history.get(change.eventId);
		if (list) list.push(change);
		else history.set(change.eventId, [change]);
	}

	const entries = [
		...input.events.map((event) => eventEntry(input, event, history.get(event.id) ?? [])),
		...input.articles.map((article) => articleEntry(input, article))
	].sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.id.localeCompare(b.id));

	const updated = new Date(
		Math.max(story.updatedAt.getTime(), ...entries.map((entry) => entry.updated.getTime()))
	);
	const home = storyUrl(origin, story.slug);
	return {
		id: tagUri(origin, `story:${story.id}`),
		title: asText(`${story.title} · Throughline`),
		subtitle: asText(story.summary),
		homePageUrl: home,
		atomUrl: `${home}/feed.atom`,
		jsonUrl: `${home}/feed.json`,
		updated,
		entries
	};
}
