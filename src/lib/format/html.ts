/**
 * Text into HTML built as a string (embeds, feeds, TimelineJS export, stored article bodies):
 * escapes the five characters that could open a tag or leave a quoted attribute value.
 */
export function escapeHtml(value: string): string {
	return value
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}
