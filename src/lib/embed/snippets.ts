/** The copy-and-paste snippets the desk's embed builder offers. Pure; every value escaped. */
import { escapeHtml } from '../format/html';
import { DEFAULT_HEIGHT } from './oembed';
import { embedQuery, type EmbedOptions } from './options';

export interface EmbedSnippets {
	url: string;
	iframe: string;
	script: string;
	oembed: string;
}

const DATA_ATTRIBUTES: [keyof EmbedOptions, string][] = [
	['theme', 'theme'],
	['height', 'height'],
	['kinds', 'kinds'],
	['from', 'from'],
	['to', 'to'],
	['order', 'order'],
	['limit', 'limit'],
	['mode', 'mode'],
	['accent', 'accent'],
	['lang', 'lang'],
	['version', 'version']
];

export function embedSnippets(
	origin: string,
	story: { slug: string; title: string },
	options: EmbedOptions
): EmbedSnippets {
	const query = embedQuery(options);
	const url = `${origin}/embed/stories/${encodeURIComponent(story.slug)}${query}`;
	const height = options.height ?? DEFAULT_HEIGHT;
	// The frame's accessible name is the story's title, as a reader would call it. The loader
	// after it lets the frame grow to its content (embed-frame.js posts its height); where a
	// site strips scripts, the frame keeps its height and stays usable.
	const iframe =
		`<iframe src="${escapeHtml(url)}" title="${escapeHtml(story.title)}" ` +
		`width="100%" height="${height}" style="border:0" loading="lazy" data-throughline-frame></iframe>\n` +
		`<script src="${escapeHtml(origin)}/embed.js" async></script>`;
	// Only the options the canonical query carries (non-defaults) become data attributes.
	const params = new URLSearchParams(query);
	const attributes = DATA_ATTRIBUTES.filter(([name]) => params.has(name))
		.map(([name, attr]) => ` data-${attr}="${escapeHtml(params.get(name)!)}"`)
		.join('');
	const script =
		`<div data-throughline-story="${escapeHtml(story.slug)}" data-title="${escapeHtml(story.title)}"${attributes}></div>\n` +
		`<script src="${escapeHtml(origin)}/embed.js" async></script>`;
	const oembed = `${origin}/oembed?url=${encodeURIComponent(url)}&format=json`;
	return { url, iframe, script, oembed };
}
