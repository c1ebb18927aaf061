/**
 * An article's language, guessed from its text at ingest when the sender did not say: franc-min
 * (trigram profiles of the 82 most spoken languages) names an ISO 639-3 code, stored as the
 * BCP 47 tag (the ISO 639-1 code where one exists). Text too short to judge is 'und'.
 */
import { francAll } from 'franc-min';

/** BCP 47 (ISO 639-1) for franc-min's ISO 639-3 codes; codes with no 639-1 form stay as they are. */
const BCP47: Record<string, string> = {
	amh: 'am',
	arb: 'ar',
	azj: 'az',
	bel: 'be',
	ben: 'bn',
	bos: 'bs',
	bul: 'bg',
	ces: 'cs',
	cmn: 'zh',
	deu: 'de',
	ell: 'el',
	eng: 'en',
	fra: 'fr',
	guj: 'gu',
	hau: 'ha',
	heb: 'he',
	hin: 'hi',
	hrv: 'hr',
	hun: 'hu',
	hye: 'hy',
	ibo: 'ig',
	ind: 'id',
	ita: 'it',
	jav: 'jv',
	jpn: 'ja',
	kan: 'kn',
	kat: 'ka',
	kaz: 'kk',
	khm: 'km',
	kin: 'rw',
	kor: 'ko',
	lin: 'ln',
	mal: 'ml',
	mar: 'mr',
	mya: 'my',
	nld: 'nl',
	npi: 'ne',
	nya: 'ny',
	ori: 'or',
	pan: 'pa',
	pbu: 'ps',
	pes: 'fa',
	plt: 'mg',
	pol: 'pl',
	por: 'pt',
	ron: 'ro',
	run: 'rn',
	rus: 'ru',
	sin: 'si',
	som: 'so',
	spa: 'es',
	srp: 'sr',
	sun: 'su',
	swe: 'sv',
	swh: 'sw',
	tam: 'ta',
	tel: 'te',
	tgl: 'tl',
	tha: 'th',
	tur: 'tr',
	ukr: 'uk',
	urd: 'ur',
	uzn: 'uz',
	vie: 'vi',
	yor: 'yo',
	zlm: 'ms',
	zul: 'zu'
};

/** Below this many characters franc's guess is noise: a headline alone is not enough. */
const MIN_LENGTH = 40;
/** Up to this many characters trigrams are few, and a near tie between two languages decides nothing. */
const SHORT = 400;
/** francAll scores the best language 1 and the others relative to it. */
const NEAR_TIE = 0.96;

// Trigrams confuse Ukrainian and Russian on news copy (shared vocabulary, shared names); the
// letters each alphabet has and the other lacks settle it when only one side appears.
const UKRAINIAN_ONLY = /[іїєґ]/giu;
const RUSSIAN_ONLY = /[ыэъё]/giu;
const EAST_SLAVIC = new Set(['rus', 'ukr', 'bel', 'bul']);

function count(text: string, letters: RegExp): number {
	return text.match(letters)?.length ?? 0;
}

/**
 * The BCP 47 tag of the language `text` is written in, or `fallback` (a story's language, else
 * 'und') when the text is too short or franc cannot tell.
 */
export function detectLanguage(text: string, fallback = 'und', minLength = MIN_LENGTH): string {
	const [best, next] = francAll(text, { minLength });
	const code = best?.[0] ?? 'und';
	if (code === 'und') return fallback;
	if (EAST_SLAVIC.has(code)) {
		const ukrainian = count(text, UKRAINIAN_ONLY);
		const russian = count(text, RUSSIAN_ONLY);
		if (ukrainian > 0 && russian === 0 && code !== 'bel') return 'uk';
		if (russian > 0 && ukrainian === 0) return 'ru';
	}
	// On a short item two languages can score within a hair of each other ("Warsaw
	// talks go on (b5a947de)" plus one English sentence scored Spanish 1, English 0.973): that is
	// no answer, and a wrong one would keep an English item from the event extractor.
	if (text.length < SHORT && next && next[1] >= NEAR_TIE) return fallback;
	return BCP47[code] ?? code;
}

const OTHER_SCRIPT = /[\p{L}--\p{Script=Latin}]/v;

/**
 * A new story's language when the editor did not choose one: its title (and summary) are often
 * too short for trigrams, so a short text in Latin letters keeps the newsroom's default
 * (English) while another alphabet is still judged, its own letters being telling enough.
 */
export function guessStoryLanguage(text: string): string {
	if (text.trim().length >= MIN_LENGTH) return detectLanguage(text, 'en');
	if (!OTHER_SCRIPT.test(text)) return 'en';
	return detectLanguage(text, 'en', 8);
}
