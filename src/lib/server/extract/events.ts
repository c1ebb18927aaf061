/**
 * Proposes the events an article reports: one proposal per sentence (or clause joined by
 * "while" / "even as" / ";") that reads as a meeting, statement, battlefield report or policy
 * step, with its date resolved against the publication date, its place, actors, who asserts it
 * and how far that can be trusted, and the evidence quoted exactly from the text. Pure.
 */
import { createHash } from 'node:crypto';
import type { EventKind, Precision, Verification } from '../../types';
import {
	datePhrases,
	MONTH,
	monthOnly,
	monthPhrases,
	resolveDate,
	WEEKDAY,
	type ResolvedDate
} from './dates';
import { headlineOf } from './titles';
import { knownDate, placesAgree, type KnownEvent } from './match';
import { calendarDay, type CalendarDay } from '../../time/wall-clock';
import { addDays, startOfDay } from '../../time/zoned';
import { extractEntities, isCountry, placeByName, type KnownEntity } from './entities';
import { sentences } from './sentences';
import { kindOf } from './kinds';
import { countedFrom, withoutCount } from './counted';
import { escapeRegExp } from '../../format/regexp';

export interface EventProposal {
	kind: EventKind;
	title: string;
	start: Date;
	end?: Date;
	precision: Precision;
	timeZone: string;
	place: string | null;
	actors: string[];
	attribution: string | null;
	verification: Verification;
	/** The article's words, exactly as they appear in the text. */
	evidence: string;
	/** Stable key for an editor's decision on this proposal. */
	fingerprint: string;
	/** The story's event this one reports again, when the article is filed in a story. */
	matchesEventId?: number;
}

const SPEECH =
	/\b(said|says|reported|claimed|claims|wrote|told|stated|announced|warned|called|described|posted|declared|proposed|affirm(?:s|ed)?|asserted|insisted|accused|denied|dismissed|condemned|welcomed|praised|hailed|critici[sz]ed|blamed|informed|acknowledged|admitted|confirmed|disclosed|revealed)\b/;
const INTERESTED =
	/\b(ministry|minister|military|army|forces|general staff|kremlin|white house|pentagon|defen[cs]e|spokes\w+|hamas|hezbollah|houthis?|rsf|idf|irgc|(?:revolutionary )?guards|government|security service|state media|news agencies|rebels|militia|commander|junta|intelligence|spy agency|mercenar\w*|warlord|militants?|insurgents?|separatists?|fighters)\b/i;
/**
 * Speakers whose word is the report of the fighting itself: armies, defence ministries, armed
 * groups, and those on the scene (governors, police, residents).
 */
const ARMED =
	/\b(?:defen[cs]e ministry|ministry of defen[cs]e|army|military|armed forces|forces|general staff|rebels|militia|rsf|houthis?|hamas|hezbollah|idf|wagner|prigozhin|commander|security service|sbu|guards|troops|fighters|governor|mayor|police|authorities|officials|emergency services|rescuers|residents|witnesses)\b/i;
/** A sentence that says the one before it is one side's word only. */
const UNVERIFIED =
	/\b(?:could not be (?:independently )?(?:verified|confirmed)|gave no (?:evidence|proof)|(?:offered|provided) no (?:evidence|proof)|did not (?:give|offer|provide) (?:any )?(?:evidence|proof)|unverified)\b/i;

/** A speech verb with the day of the speaking: "said Friday", "announced on 3 May". */
const SAID_ON =
	/\b(?:said|says|told \S+|announced|stated|declared|wrote|warned)\s+(?:(?:on|early|late|last)\s+)*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\b/;
/** Sentences about what did not happen or is not known: no event to propose. */
const NON_EVENT =
	/\b(?:declined to comment|did not (?:immediately )?(?:respond|comment|say|give)|not immediately (?:respond|clear|known|available)|could not be reached|(?:neither|nor)\b[^.]{0,60}\bspoke|spoke (?:to|with) reporters|gave no (?:details|timeline)|no (?:further )?details were|remains? (?:unclear|unknown)|(?:was|were|is|are) not (?:clear|known))\b/i;
/** What a speaker says happened: "had agreed", "were cut", "has been destroyed". */
const ASSERTED =
	/\b(?:said|says|declared|stated|told|wrote|claimed|confirmed)\b[^.]*\b(?:had|has been|have been|was|were)\s+(?:[“"]?\p{L}+(?:ed|en|wn|ut)\b)/u;
const FIGURE = /\b(\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)\b/i;
const SPEAKER_WORD =
	/^(?:\p{Lu}[\p{L}\p{N}’'./-]*|of|for|the|and|defence|defense|foreign|policy|ministry|agency|spy|intelligence|bureau|regional|governor|presidential|adviser|aide|officials?|military|spokes\w+|army|forces|general|staff|chief|minister|envoy|junta|representatives|top|commander|leader|head|ambassador|mayor|spokesperson|alliance|coalition|movement|separatists?|rebels?|militants?|insurgents?|union|negotiators|special|health|interior|state|media|news|agencies|security|service|electoral|commission|council|court|police|authorities|government|office|prime|president|secretary|national|emergency|services|company|operator|party|guards?|revolutionary|[\p{Lu}][\p{L}’'-]*[’']s|US|Ukrainian|Russian)$/u;
/** Institutions that speak, named in common words: "the health ministry", "the police". */
const INSTITUTION =
	/\b(?:ministry|army|military|police|government|officials|authorities|agency|office|service|spokes\w+|commission|council|committee|junta|residents|witnesses|rescuers|prosecutors?|court|coastguard|coast guard|governor|mayor|president|prime minister|chancellor|minister|king|queen|pope)\b/;
/** Stable key for an editor's decision on a proposal: its kind and the words that told it. */
const fingerprintOf = (kind: EventKind, words: string) =>
	createHash('sha256').update(`${kind}\n${words}`).digest('hex').slice(0, 32);
const sameCalendarDay = (a: CalendarDay, b: CalendarDay) =>
	a.year === b.year && a.month === b.month && a.day === b.day;

/** Words that tell of something before the news of the day. */
const PAST = /\b(?:earlier|previous|had|followed|before|last)\b/;
// Actors and places of the clause as named in the wider press, by zone of the speaker's country.
const ZONE_HINTS: [RegExp, string][] = [
	[/\b(Russia|Russian|Kremlin|Moscow)/, 'Europe/Moscow'],
	[/\b(Ukrain\w*|Kyiv|Kiev)/, 'Europe/Kyiv'],
	[/\b(Israel\w*)/, 'Asia/Jerusalem'],
	[/\b(US|American|Washington|White House)\b/, 'America/New_York']
];

/** A speaker named by an alias ("Witkoff") under the known entity's full name. */
function canonical(attribution: string | null, known: KnownEntity[]): string | null {
	if (!attribution) return null;
	const entity = known.find((e) => e.aliases.includes(attribution));
	return entity?.name ?? attribution;
}

/** The known event was said by this speaker: named among its actors or in its title. */
function spokeBefore(speaker: string | null, event: KnownEvent): boolean {
	if (!speaker) return false;
	const name = speaker.replace(/^the /i, '').toLowerCase();
	return (
		event.actors.some((actor) => actor.toLowerCase() === name) ||
		event.title.toLowerCase().includes(name)
	);
}

/** Sentences, then clauses, with their offsets in the text (so evidence is an exact slice). */
export interface Clause {
	text: string;
	index: number;
	/** The clause's sentence: its number in the text and its words, exactly as written. */
	sentence: number;
	sentenceText: string;
}

/**
 * A line in Title Case without a full stop ("US and Ukraine Meet for Third Day in Miami") is a
 * headline or crosshead inside the body, not a sentence of the report.
 */
function isHeadline(sentence: string): boolean {
	if (/[.!?]["”’)]*$/.test(sentence)) return false;
	const words = sentence.split(/\s+/).filter((w) => /^[\p{L}]{4,}/u.test(w));
	const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
	return words.length >= 3 && capitals / words.length >= 0.6;
}

/** Where one sentence may join two events: "…early Wednesday, hours after declaring it late Tuesday". */
const JOINT =
	/ that (?=[^,]*\b(?:will|would|to|hold|meet|be held)\b)|,? and (?=(?:on|early|late|last|in|at)\b)|, and |, (?=(?:hours|a day|(?:two|three|four|five|\d+) days|days|a week|weeks) (?:after|before)\b)| and (?=(?:set|fixed|called|scheduled)\b)/g;

/** "The incursion comes four days after …": the clause tells again the news of the day. */
const NEWS_OF_THE_DAY = /^[^,]{0,60}\b(?:comes|follows)\b/;
/** "The announcement came a day after …": the clause tells again the day just told. */
const DAY_JUST_TOLD = /^[^,]{0,60}\b(?:came|followed)\b/;

/** A clause dated from the last day the text named. */
const SAME_DAY =
	/^(?:(?:on )?the same day|that (?:same )?(?:day|evening|night)|later that day|hours later|the (?:next|following) day|a day later)\b/i;

const DAY_BEFORE = /\b(?:the day before|the previous day|a day earlier)\b/i;

/** A clause dated from the one before it: "a day after disconnecting", "hours before the vote". */
const RELATIVE = /^(a|one|two|the|hours) (?:days? )?(after|before)\b/i;

/** Splits a clause where each side gives its own date: two events told in one sentence. */
function splitDated(part: string): string[] {
	const reference = new Date(Date.UTC(2000, 0, 1));
	for (const joint of part.matchAll(JOINT)) {
		const left = part.slice(0, joint.index);
		const right = part.slice(joint.index + joint[0].length);
		const dated = (side: string) => resolveDate(side, reference)?.phrase;
		const own = dated(right) ? dated(left) !== dated(right) : RELATIVE.test(right);
		if (left.split(/\s+/).length >= 4 && dated(left) && own) return [left, ...splitDated(right)];
	}
	return [part];
}

export function clauses(text: string): Clause[] {
	const out: Clause[] = [];
	for (const [n, sentence] of sentences(text).entries()) {
		if (isHeadline(sentence.text)) continue;
		const parts = sentence.text
			.split(/(?:, (?:while|even as|whereas) |; )/)
			.flatMap((part) => splitDated(part));
		let offset = sentence.index;
		for (const part of parts) {
			const at = text.indexOf(part, offset);
			const trimmed = part.trim().replace(/[.;,]$/, '');
			const start = at + part.indexOf(trimmed);
			if (trimmed.split(/\s+/).length >= 5)
				out.push({ text: trimmed, index: start, sentence: n, sentenceText: sentence.text });
			offset = at + part.length;
		}
	}
	return out;
}

/** ", saying it was designed to last": the subject's words about what it did. */
const SAYING = /,\s+(?:saying|adding|calling|describing)\b/;

/** The named subject opening a clause ("President Joe Biden announced…"), or null. */
function subjectOf(clause: string): string | null {
	const named =
		/^(?:(?:The|the)\s+)?((?:[\p{Lu}][\p{L}’'.-]*\s+){0,5}[\p{Lu}][\p{L}’'.-]*)\s+(?:has\s+|have\s+|had\s+)?\p{Ll}+(?:ed|d)\b/u.exec(
			clause
		);
	return named ? named[1]!.trim() : null;
}

/** How many words of a would-be name tell a time ("On the same day Irakli Kobakhidze"). */
function timeBefore(words: string[]): number {
	if (!/^(?:On|In|At|By|Later|Earlier|Also)$/.test(words[0] ?? '')) return 0;
	const name = words.findIndex(
		(w, i) =>
			i > 0 &&
			/^\p{Lu}/u.test(w) &&
			!/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(w)
	);
	return name > 0 ? name : words.length;
}

/** What follows a speech verb when it tells the day, not the speaker: "said Wednesday". */
const WHEN_AFTER_VERB = new RegExp(
	`^(?:(?:on|early|late|last|this|earlier|later)\\s+)*(?:${WEEKDAY}|${MONTH}|today|yesterday|tonight)\\b`,
	'i'
);

/** Who the clause says asserts it: the words before "said", "reported", "wrote" …. */
export function attributionOf(clause: string): string | null {
	const according = new RegExp(
		`according to ((?:the )?(?:\\p{Lu}[^,.;]+|(?:[a-z’'-]+ ){0,3}${INSTITUTION.source}[^,.;]*))`,
		'u'
	).exec(clause);
	if (according) return according[1]!.trim();
	const verb = SPEECH.exec(clause);
	if (!verb) return null;
	// "…, said the regional governor, Oleh Syniehubov": the speaker after the verb.
	const inverted =
		/,[”"’]? (?:said|informed|announced|reported|confirmed|added|wrote|told reporters|posted) ((?:the |a )?[^,.;]{2,60}?)(?:, ((?:[\p{Lu}][\p{L}’'.-]+ ?){1,4}))?$/u.exec(
			clause
		);
	if (
		inverted &&
		// "…, Adm. Jaime Vela, head of the joint command, said Wednesday": a time is no speaker.
		!WHEN_AFTER_VERB.test(inverted[1]!) &&
		inverted[1]!.split(/\s+/).every((w) => SPEAKER_WORD.test(w) || /^(?:a|an)$/.test(w)) &&
		(/\p{Lu}/u.test(inverted[0]) || INSTITUTION.test(inverted[1]!))
	)
		return [inverted[1], inverted[2]].filter(Boolean).join(' ').trim();
	// "The RSF, led by Gen Mohamed Hamdan Dagalo, claimed…": the subject speaks, not the aside.
	const apposed =
		/^(?:The |the )?(\p{Lu}[\p{L}’'. -]{1,40}), ([^,]{3,90}), (?:has |have |had )?$/u.exec(
			clause.slice(0, verb.index)
		);
	// "India’s foreign minister, S Jaishankar, told…": a name in the aside belongs to the speaker.
	if (
		apposed &&
		/^(?:(?:[\p{Lu}][\p{L}’'.-]*|de|da|dos|del|van|von|der|bin|al)\s?){1,5}$/u.test(apposed[2]!)
	)
		return `${apposed[1]!.trim()} ${apposed[2]!.trim()}`;
	if (apposed) {
		const name = apposed[1]!.trim().split(/\s+/);
		return name.slice(timeBefore(name)).join(' ') || null;
	}
	// "…, Antony Blinken, the secretary of state, announced": the name before the role speaks.
	const named =
		/(?:^|, )((?:[\p{Lu}][\p{L}’'.-]+ ){0,3}[\p{Lu}][\p{L}’'.-]+), (?:the |a |an |its |their )?\p{Ll}[^,]{2,90}, $/u.exec(
			clause.slice(0, verb.index)
		);
	if (named && !/^(?:The|A|An|On|In|At|But|And)$/.test(named[1]!.split(' ')[0]!)) return named[1]!;
	// "Rebels entered Damascus on Sunday and declared…": a second verb of the subject, whose
	// speaker is not the words just before it.
	if (/\b(?:and|or|but|then)\s*$/.test(clause.slice(0, verb.index))) return null;
	const words = clause
		.slice(0, verb.index)
		.trim()
		// "Pistorius has declared", "South Korea’s spy agency first disclosed": neither the
		// auxiliary nor an adverb is part of the name.
		.replace(
			/(?:\s+(?:has|have|had|first|also|later|earlier|again|previously|publicly|officially|formally))+$/,
			''
		)
		// "Putin on Wednesday accused": the day is not part of the name.
		.replace(
			/,?\s+(?:(?:on|early|late)\s+)*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?,?$/,
			''
		)
		.split(/\s+/);
	const picked: string[] = [];
	/** The word before the speaker's, if any: what the speaker's words follow. */
	let before: string | undefined;
	for (let i = words.length - 1; i >= 0; i--) {
		const word = words[i]!.replace(/^["“]|[,"”]$/g, '');
		// "its prime minister, Pedro Sánchez, said": the comma closing the name is no break.
		const closesName = i === words.length - 1 && /,$/.test(words[i]!);
		if (!SPEAKER_WORD.test(word) || (/[,"”]$/.test(words[i]!) && !closesName)) {
			before = words[i];
			break;
		}
		picked.unshift(word);
	}
	while (picked.length && /^(the|and|of|for)$/i.test(picked[0]!)) picked.shift();
	// "On the same day Irakli Kobakhidze said": the time before the name is not part of it.
	picked.splice(0, timeBefore(picked));
	if (picked.length === 0) return null;
	// "…, the army said": an institution named in common words speaks; other lower-case words
	// are no name.
	// Only a whole one: "the army said", "…, the health ministry said", not the end of "Tigray’s
	// communication affairs office".
	if (picked.every((w) => /^[a-z]/.test(w)))
		return INSTITUTION.test(picked.join(' ')) &&
			(before === undefined || /[,;:]$|^(?:the|a|its|their|his|her)$/i.test(before))
			? `the ${picked.join(' ')}`
			: null;
	if (/^(they|it|he|she|we)$/i.test(picked.join(' '))) return null;
	return picked.join(' ');
}

function verificationOf(
	clause: string,
	attribution: string | null,
	kind: EventKind,
	framed: boolean
): Verification {
	// What a party intends ("others will take part, the Pentagon said") is no claim of fact.
	const intends = kind === 'statement' && /\b(?:will|would|plans? to|intends? to)\b/.test(clause);
	if (intends && !ASSERTED.test(clause)) return 'reported';
	// A party's word for what happened, or its account of the facts, not seen by the reporter.
	if ((framed || kind === 'statement') && attribution && INTERESTED.test(attribution))
		return 'claimed';
	// A statement of fact ("said the Houthis had capitulated", "believes the cables were cut"),
	// not of opinion or intention alone, is the speaker's claim.
	if (kind === 'statement' && attribution && ASSERTED.test(clause.replace(attribution, '')))
		return 'claimed';
	if (/\b(claimed|claims|unverified|could not be (?:independently )?verified)\b/i.test(clause))
		return 'claimed';
	// "Sandu declared that criminal groups tried to buy 300,000 votes", "the adviser said there
	// is massive interference": an account of facts in the past or present, not a view or a plan.
	const told =
		/\b(?:said|says|declared|stated|told \S+(?: \S+)?|wrote|confirmed)\s+(?:(?:on|early|late|last)\s+\S+\s+)?(?:that\s+)?(.*)$/u.exec(
			clause.replace(attribution ?? '', '')
		)?.[1];
	if (
		kind === 'statement' &&
		attribution &&
		told &&
		/\b(?:there (?:is|are|was|were|had been)|\p{Ll}{3,}ed|was|were|had|has|have|is|are)\b/u.test(
			told
		) &&
		!/\b(?:believes?|thinks?|must|should|hopes?|fears?|doubts?|wants?|would|will|could|may|might|can|ready|willing|respect\w*|welcome\w*|important)\b/i.test(
			told
		)
	)
		return 'claimed';
	if (attribution && INTERESTED.test(attribution) && kind === 'battlefield' && FIGURE.test(clause))
		return 'claimed';
	return 'reported';
}

/**
 * Whether a place the clause names is where its event happened. "Kyiv’s armed forces" names a
 * government, not a place; a statement happens where it was made ("said in Moscow"), not where
 * what it talks of did ("called the Moscow meeting good").
 */
function placesEvent(clause: string, place: KnownEntity, kind: EventKind): boolean {
	const names = [place.name, ...place.aliases].map(escapeRegExp).join('|');
	const mention = new RegExp(`\\b(?:${names})\\b(?![’']s\\b)`, 'u');
	if (!mention.test(clause)) return false;
	if (kind !== 'statement') return true;
	return new RegExp(`\\b(?:in|at) (?:the )?(?:${names})\\b(?![’']s\\b)`, 'u').test(clause);
}

/** The article's lead place: the first gazetteer place its first dated sentence names. */
function leadZone(text: string, publishedAt: Date): string {
	for (const { text: clause } of clauses(text)) {
		const place = extractEntities(clause, []).find((e) => e.kind === 'place');
		if (place && resolveDate(clause, publishedAt)) return placeByName(place.name)!.timeZone;
	}
	return 'UTC';
}

/**
 * The events `text` (an article body) reports. Undated sentences take the day of the lead's
 * date (news reports the day's statements), past-tense asides a window up to it.
 */
export function proposeEvents(
	text: string,
	publishedAt: Date,
	known: KnownEntity[] = [],
	storyEvents: KnownEvent[] = []
): EventProposal[] {
	const defaultZone = leadZone(text, publishedAt);
	const lead = clauses(text)
		.map((c) => resolveDate(c.text, publishedAt, defaultZone))
		.find((d) => d?.precision === 'day');
	const leadDay = calendarDay(lead?.start ?? publishedAt, lead?.timeZone ?? defaultZone);
	const proposals: EventProposal[] = [];
	let previous: { sentence: number; date: ResolvedDate } | undefined;
	for (const clause of clauses(text)) {
		// "Johnson abandoned his comeback late on Sunday, saying he had the backing of 102 MPs":
		// with no event of its own, the clause is its subject's statement.
		const sayer = SAYING.test(clause.text) ? subjectOf(clause.text) : null;
		const reading =
			kindOf(withoutCount(clause.text)) ??
			(sayer ? { kind: 'statement' as const, framed: false } : undefined);
		if (!reading || NON_EVENT.test(clause.text)) continue;
		let kind = reading.kind;
		/** A speaker's account of what happened: their claim. */
		let told = false;
		const speaker = attributionOf(clause.text) ?? (kind === 'statement' ? sayer : null);
		const attribution = canonical(speaker, known);
		if (kind === 'statement' && !attribution) continue;
		// "Trump called the meeting good": a speaker opening the clause makes it their statement.
		const spoken = speaker === null ? -1 : clause.text.indexOf(speaker.replace(/^the /, ''));
		const speakerFirst = spoken >= 0 && spoken < 25;
		if (kind === 'meeting' && speakerFirst && SPEECH.test(clause.text)) kind = 'statement';
		// What happened decides the kind; who tells it decides the claim. What a leader, an office
		// or an agency says happened is the event as they claim it ("Zelenskyy said his forces
		// had captured two soldiers": battlefield, claimed by Zelenskyy); the fighting parties'
		// and on-the-scene officials' reports are judged below. Told first, with the speaker
		// after ("US forces struck…, Trump said"), it is the reported event.
		if (
			reading.framed &&
			speakerFirst &&
			(kind === 'battlefield' || kind === 'other') &&
			attribution &&
			!ARMED.test(attribution)
		)
			told = true;
		const entities = extractEntities(clause.text, known);
		// A city or region places an event; a whole country does not.
		const placeEntity = entities.find(
			(e) =>
				e.kind === 'place' &&
				placeByName(e.name) &&
				!isCountry(e.name) &&
				placesEvent(speaker ? clause.text.replace(speaker, '') : clause.text, e, kind)
		);
		const place = placeEntity ? placeByName(placeEntity.name)! : undefined;
		// The speaker's country dates what they say, unless the speaker is two countries at once.
		const hints = ZONE_HINTS.filter(([pattern]) => pattern.test(attribution ?? ''));
		const hinted = hints.length === 1 ? hints[0]![1] : undefined;
		const timeZone = place?.timeZone ?? hinted ?? defaultZone;
		// A statement is dated by its saying ("…will not pull out by Sunday, his office said
		// Friday"), not by the day it speaks of.
		const saying = kind === 'statement' ? SAID_ON.exec(clause.text) : null;
		let date =
			(saying && resolveDate(saying[0], publishedAt, timeZone)) ||
			// "The crash came two months after the fighters seized Rostov on June 24": the date
			// in the count is the counted event's, proposed on its own.
			resolveDate(withoutCount(clause.text), publishedAt, timeZone);
		// "Scholz said he wants to ask the confidence question in January": the month is what the
		// statement speaks of; the statement is made when it is reported.
		if (kind === 'statement' && date && monthOnly(date.phrase)) date = undefined;
		// "…on Sunday, a day after disconnecting from the grid": counted from the clause before.
		const relative = RELATIVE.exec(clause.text);
		if (!date && relative && previous?.sentence === clause.sentence) {
			const n = /^(?:a|one|the)\b/i.test(relative[1]!) ? 1 : /^two/i.test(relative[1]!) ? 2 : 0;
			const days = /after/i.test(relative[2]!) ? -n : n;
			const day = addDays(calendarDay(previous.date.start, previous.date.timeZone), days);
			date = {
				start: startOfDay(day, previous.date.timeZone),
				precision: 'day',
				timeZone: previous.date.timeZone,
				phrase: relative[0]
			};
		}
		// "The same day, Putin signed a decree", "The next day…": the day the text last named.
		// "…had given its approval the day before": the day before that.
		const following = SAME_DAY.exec(clause.text) ?? DAY_BEFORE.exec(clause.text);
		if (!date && following && previous) {
			const day = addDays(
				calendarDay(previous.date.start, previous.date.timeZone),
				/next|following|a day later/i.test(following[0])
					? 1
					: DAY_BEFORE.test(following[0])
						? -1
						: 0
			);
			date = {
				start: startOfDay(day, previous.date.timeZone),
				precision: 'day',
				timeZone: previous.date.timeZone,
				phrase: following[0]
			};
		}
		// "A junta spokesman said forces had been pre-deployed for an attack": a party's account
		// of something it does not date, nor dates from a day told before it ("The next day,
		// the army said…"), is its claim, made when it speaks.
		if (!date && reading.framed && (kind === 'battlefield' || kind === 'other') && attribution) {
			kind = 'statement';
			told = true;
		}
		if (date?.precision === 'day') previous = { sentence: clause.sentence, date };
		const verification = told
			? 'claimed'
			: verificationOf(clause.text, attribution, kind, reading.framed);
		// "Trump said earlier in the day": the day of the article's news, not of its publication.
		if (date && lead && /\b(?:earlier|later) (?:in the|that) day\b/i.test(date.phrase))
			date = { ...date, start: startOfDay(calendarDay(lead.start, lead.timeZone), timeZone) };
		const undated = !date;
		const elsewhere =
			kind === 'meeting' && !!place && !proposals.some((p) => p.place === place.name);
		const actors = entities
			.filter((e) => e.kind !== 'place')
			.map((e) => e.name)
			.slice(0, 8);
		// An undated clause that tells again an event already proposed for the lead's day (same
		// kind, no other place, and the same speaker, actor or place) is that event.
		const leadStart = startOfDay(leadDay, timeZone);
		const retelling = undated
			? proposals.find(
					(p) =>
						p.kind === kind &&
						!p.end &&
						sameCalendarDay(calendarDay(p.start, p.timeZone), leadDay) &&
						(kind === 'statement'
							? p.attribution === attribution
							: (!place || !p.place || p.place === place.name) &&
								(p.place === (place?.name ?? p.place) ||
									p.actors.some((actor) => actors.includes(actor))))
				)
			: undefined;
		// Background told without a date ("Witkoff and Kushner left Moscow without an agreement")
		// takes the date of the story's earlier event it tells of, never the day of the news.
		const background =
			undated && (!retelling || PAST.test(clause.text)) && !NEWS_OF_THE_DAY.test(clause.text)
				? storyEvents.find(
						(event) =>
							event.kind === kind &&
							event.occurredStart < startOfDay(leadDay, event.timeZone) &&
							placesAgree(place?.name ?? null, clause.text, event) &&
							// A statement told again is its own speaker's, not anyone's who shares an actor.
							(kind !== 'statement' || spokeBefore(attribution, event)) &&
							(actors.some((actor) => event.actors.includes(actor)) ||
								(!!event.placeName && clause.text.includes(event.placeName)))
					)
				: undefined;
		if (retelling && !background) {
			retelling.actors = [...new Set([...retelling.actors, ...actors])].slice(0, 8);
			continue;
		}
		if (background) date = knownDate(background);
		if (!date) {
			// A statement is made when it is reported; what it says may lie further back.
			// A meeting somewhere else, told past the lead without a date, went before the news.
			const away = kind === 'meeting' && clause.sentence > 0 && !!place && elsewhere;
			const past = kind !== 'statement' && (PAST.test(clause.text) || away);
			const start = leadStart;
			date = past
				? {
						// The fortnight before the lead's day, counted in days at the place.
						start: startOfDay(addDays(leadDay, -14), timeZone),
						end: new Date(start.getTime() - 1000),
						precision: 'approximate',
						timeZone,
						phrase: ''
					}
				: { start, precision: 'day', timeZone, phrase: '' };
		}
		// The evidence is the whole sentence. The clause (one of its events) keys the decision,
		// as it did when the clause was the evidence, so decisions already taken still hold.
		const evidence = clause.sentenceText;
		// "Pistorius declared on Tuesday | that the cables were cut": the title needs what was said.
		const said =
			/\b(?:said|says|declared|proposed|claimed|announced|warned|stated)(?:\s+(?:early|late|on|last|this)\s+\S+){0,2}$/.test(
				clause.text
			);
		const fingerprint = fingerprintOf(kind, clause.text);
		// Past the lead, a sentence that names no date is background or colour ("The meeting
		// lasted less than two hours"), unless it carries a party's claim, a quoted statement, or
		// a meeting somewhere the article has not placed one yet ("followed a meeting in Moscow").
		// Double quotes, or the single quotes of British copy (‘be very careful’).
		const quoted = /["“][^"”]{12,}["”]|(?<!\p{L})‘[^’]{12,}’/u.test(clause.text);
		if (
			undated &&
			!background &&
			clause.sentence > 0 &&
			// A party's claim is news in itself; a speaker's account of facts alone is not.
			!(
				verification === 'claimed' &&
				(kind !== 'statement' || INTERESTED.test(attribution ?? ''))
			) &&
			!((kind === 'statement' || reading.framed) && quoted) &&
			!elsewhere &&
			// A lead that told no event of its own ("Leaders on Sunday gave the junta a week…")
			// leaves the day's news to the sentence after it, unless that one looks back or counts
			// from another time ("Six months later, …").
			(clause.sentence > 1 ||
				PAST.test(clause.text) ||
				/\blater\b/.test(clause.text) ||
				proposals.some((p) => sameCalendarDay(calendarDay(p.start, p.timeZone), leadDay)))
		)
			continue;
		const duplicate = proposals.findIndex(
			(p) =>
				kind === 'meeting' &&
				p.kind === 'meeting' &&
				p.place === (place?.name ?? null) &&
				p.start.getTime() === date.start.getTime()
		);
		if (duplicate >= 0 && proposals[duplicate]!.evidence.length >= evidence.length) continue;
		if (duplicate >= 0) proposals.splice(duplicate, 1);
		proposals.push({
			kind,
			title: headlineOf(said ? clause.sentenceText : clause.text, attribution, date.phrase),
			start: date.start,
			...(date.end ? { end: date.end } : {}),
			precision: date.precision,
			timeZone: date.timeZone,
			place: background?.placeName ?? place?.name ?? null,
			actors,
			attribution,
			verification,
			evidence,
			fingerprint,
			...(background ? { matchesEventId: background.id } : {})
		});
		// A second event in the clause, told with the same words, day and place.
		const also = (other: EventKind, speaker: string | null) =>
			proposals.push({
				...proposals.at(-1)!,
				kind: other,
				attribution: speaker,
				verification: 'reported',
				fingerprint: fingerprintOf(other, clause.text)
			});
		// "Biden announced the deal Tuesday, saying it was designed to last": what the subject
		// did, and what it said of it, which is its statement.
		const subject =
			SAYING.test(clause.text) && kind !== 'statement' ? subjectOf(clause.text) : null;
		if (subject) also('statement', subject);
		// "Leaders meeting in Abuja on Thursday ordered a standby force": the decision, and the
		// meeting that took it, each on the timeline.
		if (reading.scene && kind !== reading.scene) also(reading.scene, null);
	}
	const all = [
		...proposals,
		...namedInPassing(text, publishedAt, defaultZone, lead, known, proposals)
	];
	// "…, Zelenskyy said. The claim could not be independently verified.": the next sentence
	// makes the speaker's account a claim.
	const texts = sentences(text).map((s) => s.text);
	for (const proposal of all) {
		const at = texts.indexOf(proposal.evidence);
		// The doubt may be in the sentence itself, or follow a sentence of context ("Zelenskyy gave
		// no figures. … the claim could not be independently verified.").
		const next = at >= 0 ? texts.slice(at, at + 3).join(' ') : '';
		if (proposal.attribution && UNVERIFIED.test(next)) proposal.verification = 'claimed';
	}
	return all;
}

/** Where an event named in passing begins: after a comma, "and", "since", "after", "which". */
const BOUNDARY = /,\s|;\s|\s(?:and|since|after|before|which|who|when|following)\s/g;
/**
 * A weekday inside a "since / after / when …" clause, or right after the verb of a "which …"
 * clause ("the ceasefire, which was agreed in the Wednesday"): it dates that clause's own event.
 */
const SUBORDINATE_WEEKDAY =
	/\b(?:(?:since|after|when|following)\s+[^;.]{3,80}?\b(?:on\s+)?|(?:which|who)\s+(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?\p{Ll}+\s+(?:on|in)\s+(?:the\s+)?)((?:early |late )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/gu;

/**
 * Events a clause names in passing with their own calendar date, besides the one it reports:
 * "…implement the agreement of Brussels of 27 February and its annex of Ohrid of 18 March",
 * "…advanced 35 kilometres since crossing the border on Aug. 6". Each is proposed dated from
 * its own words (an event the story has will be matched to it), unless a proposal of that kind
 * already stands on that day. Statements need their speaker and are left to the clause.
 */
function namedInPassing(
	text: string,
	publishedAt: Date,
	defaultZone: string,
	lead: ResolvedDate | undefined,
	known: KnownEntity[],
	proposals: EventProposal[]
): EventProposal[] {
	const found: EventProposal[] = [];
	/** The day the last dated clause told. */
	let lastDay: ResolvedDate | undefined;
	for (const clause of clauses(text)) {
		const own = resolveDate(withoutCount(clause.text), publishedAt, defaultZone);
		// An undated lead, and "The incursion comes four days after Israel killed Nasrallah", are
		// the news of the day; "The announcement came a day after Putin visited…", the day just told.
		const mainDate =
			own ??
			(clause.sentence === 0 || NEWS_OF_THE_DAY.test(clause.text)
				? lead
				: DAY_JUST_TOLD.test(clause.text)
					? lastDay
					: undefined);
		if (own?.precision === 'day') lastDay = own;
		const main = mainDate?.phrase;
		// "…declared on Wednesday that he will not sign, one day after protesters stormed the
		// parliament": the event counted from the clause's own day.
		const counted = mainDate && countedFrom(clause.text, mainDate);
		// Words with a date of their own are dated by it, below; the clause's day must come first.
		if (
			counted &&
			clause.text.indexOf(mainDate.phrase) < counted.index &&
			!resolveDate(counted.words, publishedAt, defaultZone)
		) {
			const reading = kindOf(counted.words);
			if (reading && reading.kind !== 'statement') {
				const place = extractEntities(counted.words, known).find(
					(e) => e.kind === 'place' && placeByName(e.name) && !isCountry(e.name)
				);
				add(reading.kind, counted.words, counted.phrase, counted.date, place?.name ?? null);
			}
		}
		// Calendar dates, and weekdays in a clause of their own ("since Noboa ordered them Tuesday").
		const weekdays = [...clause.text.matchAll(SUBORDINATE_WEEKDAY)].map((m) => ({
			index: m.index + m[0].length - m[1]!.length,
			phrase: m[1]!,
			subordinate: true
		}));
		const dates = [...datePhrases(clause.text), ...monthPhrases(clause.text)].map((d) => ({
			...d,
			subordinate: false
		}));
		for (const { index, phrase, subordinate } of [...dates, ...weekdays, ...listed(clause.text)]) {
			if (phrase === main && !subordinate) continue;
			const before = clause.text.slice(Math.max(0, index - 90), index);
			// "attempts on Aug. 29 and Sept. 3 were called off", "walkouts are planned for Thursday
			// and Saturday": a later date of a list dates the clause's own event again, read as if
			// it stood alone ("attempts on Sept. 3 were called off").
			const list = LIST_TAIL.exec(before);
			if (list) {
				const alone = `${clause.text.slice(0, index - list[0].length)}${clause.text.slice(index)}`;
				const reading = kindOf(alone);
				const date = resolveDate(alone, publishedAt, defaultZone);
				if (reading && reading.kind !== 'statement' && date?.precision === 'day')
					add(reading.kind, alone, phrase, date, null);
				continue;
			}
			// The words from the nearest boundary, or the one before it when those name no event
			// ("after Hasina resigned | and fled to India on 5 August").
			const starts = [...before.matchAll(BOUNDARY)].map((m) => m.index + m[0].length).reverse();
			const readings = [...starts.slice(0, 2), 0].map((start) => {
				// "…announced on 28 January that they were quitting the bloc": what was said follows.
				const said = SPEECH.test(before.slice(start))
					? (/^[^,;]{0,60}/.exec(clause.text.slice(index + phrase.length))?.[0] ?? '')
					: '';
				const words = `${before.slice(start)}${phrase}${said}`;
				return { words, reading: kindOf(words) };
			});
			const { words, reading } = readings.find((r) => r.reading) ?? readings[0]!;
			if (!reading || reading.kind === 'statement') continue;
			const place = extractEntities(words, known).find(
				(e) => e.kind === 'place' && placeByName(e.name) && !isCountry(e.name)
			);
			const timeZone = place ? placeByName(place.name)!.timeZone : defaultZone;
			// "the offensive of 19 September 2023 and the decree … of 28 September": the year
			// given first holds for the dates after it.
			const year = /\b(\d{4})\b/.exec(
				dates.findLast((d) => d.index < index && /\d{4}$/.test(d.phrase))?.phrase ?? ''
			)?.[1];
			// "who has been detained since 26 July": the state began with the event, on that day.
			const dated = (
				year && !/\d{4}$/.test(phrase) ? words.replace(phrase, `${phrase} ${year}`) : words
			).replace(new RegExp(`\\bsince (?=${escapeRegExp(phrase)})`), 'on ');
			// "a judgment in December": a month is as close as the words come, read on its own
			// (an earlier day in the words is another event's) in the tense of the words. Other
			// words with no tense of their own take the sentence's ("will be buried … after a
			// funeral in Athens on Monday").
			const month = monthOnly(phrase);
			const date = month
				? resolveDate(phrase, publishedAt, timeZone, words)
				: resolveDate(dated, publishedAt, timeZone, clause.text);
			if (!date || (date.precision !== 'day' && !month)) continue;
			add(reading.kind, words, phrase, date, place?.name ?? null);
		}
		function add(
			kind: EventKind,
			words: string,
			phrase: string,
			date: ResolvedDate,
			place: string | null
		) {
			const day = calendarDay(date.start, date.timeZone);
			// A proposal of that kind on that day, or over it ("fighting on Friday and Saturday"
			// is one event of two days, already proposed as such), takes it.
			const taken = [...proposals, ...found].some(
				(p) =>
					p.kind === kind &&
					(sameCalendarDay(calendarDay(p.start, p.timeZone), day) ||
						(p.end !== undefined &&
							p.precision === 'approximate' &&
							// Days named together, not the fortnight an undated past event is given.
							p.end.getTime() - p.start.getTime() < 7 * 86_400_000 &&
							p.start <= date.start &&
							date.start <= p.end &&
							!date.end))
			);
			if (taken) return;
			found.push({
				kind,
				title: headlineOf(words.replace(/^(?:the|its|their|his|her)\s+/i, ''), null, phrase),
				start: date.start,
				...(date.end ? { end: date.end } : {}),
				precision: date.precision,
				timeZone: date.timeZone,
				place,
				actors: extractEntities(words, known)
					.filter((e) => e.kind !== 'place')
					.map((e) => e.name)
					.slice(0, 8),
				attribution: null,
				verification: 'reported',
				evidence: clause.sentenceText,
				fingerprint: fingerprintOf(kind, words)
			});
		}
	}
	return found;
}

/** The end of a list before its last date: "on Aug. 29 and ", "for Thursday, ". */
const LIST_TAIL = new RegExp(
	`(?:${WEEKDAY}|\\b(?:\\d{1,2} (?:${MONTH})|(?:${MONTH}) \\d{1,2}))(?:,\\s+|\\s+(?:and|or)\\s+)(?:on\\s+)?$`,
	'i'
);

/** The later weekdays of a list ("for Thursday and Saturday"), which datePhrases does not name. */
function listed(text: string): { index: number; phrase: string; subordinate: boolean }[] {
	const pattern = new RegExp(
		`\\b(?:${WEEKDAY})(?:,\\s+|\\s+(?:and|or)\\s+)(?:on\\s+)?(${WEEKDAY})\\b`,
		'gi'
	);
	return [...text.matchAll(pattern)].map((m) => ({
		index: m.index + m[0].length - m[1]!.length,
		phrase: m[1]!,
		subordinate: true
	}));
}
