/**
 * Prints the event proposals for one text, for looking at extraction by eye:
 * `npx tsx scripts/eval/show.ts [file] [published ISO]`; without a file, the demo's CRBC article.
 */
import { readFileSync } from 'node:fs';
import { proposeEvents } from '../../src/lib/server/extract/events';
import { parseCrbcDocument, readCrbcDocument } from '../../src/lib/server/seed/demo';
import { crbcArticle, demoEntities, demoEvents } from '../../src/lib/server/seed/demo-story';
import { dayIn } from './events';

const [file, published] = process.argv.slice(2);
const body = file ? readFileSync(file, 'utf8') : parseCrbcDocument(await readCrbcDocument()).body;
const at = new Date(published ?? crbcArticle.publishedAt);
// The CRBC article meets the demo story's events, as it does when filed in that story.
const story = file
	? []
	: demoEvents.map((event, id) => ({
			...event,
			id,
			occurredEnd: event.occurredEnd ?? null,
			placeName: event.placeName ?? null,
			actors: event.entities
				.filter((e) => e.role !== 'place')
				.map((e) => demoEntities.find((d) => d.key === e.entity)!.name)
		}));
for (const p of proposeEvents(body, at, [], story)) {
	const when = dayIn(p.start, p.timeZone) + (p.end ? `..${dayIn(p.end, p.timeZone)}` : '');
	const who = p.attribution ? ` (${p.attribution})` : '';
	const match = p.matchesEventId === undefined ? '' : ` = ${story[p.matchesEventId]!.key}`;
	console.log(`${p.kind.padEnd(11)} ${when} ${p.place ?? '-'} ${p.verification}${who}${match}`);
	console.log(`   title: ${p.title}\n   evidence: ${p.evidence}`);
}
