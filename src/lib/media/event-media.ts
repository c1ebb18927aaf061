/**
 * An event's media as pages show it. Nothing is fetched: a link is shown as a card naming its
 * provider, read from the address alone (oEmbed would need a server-side fetch per link).
 */
import type { EventMediaFields, MediaKind } from '../types';

export interface EventMedia {
	kind: MediaKind;
	url: string;
	caption: string | null;
	credit: string | null;
	alt: string | null;
	width: number | null;
	height: number | null;
	/** "YouTube", "X", "Bluesky"… or the site's host name. */
	provider: string;
}

// Host names (without www.) of the providers readers know by name.
const PROVIDERS: Record<string, string> = {
	'youtube.com': 'YouTube',
	'youtu.be': 'YouTube',
	'm.youtube.com': 'YouTube',
	'x.com': 'X',
	'twitter.com': 'X',
	'bsky.app': 'Bluesky',
	'instagram.com': 'Instagram',
	'tiktok.com': 'TikTok',
	'vimeo.com': 'Vimeo',
	'facebook.com': 'Facebook',
	'threads.net': 'Threads',
	't.me': 'Telegram',
	'soundcloud.com': 'SoundCloud'
};

/** The provider's name for an address, or its host name; null for no http(s) address. */
export function providerOf(url: string): string | null {
	try {
		const parsed = new URL(url);
		if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
		const host = parsed.hostname.replace(/^www\./, '');
		return PROVIDERS[host] ?? host;
	} catch {
		return null;
	}
}

/** The event's media item, or null; an address that is not http(s) is never shown. */
export function mediaOf(event: EventMediaFields): EventMedia | null {
	if (!event.mediaUrl || !event.mediaKind) return null;
	const provider = providerOf(event.mediaUrl);
	if (!provider) return null;
	return {
		kind: event.mediaKind,
		url: event.mediaUrl,
		caption: event.mediaCaption,
		credit: event.mediaCredit,
		alt: event.mediaAlt,
		width: event.mediaWidth,
		height: event.mediaHeight,
		provider
	};
}
