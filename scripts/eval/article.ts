/**
 * Prints one tuning-half article's gold events beside its proposals, for looking at a miss by eye:
 * `npx tsx scripts/eval/article.ts <key> [...]`. Test-half articles are refused, so tuning never
 * reads them.
 */
import { proposeEvents } from '../../src/lib/server/extract/events';
import { dayIn } from './events';
import { halfOfArticle, loadSet, splitOf } from './set';

const all = loadSet();
const split = splitOf(all);
for (const key of process.argv.slice(2)) {
	const article = all.find((a) => a.key === key);
	if (!article) throw new Error(`no article ${key}`);
	if (halfOfArticle(split, article) !== 'tune') throw new Error(`${key} is in the test half`);
	console.log(`\n# ${key} (${article.publishedAt}) ${article.headline}\n${article.body}\n`);
	for (const [i, g] of article.events.entries())
		console.log(
			`gold #${i} ${g.kind.padEnd(11)} ${g.on ?? `${g.from}..${g.to}`} ${g.place ?? '-'} ${g.verification}${g.attribution ? ` (${g.attribution})` : ''}`
		);
	for (const p of proposeEvents(article.body, new Date(article.publishedAt), [], [])) {
		const when = dayIn(p.start, p.timeZone) + (p.end ? `..${dayIn(p.end, p.timeZone)}` : '');
		const who = p.attribution ? ` (${p.attribution})` : '';
		console.log(`prop    ${p.kind.padEnd(11)} ${when} ${p.place ?? '-'} ${p.verification}${who}`);
		console.log(`        ${p.evidence}`);
	}
}
