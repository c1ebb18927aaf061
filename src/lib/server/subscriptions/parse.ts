/**
 * RSS 2.0, Atom, RDF and JSON Feed documents (feedsmith) reduced to what ingest needs. feedsmith
 * configures fast-xml-parser with `processEntities: false`, so entities declared in a DOCTYPE
 * are never expanded; we still refuse any document that declares them (billion laughs, external
 * entities) before parsing, so that guarantee does not rest on a library default.
 */
import { parseFeed } from 'feedsmith';

export const MAX_ITEMS = 200;

export class FeedParseError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FeedParseError';
	}
}

/** One item, still untrusted: the ingest path validates and sanitises it. */
export interface FeedEntry {
	/** The feed's own id for the item, else its link. */
	key: string | null;
	url: string | null;
	title: string | null;
	/** HTML or text; null when the item has neither content nor summary. */
	body: string | null;
	/** A summary shown as the dek when the item has separate full content. */
	dek: string | null;
	published: string | null;
}

export interface ParsedFeed {
	format: string;
	title: string | null;
	language: string | null;
	entries: FeedEntry[];
	/** Items beyond MAX_ITEMS, not read this poll. */
	skipped: number;
}

type Node = Record<string, unknown>;

function node(value: unknown): Node {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
}

function text(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() || null;
	if (typeof value === 'number') return String(value);
	// Atom text constructs and RSS guids come as { value, type } / { value, isPermaLink }.
	if (value && typeof value === 'object' && 'value' in value) return text(value.value);
	return null;
}

function array(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

/**
 * Refuses a document with a DOCTYPE that declares entities, wherever they stand: the whole
 * document is searched, because a comment or processing instruction holding a tag can come
 * before the DOCTYPE and hide it from a scan that stops at the first tag.
 */
export function assertNoEntityDeclarations(document: string): void {
	if (/<!DOCTYPE/i.test(document) && /<!ENTITY/i.test(document)) {
		throw new FeedParseError(
			'The feed declares XML entities in a DOCTYPE; refused (entity expansion attacks).'
		);
	}
}

function rssEntry(item: Node): FeedEntry {
	const content = text(node(item.content).encoded);
	const description = text(item.description);
	const url = text(item.link);
	return {
		key: text(item.guid) ?? url,
		url,
		title: text(item.title),
		body: content ?? description,
		dek: content ? description : null,
		published: text(item.pubDate) ?? text(node(item.dc).date)
	};
}

function atomEntry(entry: Node): FeedEntry {
	const links = array(entry.links).map(node);
	const link = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
	const content = text(entry.content);
	const summary = text(entry.summary);
	const url = link ? text(link.href) : null;
	return {
		key: text(entry.id) ?? url,
		url,
		title: text(entry.title),
		body: content ?? summary,
		dek: content ? summary : null,
		published: text(entry.published) ?? text(entry.updated)
	};
}

function jsonEntry(item: Node): FeedEntry {
	const content = text(item.content_html) ?? text(item.content_text);
	const summary = text(item.summary);
	const url = text(item.url);
	return {
		key: text(item.id) ?? url,
		url,
		title: text(item.title),
		body: content ?? summary,
		dek: content ? summary : null,
		published: text(item.date_published) ?? text(item.date_modified)
	};
}

/** Parses a feed document; FeedParseError when it is not a feed we can read. */
export function parseFeedDocument(document: string, maxItems = MAX_ITEMS): ParsedFeed {
	assertNoEntityDeclarations(document);
	let result: { format: string; feed: unknown };
	try {
		result = parseFeed(document) as { format: string; feed: unknown };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new FeedParseError(`Not a readable RSS, Atom or JSON feed (${reason}).`);
	}
	const feed = node(result.feed);
	let items: unknown[];
	let toEntry: (item: Node) => FeedEntry;
	if (result.format === 'atom') {
		items = array(feed.entries);
		toEntry = atomEntry;
	} else if (result.format === 'json') {
		items = array(feed.items);
		toEntry = jsonEntry;
	} else {
		items = array(feed.items);
		toEntry = rssEntry;
	}
	return {
		format: result.format,
		title: text(feed.title),
		language: text(feed.language) ?? text(node(feed.dc).language),
		entries: items.slice(0, maxItems).map((item) => toEntry(node(item))),
		skipped: Math.max(0, items.length - maxItems)
	};
}
