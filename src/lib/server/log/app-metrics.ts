/**
 * The gauges read at each scrape: whether the database is reachable, this app's connections to
 * it by state (from pg_stat_activity: postgres.js does not expose its pool's counts, so this is
 * every instance's connections on this database), and open live streams of this process.
 */
import { connectionsByState, databaseUp } from '../db/availability';
import { subscriberCount } from '../live/listener';
import { gaugeOnScrape } from './metrics';

gaugeOnScrape(
	'throughline_database_up',
	'Whether the database is reachable (1) or not (0).',
	[],
	(set) => set(databaseUp() ? 1 : 0)
);

gaugeOnScrape(
	'throughline_database_connections',
	"The app's connections to its database by state (all instances), from pg_stat_activity.",
	['state'],
	async (set) => {
		if (!databaseUp()) return;
		for (const row of await connectionsByState()) set(row.count, { state: row.state });
	}
);

gaugeOnScrape(
	'throughline_live_streams',
	'Open live-update streams (SSE) in this process.',
	[],
	(set) => set(subscriberCount())
);
