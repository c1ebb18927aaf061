/**
 * Prints the event proposals for one text, for looking at extraction by eye:
 * `npx tsx scripts/eval/show.ts [file] [published ISO]`; without a file, the demo's CRBC article.
 */
import { readFileSync } from 'node:fs';
import { proposeEvents } from '../../src/lib/server/extract/events';
import { parseCrbcDocument, readCrbcDocument } from '../../src/lib/server/seed/demo';
import { crbcArticle } from '../../src/lib/server/seed/demo-story';
import { dayIn } from './events';

const [file, published] = process.argv.slice(2);
const body = file ? readFileSync(file, 'utf8') : parseCrbcDocument(await readCrbcDocument()).body;
const at = new Date(published ?? crbcArticle.publishedAt);
for (const p of proposeEvents(body, at)) {
	const when = dayIn(p.start, p.timeZone) + (p.end ? `..${dayIn(p.end, p.timeZone)}` : '');
	const who = p.attribution ? ` (${p.attribution})` : '';
	console.log(`${p.kind.padEnd(11)} ${when} ${p.place ?? '-'} ${p.verification}${who}`);
	console.log(`   title: ${p.title}\n   evidence: ${p.evidence}`);
}
