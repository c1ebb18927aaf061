/**
 * The one way the server splices markup into a page. `String.prototype.replace` with a string
 * replacement reads `$'`, `` $` ``, `$&` and `$1` in it as patterns, so an event title holding
 * `$'` once copied the rest of the page into itself (100 of them made a 1 MB page). A replacer
 * function's return value is used as it is.
 */
export function insertBefore(html: string, marker: string, insertion: string): string {
	return html.replace(marker, () => insertion + marker);
}
