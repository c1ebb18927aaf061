/**
 * The title a proposal shows on the desk: a clean headline made from the clause, in sentence
 * case, at most 90 characters, cut at a phrase boundary rather than with an ellipsis, without
 * a dateline, a run-in label ("Fighting on the ground: ") or an opening aside ("On the
 * Ukrainian side, "). A quotation the clause opens with becomes "<speaker> says …". Pure.
 */

export const TITLE_LIMIT = 90;

/** Words a headline does not end on. */
const DANGLING =
	/\s+(?:a|an|the|of|to|and|or|but|in|on|at|for|with|by|from|as|that|which|who|its|his|her|their|into|over|after|before|while|than|is|are|was|were|has|have|had|said|says|[\p{Lu}][\p{L}’'-]*[’']s)$/u;

/** Places a long headline may end: before an aside, a reason, a second clause. */
const BOUNDARIES =
	/,\s|\s(?:as|after|while|where|which|who|but|amid|though|although|even as|adding|saying|because|since|before|despite|including|to end|in exchange)\s/g;

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

function shorten(text: string): string {
	if (text.length <= TITLE_LIMIT) return text;
	let cut = -1;
	for (const match of text.matchAll(BOUNDARIES)) {
		if (match.index > TITLE_LIMIT) break;
		if (match.index >= 50) cut = match.index;
	}
	let short = cut > 0 ? text.slice(0, cut) : text.slice(0, text.lastIndexOf(' ', TITLE_LIMIT));
	while (DANGLING.test(short)) short = short.replace(DANGLING, '');
	return short;
}

/** A headline for the event `clause` reports; `speaker` when the clause quotes someone. */
export function headlineOf(clause: string, speaker: string | null = null): string {
	let text = clause.trim();
	const quote = /^["“]([^"”]{12,})[,.]?["”],?\s+(.+)$/.exec(text);
	if (quote && speaker) {
		const said = quote[1]!.replace(/[,.]$/, '');
		text = `${speaker} says ${said.charAt(0).toLowerCase()}${said.slice(1)}`;
	}
	text = text
		.replace(/^[\p{Lu}][\p{L} ’'-]{2,40}:\s+/u, '') // "Fighting on the ground: "
		.replace(OPENER, '')
		.replace(/^["“]|["”]$/g, '')
		.replace(/\s*(?:…|\.\.\.)\s*/g, ' ')
		.replace(/\s+/g, ' ');
	// A headline tells what someone says now: "Russia’s defence ministry says it destroyed …".
	if (speaker && text.startsWith(`${speaker} said `)) {
		// "Washington and Kyiv say", "officials say", "the ministry says".
		const plural = / and |\b\p{Ll}+s$/u.test(speaker);
		text = `${speaker} ${plural ? 'say' : 'says'} ${text.slice(speaker.length + 6)}`;
	}
	text = shorten(text).replace(/[\s,;:.—–-]+$/, '');
	return sentenceCase(balanceQuotes(text));
}
