/** The same server as `url`, another database. */
export function databaseUrl(url: string, database: string): string {
	const next = new URL(url);
	next.pathname = `/${database}`;
	return next.toString();
}
