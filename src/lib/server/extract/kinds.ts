/**
 * What kind of event a clause reports. The trigger that comes first in the clause decides
 * ("Rebels entered Damascus and declared…" is battlefield), except that a speech verb only
 * frames what it reports: "The army said it had recaptured the palace" is a battlefield event
 * (the army's word for it), "Oman said the sides had agreed to stop" a policy step. A clause is a
 * statement only when the speaking is the event: an opinion, a warning, an intention.
 */
import type { EventKind } from '../../types';
import { placeByName } from './entities';

const TRIGGERS: [EventKind, RegExp][] = [
	[
		'battlefield',
		/\b(?:drones?|missiles?|rockets?|(?:air)?strikes?|struck(?! (?:it |them |him |her )?down)|attacks?|attacked|shelling|shelled|shot down|intercepted|offensive|troops|captured|recaptured|retook|t(?:ook|aken|aking) (?:the )?(?:full )?control|came under (?:fire|attack)|t(?:aken|ook) the (?:towns?|city|cities|villages?|airport|base|capital|headquarters)|taken prisoner|controlled|fought|fighting off|clash(?:es|ed)|advanc(?:e|ed|ing) (?:on|towards?|into)|seized control|seized the (?:towns?|city|cities|villages?|airport|base|capital|(?:military )?headquarters)|entered|destroyed|tanks?|bombard\w*|explosions?|fired|seized (?:a|the) (?:cargo )?(?:ship|vessel)|incursion|crossed into|cross(?:ed|ing) the border|fighting|siege|driven into|drove into|rammed|killed|wounded|stormed|storming|burst into|opened fire|shot (?:\w+ ){0,2}at)\b/gi
	],
	[
		'other',
		/\b(?:hand(?:ed|ing|s)? over|exodus|collided|collision|sank|sunk|capsized|derailed|derailment|ran aground|earthquakes?|quakes?|tremors?|shot dead|shooting|gunman|voting|runoff|run-off|(?:first|second|third) round(?! of (?:[a-z-]+ ){0,2}(?:talks|negotiations|consultations))|went to the polls|crash(?:ed|es)?|crowd surge|crush|wildfires?|fires?|floods?|flooding|blackout|power cut|without electricity|died|dies|death|released|freed|prisoner exchange|swap|exchanged|detain\w*|arrest\w*|boarded|damaged|was cut|stopped working|out of service|out of order|stopped|failed|(?:by-)?elections?|referendum|won|wins|(?:landslide|election) win|reopened|crowned|protests?|parade|fair|tournament|opened|lifted off|blasted off|liftoff|splash(?:ed)? down|called off|postponed|cancell?ed|scrubbed|made landfall|hurricane|typhoon|cyclone|storm|tornado(?:es)?|torrential rain|heavy rain|downpours?|landslides?|mudslides?|avalanches?|heatwaves?|erupted|eruption|funeral|buried|marched|rall(?:y|ies)|walkouts?|went on strike|on strike)\b/gi
	],
	[
		'policy',
		/\b(?:plan|proposal|sanctions?|sanctioned|agreed|agreement|accord|treaty|pact|annex|memorandum|deal|framework|decree|imposed|approved|(?:its|their|final) approval|ceasefire|truce|budget|tariffs?|levy|bill|ban|banned|resign\w*|dissolution|dissolves|state of emergency|named|appoint(?:ed|ing|s)|(?:passed|cleared) (?:parliament|congress|the senate|the house|the lords)|quit(?:ting|s)? (?:the )?(?:bloc|alliance|union|coalition|government|treaty|deal)|left the (?:bloc|alliance|union|coalition|government|treaty|deal|economic community)|t(?:akes?|ook|aking) (?:the )?office|royal assent|impeach\w*|dissolved|ratified|signed|sworn in|elected|suspended|suspends|withdrew|withdrawn|pulled out|rejoin\w*|extended|lifted|lifts|declared|declaring|adopted|paused|launched\b[^.]{0,30}\b(?:mission|operation)|(?:naval |military )?operation|dismissed|sacked|enters? into force|took effect|takes effect|voted|certified|recogni[sz]es?|recogni[sz]ed|issued|removed|martial law|raised|cut|hits back|synchroni[sz]ed|disconnect\w*|vote of confidence|confidence vote|motion of (?:no[ -])?confidence|motion of censure|lost (?:the|a) vote|ruled|ruling|overturning|charged|decided|jailed|sentenced|convicted|acquitted|(?:government|coalition|cabinet) (?:had )?(?:collapsed|fell|fallen)|(?:opened|closed) (?:a |its |the )?criminal (?:case|investigation|inquiry)|struck (?:it |them |him |her )?down|overturned|upheld|quashed|passed (?:the |a |its )?(?:[\p{L}-]+ ){0,4}(?:law|bill|budget|motion|resolution|amendment)|final reading|overr(?:ode|idden|ide)|vetoed|veto|shut down (?:the |mobile |broadband |and )*(?:internet|schools|borders?)|closed (?:its |the |the country’s |the country's )?(?:airspace|border|borders|embassy)|tearing up|tore up|scrapped|revoked|annulled|barred|expelled|ordered|nationali[sz]ed|declassified)\b/giu
	],
	[
		'meeting',
		/\b(?:negotiations|(?<!\b(?:was|were|been|be|is|are)(?: not| never| fully)? )met|meet(?! (?:the |its |their |a |an )?(?:original |new |\d+-day )?(?:deadline|target|demands?|goals?|criteria|needs|requirements?)|\s+(?:again\s+)?in (?:the|a) (?:second round|runoff|run-off|final))|meets|meeting|talks|convened|summit|sessions?|hosted|visited|visit|phone call|call with|gathered|round(?= of (?:talks|negotiations))|round(?=\s+(?:in|at)\s+\p{Lu}))\b/giu
	],
	[
		'statement',
		/\b(?:said|says|wrote|told|stated|described|warned|urged|posted|proposed|vowed|announced|called for|accused|reported|claimed|confirmed|informed|condemned|condemns|denied|denies|welcomed|welcomes|praised|hailed|critici[sz]ed|blamed|disclosed|revealed|affirm(?:s|ed)?)\b/gi
	]
];

const SPEECH =
	/\b(?:said|says|reported|claimed|claims|wrote|told|stated|announced|warned|posted|informed|confirmed|affirm(?:s|ed)?|asserted|insisted|declared(?=[^.]{0,70}\bthat\b)|proposed(?=[^.]{0,25}\bthat\b))\b/i;

/** Verbs that judge or answer something rather than tell it happened: the words are the event. */
const VERDICT =
	/\b(?:accused|accuses|denied|denies|dismissed as|dismissed (?:the |those |these )?(?:claims?|reports?|suggestions?|allegations?|accusations?)|condemned|condemns|welcomed|welcomes|praised|hailed|critici[sz]ed|blamed|called (?:it|the \p{L}+|them|this|that) (?:an? |“|")?\p{L}+)\b/iu;

/** A battlefield word read in a non-military sense: a mine explosion, a rail strike, a rocket launch. */
const MILITARY =
	/\b(?:army|military|troops|forces|soldiers|drones?|missiles?|rockets? (?:fire|attack)|shelling|artillery|airstrikes?|air strikes?|fighters|militants?|rebels|offensive|attack(?:s|ed)?|war|frontline|front line|warplanes?|jets|navy|warships?|militia|mercenar\w+|peacekeepers|insurgents|combat|gunmen|gunfire|armed|rebel\w*|battalions?|brigades?|infantry|paratroopers|special forces|artillery|air base|air defen[cs]es?)\b/i;
const CIVIL_SENSE =
	/^(?:explosions?|strikes?|intercepted|fired|fighting|rockets?|killed|wounded|driven into|drove into|rammed|stormed|storming|burst into|shot (?:\w+ ){0,2}at)$/i;

/** Words that make an operation a surgeon's. */
const MEDICAL = /\b(?:surgery|surgeons?|hospital|doctors?|condition|wounds?|injur\w+|medical)\b/i;

/** Leaving, which troops do on the ground and governments do to treaties. */
const RETREAT = /^(?:withdrew|withdrawn|pulled out)$/i;

/** Taking by force, which troops do to towns and police to fugitives. */
const CAUGHT = /^(?:captured|recaptured)$/i;

/** A person's name (two or more capitalised words, not a known place) follows the hit. */
function personAfter(clause: string, hit: Hit): boolean {
	const name = /^\s+((?:\p{Lu}[\p{L}’'.-]+\s+){1,3}\p{Lu}[\p{L}’'-]+)/u.exec(
		clause.slice(hit.at + hit.word.length)
	)?.[1];
	return !!name && !placeByName(name);
}

/** The kind a trigger has in this clause, where its word has more than one sense. */
function senseOf(hit: Hit, clause: string, military: boolean): EventKind {
	// "An explosion tore through a coal mine", "rail workers went on strike": no battle.
	if (hit.kind === 'battlefield' && !military && CIVIL_SENSE.test(hit.word)) return 'other';
	// "Police and soldiers recaptured José Adolfo Macías": a person caught is an arrest.
	if (hit.kind === 'battlefield' && CAUGHT.test(hit.word) && personAfter(clause, hit))
		return 'other';
	// "Eritrean soldiers withdrew from several towns": troops moving, not a treaty left.
	if (hit.kind === 'policy' && RETREAT.test(hit.word) && MILITARY.test(clause.slice(0, hit.at)))
		return 'battlefield';
	return hit.kind;
}

/** The words from a speech verb to where it was spoken: "announced at a meeting of". */
const SCENE_OF_SPEAKING =
	/^\p{L}+\s+(?:at|during|on the sidelines of|after|before)\s+(?:an?|the|their|its)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/** A meeting named as a noun, which may be the scene of a decision told with it. */
const SCENE = /^(?:meeting|summit|talks|sessions?|negotiations)$/i;

/** Verbs of deciding: what a meeting does when it is the scene, not the event. */
const DECISION =
	/^(?:ordered|decided|approved|agreed|imposed|closed\b.*|signed|adopted|suspended|lifted|voted|declared|extended)$/i;

const OPINION = /\b(?:believes?|thinks?|must|should|assumes?|hopes?|fears?|doubts?|suspects?)\b/i;

interface Hit {
	kind: EventKind;
	at: number;
	word: string;
}

function hits(text: string): Hit[] {
	const found: Hit[] = [];
	for (const [kind, pattern] of TRIGGERS) {
		for (const match of text.matchAll(pattern)) {
			// "left Moscow without an agreement": what did not happen is no trigger.
			if (/\b(?:without|no)\s+(?:an?\s+|any\s+)?$/i.test(text.slice(0, match.index))) continue;
			found.push({ kind, at: match.index, word: match[0] });
		}
	}
	// Where two triggers start at one word, the longer tells more ("opened a criminal case").
	return found.sort((a, b) => a.at - b.at || b.word.length - a.word.length);
}

export interface KindReading {
	kind: EventKind;
	/** The event is someone's word for it ("X said it had recaptured…"). */
	framed: boolean;
	/** A meeting the clause names as the scene of its decision: an event of its own. */
	scene?: 'meeting';
}

/** The kind of event the clause reports, or undefined when it reports none. */
export function kindOf(clause: string): KindReading | undefined {
	// A quotation opened by the clause is a statement, whatever it mentions.
	if (/^["“]/.test(clause) && SPEECH.test(clause)) return { kind: 'statement', framed: false };
	const military = MILITARY.test(clause);
	const all = hits(clause)
		// "Fico stays in serious but stable condition after a long operation": surgery, no policy.
		.filter((hit) => !(/operation$/i.test(hit.word) && MEDICAL.test(clause)))
		.map((hit) => ({ ...hit, kind: senseOf(hit, clause, military) }));
	if (all.length === 0) return undefined;
	const verdict = VERDICT.exec(clause);
	const speech = SPEECH.exec(clause);
	// "Putin accused Ukraine of a provocation", "called the agreement monumental": a statement,
	// unless an event is told before the verdict ("Troops entered Sudzha, which Moscow denied").
	// The speech verb itself tells none ("Sandu declared that … and called it an attack").
	if (
		verdict &&
		!all.some(
			(h) => h.kind !== 'statement' && h.at < verdict.index && h.at > 0 && h.at !== speech?.index
		)
	)
		return { kind: 'statement', framed: false };
	const events = all.filter((h) => h.kind !== 'statement');
	if (speech) {
		// What the speaker says happened, after the speech verb ("said on Friday that it had…"),
		// or before it ("Israel and Hamas have agreed…, Qatar's prime minister said").
		// "The health ministry said 31 people were killed": a party's toll is its statement.
		const after = events.filter(
			(h) =>
				h.at > speech.index &&
				!/^(?:killed|wounded)$/i.test(h.word) &&
				// "the interior ministry said 63 people had been detained": a count is its toll too.
				!(
					/^(?:died|dies|death|detain\w*|arrest\w*)$/i.test(h.word) &&
					/\b\d[\d,]*\s+(?:\p{L}+\s+){0,3}$/u.test(
						clause
							.slice(speech.index, h.at)
							.replace(/\b(?:had|have|has)\s+been\s+|\b(?:were|was)\s+/g, '')
					)
				)
		);
		// What is told before the verb is what was said ("…have agreed to a truce, Qatar's prime
		// minister said"), unless it sets the scene of the speaking ("Speaking in Kigali, where he
		// attends the summit, the prime minister said…").
		const aside =
			/^(?:Speaking|Addressing|Writing|Talking|In an? (?:interview|statement|address|speech|post|message))\b/i.test(
				clause
			);
		const before = aside ? [] : events.filter((h) => h.at < speech.index);
		// "NATO has launched the mission, Mark Rutte announced at a meeting in Helsinki": where
		// the words were said is their scene, not what they told.
		const venue = after[0] && SCENE_OF_SPEAKING.test(clause.slice(speech.index, after[0].at));
		if (venue && after[0]!.kind === 'meeting' && before[0] && before[0].kind !== 'meeting')
			return { kind: before[0].kind, framed: true, scene: 'meeting' };
		const content = after[0] ?? before[0];
		if (!content) return { kind: 'statement', framed: false };
		// "After twelve hours of negotiations, the leaders have agreed…, Borrell announced": the
		// decision is what was told, the negotiations its scene.
		if (content.kind === 'meeting' && SCENE.test(content.word)) {
			const told = content.at > speech.index ? after : before;
			if (told.some((h) => h.kind === 'policy' && DECISION.test(h.word)))
				return { kind: 'policy', framed: true, scene: 'meeting' };
		}
		// "declared that nobody believes the cables were cut by accident": an opinion about what
		// happened is the speaker's statement, not the event itself.
		const lead = clause.slice(speech.index, Math.max(content.at, speech.index));
		if (content.at > speech.index && OPINION.test(lead))
			return { kind: 'statement', framed: false };
		// "Israel will not finish pulling out by Sunday, the office said": what a party intends is
		// its statement; nothing has happened yet.
		// A step the speaker itself means to take ("said he would stand down", "said it would
		// impose tariffs") is its statement of intention too; another's scheduled step is the event.
		const ahead = clause.slice(Math.max(0, content.at - 40), content.at);
		const intent = /\b(?:will|would|plans? to|intends? to|is to|are to)\b/.exec(ahead);
		const own =
			intent && /\b(?:he|she|it|they|we|I)\s+(?:\S+\s+){0,2}$/.test(ahead.slice(0, intent.index));
		if (intent && (content.kind !== 'policy' || own)) return { kind: 'statement', framed: false };
		return { kind: content.kind, framed: true };
	}
	const first = events[0] ?? all[0]!;
	// "At an emergency summit in Abuja, the leaders closed the borders", "A meeting of ministers
	// decided…": the meeting sets the scene, the decision taken there is the event.
	if (first.kind === 'meeting' && SCENE.test(first.word)) {
		const decision = events.find((h) => h.kind === 'policy' && DECISION.test(h.word));
		if (decision) return { kind: 'policy', framed: false, scene: 'meeting' };
	}
	return { kind: first.kind, framed: false };
}
