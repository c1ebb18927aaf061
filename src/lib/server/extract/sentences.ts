/**
 * Sentences of news copy with their offsets, so evidence stays an exact slice of the text.
 * Wire copy puts full stops inside sentences: "U.S.", "Gen.", "Sept. 30", "a.m.", initials
 * ("K.P. Sharma Oli"). A full stop ends a sentence only when it is not one of those and the
 * next word starts a sentence. A dateline ("SEOUL, South Korea (Eval Wire) — ",
 * "MIAMI, Dec 7 (CRBC) — ") is not part of the first sentence. `Intl.Segmenter` splits after
 * every such abbreviation. wink-nlp (with its English lite model) was measured against this
 * splitter and lost: it keeps datelines inside the first sentence and splits "Army Pvt. Travis
 * King" and "R-S.C., said" (tests/unit/extract-sentences.test.ts has the AP cases), at several
 * times the cost.
 */

/** Words that end with a full stop but do not end a sentence (lower case, without the stop). */
const ABBREVIATIONS = new Set(
	(
		'mr mrs ms dr prof gen lt col maj capt cmdr adm sgt pvt cpl spc pfc sen rep gov pres st sr jr rev fr ' +
		'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun ' +
		'no nos vs etc inc ltd co corp dept est approx fig mt ft ave blvd ' +
		// The wire's state abbreviations in datelines: "CAPE CANAVERAL, Fla. (AP) —".
		'ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex vt va wash wis wyo'
	).split(' ')
);

/** "U.S.", "U.K.", "a.m.", "p.m.", "K.P.": letters with stops between them. */
const DOTTED = /(?:^|[\s(“"])(?:\p{L}\.){2,}$/u;

const DATELINE =
	/^[\p{Lu}][\p{Lu}\s.'’-]{1,40}(?:, [\p{L}\d\s.'’-]{2,40})?(?: \([^)]{2,40}\))? (?:—|–|-{1,2}) /u;

export interface Sentence {
	text: string;
	index: number;
}

function endsSentence(text: string, stop: number): boolean {
	if (text[stop] !== '.') return true; // ! and ?
	// News sentences open with a capital, a figure or a quote: "John F. Kennedy Jr. was there".
	if (/^\s+\p{Ll}/u.test(text.slice(stop + 1))) return false;
	const before = text.slice(Math.max(0, stop - 30), stop + 1);
	const word = /([\p{L}]+)\.$/u.exec(before)?.[1] ?? '';
	if (DOTTED.test(before)) {
		// "in the U.S. The next…": a dotted abbreviation still ends a sentence before a capital
		// that opens a new clause with a common sentence starter.
		return /^["”’]?\s+(?:The|A|An|It|He|She|They|We|In|On|But|And)\b/.test(text.slice(stop + 1));
	}
	if (ABBREVIATIONS.has(word.toLowerCase()) && /^\s+[\p{Lu}\d(]/u.test(text.slice(stop + 1)))
		return false;
	if (word.length === 1 && /\p{Lu}/u.test(word)) return false; // an initial: "John F. Kennedy"
	return /^["”’)]*(?:\s|$)/.test(text.slice(stop + 1));
}

/** The sentences of one paragraph-or-more of text, datelines dropped. */
export function sentences(text: string): Sentence[] {
	const out: Sentence[] = [];
	let start = 0;
	const push = (end: number) => {
		let piece = text.slice(start, end);
		let index = start;
		const lead = /^\s+/.exec(piece)?.[0].length ?? 0;
		piece = piece.slice(lead);
		index += lead;
		const dateline = DATELINE.exec(piece);
		if (dateline && (index === 0 || text[index - 1] === '\n')) {
			piece = piece.slice(dateline[0].length);
			index += dateline[0].length;
		}
		piece = piece.replace(/\s+$/, '');
		if (piece) out.push({ text: piece, index });
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (ch === '\n') {
			push(i);
			start = i + 1;
		} else if ((ch === '.' || ch === '!' || ch === '?') && endsSentence(text, i)) {
			let end = i + 1;
			while (end < text.length && /["”’)]/.test(text[end]!)) end++;
			push(end);
			start = end;
			i = end - 1;
		}
	}
	push(text.length);
	return out;
}
