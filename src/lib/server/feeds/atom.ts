/**
 * A story's follow feed as Atom (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287). Entry
 * content is `type="html"`: HTML we built from escaped text, escaped once more as XML text.
 * Corrections carry `<updated>` later than `<published>`, a "correction" category and a
 * "Correction: " or "Retracted: " title, so feed readers show them as changed entries.
 */
import { EVENT_KINDS, VERIFICATIONS } from '$lib/types';
import { KIND_LABELS } from '$lib/charts/timeline-items';
import { VERIFICATION_LABELS } from '$lib/format/verification';
import { buildStoryFeed, type FeedEntry, type StoryFeedInput } from './entries';
import { feedLanguage } from './language';
import { element, textElement } from './xml';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
/** Turns the feed into a human page in a browser: a same-origin static file, no script. */
export const FEED_STYLESHEET = '/feed.xsl';

/**
 * The feed's type for a request. Feed readers ask for Atom (or anything) and get
 * application/atom+xml. A browser opening the link asks for HTML first, and Chromium shows
 * application/atom+xml as raw text, applying the stylesheet only to a document it reads as XML:
 * it gets the same bytes as application/xml, and the page static/feed.xsl makes of them.
 */
export function atomContentType(accept: string | null): string {
	const wants = (accept ?? '').toLowerCase();
	return wants.includes('text/html') && !wants.includes('application/atom+xml')
		? 'application/xml; charset=utf-8'
		: ATOM_CONTENT_TYPE;
}

const LABELS = new Map<string, string>([
	['event', 'Event'],
	['article', 'Article'],
	['correction', 'Correction'],
	...EVENT_KINDS.map((kind) => [kind, KIND_LABELS[kind]] as [string, string]),
	...VERIFICATIONS.map((v) => [v, VERIFICATION_LABELS[v]] as [string, string])
]);

function entryXml(entry: FeedEntry): string {
	const children = [
		textElement('id', entry.id),
		textElement('title', entry.title, { type: 'text' }),
		element('link', { rel: 'alternate', type: 'text/html', href: entry.url }),
		textElement('published', entry.published.toISOString()),
		textElement('updated', entry.updated.toISOString()),
		...entry.tags.map((term) => element('category', { term, label: LABELS.get(term) })),
		...(entry.externalUrl
			? [element('link', { rel: 'related', type: 'text/html', href: entry.externalUrl })]
			: []),
		...(entry.summary ? [textElement('summary', entry.summary, { type: 'text' })] : []),
		textElement('content', entry.contentHtml, { type: 'html' })
	];
	return element('entry', {}, children);
}

/** The Atom document for a story (UTF-8, with its XML declaration). */
export function buildAtomFeed(input: StoryFeedInput): string {
	const feed = buildStoryFeed(input);
	const children = [
		textElement('id', feed.id),
		textElement('title', feed.title, { type: 'text' }),
		...(feed.subtitle ? [textElement('subtitle', feed.subtitle, { type: 'text' })] : []),
		textElement('updated', feed.updated.toISOString()),
		element('link', { rel: 'self', type: 'application/atom+xml', href: feed.atomUrl }),
		element('link', { rel: 'alternate', type: 'text/html', href: feed.homePageUrl }),
		element('link', { rel: 'alternate', type: 'application/feed+json', href: feed.jsonUrl }),
		// Entries have no author of their own: the feed's author covers them (RFC 4287 §4.1.1).
		element('author', {}, [textElement('name', 'Throughline')]),
		textElement('generator', 'Throughline'),
		...feed.entries.map(entryXml)
	];
	return (
		'<?xml version="1.0" encoding="utf-8"?>\n' +
		// A browser opening the feed shows a page (static/feed.xsl); feed readers ignore this.
		`<?xml-stylesheet type="text/xsl" href="${FEED_STYLESHEET}"?>\n` +
		element(
			'feed',
			{ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feedLanguage(input.story) },
			children
		) +
		'\n'
	);
}
