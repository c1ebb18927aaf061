/**
 * The title a proposal shows on the desk: a clean headline made from the clause, in sentence
 * case, at most 90 characters, cut at a phrase boundary rather than with an ellipsis, without
 * a dateline, a run-in label ("Fighting on the ground: "), an opening aside ("On the
 * Ukrainian side, ") or the date words (the timeline shows the date). Headline grammar: no
 * leading article, "was signed" as "signed", and what someone said as "<speaker> says …",
 * whether the clause opens with the quote, the speaker or ends with "…, the ministry said". Pure.
 */
import { escapeRegExp } from '../../format/regexp';

export const TITLE_LIMIT = 90;

/** Words a headline does not end on. */
const DANGLING =
	/\s+(?:a|an|the|of|to|and|or|but|in|on|at|for|with|by|from|as|that|which|who|its|his|her|their|into|over|after|before|while|than|is|are|was|were|has|have|had|said|says|\p{Ll}+ly|[\p{Lu}][\p{L}’'-]*[’']s)$/u;

/** Where a headline may end when no boundary comes early enough: before a trailing phrase. */
const PHRASES =
	/\s(?:on|in|at|of|for|with|toward|towards|to|from|by|over|against|into|through|during|under|near|behind|about|across|among|around|without|within|beyond|that|who|which)\s/g;

/** Words a date phrase belongs to ("since Tuesday", "the 19 September"): kept with it. */
const BOUND_TO = 'for|of|in|from|until|till|by|since|the|to|between|and|or|before|after|than';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
/** Time words a title does without (its date is shown beside it). */
const TIME_WORDS = new RegExp(
	`(?<!\\b(?:${BOUND_TO})),?\\s+(?:(?:early|late)\\s+)?(?:on\\s+)?(?:(?:early|late)\\s+)?(?:${WEEKDAY}|overnight|today|yesterday)(?:\\s+(?:morning|afternoon|evening|night))?\\b(?![’'])(?=[\\s,.;]|$)`,
	'g'
);

/** Places a long headline may end: before an aside, a reason, a second clause. */
const BOUNDARIES =
	/,\s| and (?=said|says|added|told|warned|\p{Ll}+ed\s)|\s(?:as|after|while|where|which|who|but|amid|though|although|even as|adding|saying|because|since|before|despite|including|to end|in exchange)\s/gu;

const OPENER =
	/^(?:(?:on|in|at|after|meanwhile|however|earlier|later|separately|elsewhere|still|overall|by contrast|for (?:its|his|her|their) part)\b[^,]{0,40},\s+)/i;

function sentenceCase(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Drops quote marks left without their pair after cutting. */
function balanceQuotes(text: string): string {
	const straight = (text.match(/"/g) ?? []).length;
	let out = straight % 2 === 1 ? text.replace(/"(?=[^"]*$)/, '') : text;
	const open = (out.match(/“/g) ?? []).length;
	const close = (out.match(/”/g) ?? []).length;
	if (open > close) out = out.replace(/“(?=[^“]*$)/, '');
	if (close > open) out = out.replace(/”(?=[^”]*$)/, '');
	return out;
}

/** The last match of `pattern` in `text` at or after `from` that leaves at most the limit. */
function lastCut(text: string, pattern: RegExp, from: number): number {
	let cut = -1;
	for (const match of text.matchAll(pattern)) {
		if (match.index > TITLE_LIMIT) break;
		if (match.index >= from) cut = match.index;
	}
	return cut;
}

/** Verbs of saying: "that" after one opens what was said, which the title cannot drop. */
const SAYING =
	/\b(?:said|says|declared|claimed|proposed|announced|warned|stated|told \S+|informed)$/;

function shorten(text: string): string {
	if (text.length <= TITLE_LIMIT) return text;
	// A comma first, then another clause boundary, then before "that …" (what was agreed, which
	// attack) unless it opens what someone said, then before a trailing phrase; a word last.
	const that = lastCut(text, / that /g, 25);
	const cut =
		[
			lastCut(text, /,\s/g, 40),
			lastCut(text, BOUNDARIES, 40),
			that > 0 && !SAYING.test(text.slice(0, that)) ? that : -1,
			lastCut(text, PHRASES, 60)
		].find((at) => at > 0) ?? text.lastIndexOf(' ', TITLE_LIMIT);
	let short = text.slice(0, cut);
	while (DANGLING.test(short)) short = short.replace(DANGLING, '');
	return short;
}

/** "<what>, the ministry said" told as "the ministry says <what>". */
function speakerFirst(text: string, speaker: string): string {
	const tail = new RegExp(
		`^(.{20,}?),?\\s+(?:according to ${escapeRegExp(speaker)}|${escapeRegExp(speaker)} (?:said|says|reported|wrote|told \\S+(?: \\S+)?|stated|claimed|announced))$`,
		'u'
	).exec(text);
	if (!tail) return text;
	const what = tail[1]!.replace(/^["“]|["”]$/g, '');
	return `${speaker} said ${lowerFirst(what)}`;
}

/** Lower-cases a sentence's first word when it is a common word, not a name ("U.S.", "Oman"). */
const lowerFirst = (text: string) =>
	/^(?:The|A|An|It|Its|They|Their|He|His|She|Her|We|Our|Both|All|Some|Several|Many|No|This|These|Those)\b/.test(
		text
	)
		? text.charAt(0).toLowerCase() + text.slice(1)
		: text;

/**
 * A headline's grammar: no leading article, no auxiliary before a past participle in the main
 * clause ("Treaty signed in Kigali"); what someone said keeps its own grammar.
 */
function headlineGrammar(text: string): string {
	const said = /\b(?:says?|said|say)\b/.exec(text);
	const main = said ? text.slice(0, said.index) : text;
	const rest = said ? text.slice(said.index) : '';
	const shortened = main
		.replace(/^(?:[Tt]he|[Aa]n?) (?!Hague|Gambia|Bahamas)(?=\p{L})/u, '')
		.replace(/(?<!\bto )\b(?:has|have) (?=\p{Ll}+ed\b)/gu, '')
		.replace(/\b(?:has|have) been (?=\p{Ll}+(?:ed|en|wn|ut|ld|id)\b)/gu, '')
		.replace(/\b(?:was|were) (?=\p{Ll}+(?:ed|en|wn)\b)/gu, '');
	return (shortened + rest).replace(/\b(says?|said) that\b/g, '$1');
}

/**
 * "Karol Nawrocki, a historian backed by PiS, won …": the aside between the name and its verb
 * goes ("Mohammed al-Bashir, who ran …,", "The RSF, led by …,").
 */
const ASIDE =
	/^((?:The |the )?[\p{Lu}][\p{L}.’'-]*(?: [\p{Lu}][\p{L}.’'-]*){0,4}), (?:a|an|the|who|which|led by|backed by|once|now|himself|herself|formerly) [^,]{3,90}, (?=\p{Ll})/u;

/**
 * A headline for the event `clause` reports; `speaker` when the clause quotes someone, `when`
 * the words that date it ("on Sept. 30"), which the title leaves out.
 */
export function headlineOf(clause: string, speaker: string | null = null, when = ''): string {
	let text = clause.trim().replace(/[.;,]$/, '');
	if (when && !/^\d+$/.test(when))
		text = text.replace(
			new RegExp(
				`(?<!\\b(?:${BOUND_TO})),?\\s+(?:(?:early|late)\\s+)?(?:on\\s+)?${escapeRegExp(when)}\\b(?![’'])`
			),
			''
		);
	text = text.replace(TIME_WORDS, '');
	if (speaker) text = speakerFirst(text, speaker);
	const quote = /^["“]([^"”]{12,})[,.]?["”],?\s+(.+)$/.exec(text);
	if (quote && speaker) {
		const said = quote[1]!.replace(/[,.]$/, '');
		text = `${speaker} says ${lowerFirst(said)}`;
	}
	text = text
		.replace(/^[\p{Lu}][\p{L} ’'-]{2,40}:\s+/u, '') // "Fighting on the ground: "
		.replace(OPENER, '')
		.replace(/^["“]|["”]$/g, '')
		.replace(ASIDE, '$1 ')
		.replace(/\s*(?:…|\.\.\.)\s*/g, ' ')
		.replace(/\s+/g, ' ');
	// A headline tells what someone says now: "Russia’s defence ministry says it destroyed …".
	if (speaker && text.startsWith(`${speaker} said `)) {
		// "Washington and Kyiv say", "officials say", "the ministry says".
		const plural = / and |\b\p{Ll}+s$/u.test(speaker);
		text = `${speaker} ${plural ? 'say' : 'says'} ${text.slice(speaker.length + 6)}`;
	}
	text = headlineGrammar(text);
	text = shorten(text).replace(/[\s,;:.—–-]+$/, '');
	return sentenceCase(balanceQuotes(text));
}
