/**
 * Search text on both sides of the database: the reader's query as we accept it, and the
 * highlighted snippets PostgreSQL's ts_headline returns. ts_headline copies the document's text
 * verbatim (markup included) and only adds its own start/stop strings, so we ask for two
 * private-use characters that never occur in copy, and turn them into `<mark>` in Svelte while
 * everything else stays text.
 */

/** Longest query we search for; longer input is cut, not refused. */
export const MAX_QUERY_LENGTH = 200;

/** ts_headline's StartSel / StopSel: Unicode private-use characters, not markup. */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

/**
 * The query as searched: whitespace collapsed, trimmed, at most MAX_QUERY_LENGTH characters
 * (code points, so an emoji is never cut in half). Empty when there is nothing to search for.
 */
export function normaliseQuery(raw: string | null | undefined): string {
	const collapsed = (raw ?? '').replace(/\s+/gu, ' ').trim();
	return Array.from(collapsed).slice(0, MAX_QUERY_LENGTH).join('').trim();
}

export interface TextPart {
	text: string;
	/** True for a matched term, shown in `<mark>`. */
	mark: boolean;
}

/**
 * Splits a ts_headline result at its markers into plain and matched parts. Unbalanced or stray
 * markers are dropped rather than shown; adjacent parts of the same kind are merged.
 */
export function splitHighlights(snippet: string): TextPart[] {
	const parts: TextPart[] = [];
	let mark = false;
	let text = '';
	const flush = () => {
		if (!text) return;
		const previous = parts.at(-1);
		if (previous && previous.mark === mark) previous.text += text;
		else parts.push({ text, mark });
		text = '';
	};
	for (const char of snippet) {
		if (char === HIGHLIGHT_START || char === HIGHLIGHT_STOP) {
			flush();
			mark = char === HIGHLIGHT_START;
		} else {
			text += char;
		}
	}
	flush();
	return parts;
}

/** ts_headline options for short fields (titles, headlines, summaries): the whole text, marked. */
export const HEADLINE_WHOLE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;

/** ts_headline options for article bodies: up to two short passages around the matches. */
export const HEADLINE_PASSAGES =
	`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, ` +
	'MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';
