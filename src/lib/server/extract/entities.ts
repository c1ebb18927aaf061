/**
 * A small gazetteer-and-heuristics entity extractor: the people, organisations and places an
 * article names. Known entities (the entities table plus the built-in places below) are matched
 * by name and alias; unknown capitalised name sequences become people or organisations, and a
 * person's surname alone counts as a mention of them. Pure: the caller supplies the known list.
 */
import type { EntityKind } from '../db/entities';
import { worldPlace } from './world-places';
import { escapeRegExp } from '../../format/regexp';

export interface KnownEntity {
	id?: number;
	kind: EntityKind;
	name: string;
	aliases: string[];
}

export interface FoundEntity extends KnownEntity {
	mentions: number;
}

export interface Place {
	name: string;
	aliases: string[];
	timeZone: string;
	latitude: number;
	longitude: number;
}

// Places news about these threads names most, with the zone their local dates are read in.
export const PLACES: Place[] = [
	{
		name: 'Miami',
		aliases: ['Miami, Florida'],
		timeZone: 'America/New_York',
		latitude: 25.7617,
		longitude: -80.1918
	},
	{ name: 'Moscow', aliases: [], timeZone: 'Europe/Moscow', latitude: 55.7558, longitude: 37.6173 },
	{
		name: 'Kyiv region',
		aliases: ['Kyiv Oblast'],
		timeZone: 'Europe/Kyiv',
		latitude: 50.4501,
		longitude: 30.5234
	},
	{
		name: 'Kyiv',
		aliases: ['Kiev'],
		timeZone: 'Europe/Kyiv',
		latitude: 50.4501,
		longitude: 30.5234
	},
	{ name: 'Kharkiv', aliases: [], timeZone: 'Europe/Kyiv', latitude: 49.9935, longitude: 36.2304 },
	{
		name: 'Odesa',
		aliases: ['Odessa'],
		timeZone: 'Europe/Kyiv',
		latitude: 46.4825,
		longitude: 30.7233
	},
	{
		name: 'Zaporizhzhia',
		aliases: [],
		timeZone: 'Europe/Kyiv',
		latitude: 47.8388,
		longitude: 35.1396
	},
	{
		name: 'Washington',
		aliases: ['Washington, DC'],
		timeZone: 'America/New_York',
		latitude: 38.9072,
		longitude: -77.0369
	},
	{
		name: 'New York',
		aliases: [],
		timeZone: 'America/New_York',
		latitude: 40.7128,
		longitude: -74.006
	},
	{ name: 'Geneva', aliases: [], timeZone: 'Europe/Zurich', latitude: 46.2044, longitude: 6.1432 },
	{
		name: 'Istanbul',
		aliases: [],
		timeZone: 'Europe/Istanbul',
		latitude: 41.0082,
		longitude: 28.9784
	},
	{
		name: 'Brussels',
		aliases: [],
		timeZone: 'Europe/Brussels',
		latitude: 50.8503,
		longitude: 4.3517
	},
	{ name: 'London', aliases: [], timeZone: 'Europe/London', latitude: 51.5072, longitude: -0.1276 },
	{ name: 'Berlin', aliases: [], timeZone: 'Europe/Berlin', latitude: 52.52, longitude: 13.405 },
	{ name: 'Paris', aliases: [], timeZone: 'Europe/Paris', latitude: 48.8566, longitude: 2.3522 },
	{ name: 'Warsaw', aliases: [], timeZone: 'Europe/Warsaw', latitude: 52.2297, longitude: 21.0122 },
	{ name: 'Riyadh', aliases: [], timeZone: 'Asia/Riyadh', latitude: 24.7136, longitude: 46.6753 },
	{ name: 'Doha', aliases: [], timeZone: 'Asia/Qatar', latitude: 25.2854, longitude: 51.531 },
	{ name: 'Cairo', aliases: [], timeZone: 'Africa/Cairo', latitude: 30.0444, longitude: 31.2357 },
	{
		name: 'Gaza',
		aliases: ['Gaza Strip'],
		timeZone: 'Asia/Gaza',
		latitude: 31.5017,
		longitude: 34.4668
	},
	{
		name: 'Jerusalem',
		aliases: [],
		timeZone: 'Asia/Jerusalem',
		latitude: 31.7683,
		longitude: 35.2137
	},
	{ name: 'Tokyo', aliases: [], timeZone: 'Asia/Tokyo', latitude: 35.6762, longitude: 139.6503 },
	{
		name: 'Beijing',
		aliases: [],
		timeZone: 'Asia/Shanghai',
		latitude: 39.9042,
		longitude: 116.4074
	},
	{ name: 'Ukraine', aliases: [], timeZone: 'Europe/Kyiv', latitude: 48.3794, longitude: 31.1656 },
	{ name: 'Russia', aliases: [], timeZone: 'Europe/Moscow', latitude: 61.524, longitude: 105.3188 },
	{ name: 'Poland', aliases: [], timeZone: 'Europe/Warsaw', latitude: 51.9194, longitude: 19.1451 },
	{
		name: 'Israel',
		aliases: [],
		timeZone: 'Asia/Jerusalem',
		latitude: 31.0461,
		longitude: 34.8516
	},
	{
		name: 'Florida',
		aliases: [],
		timeZone: 'America/New_York',
		latitude: 27.6648,
		longitude: -81.5158
	}
];

/** The place's IANA zone, by name or alias (case-insensitive). */
export function placeByName(name: string): Place | undefined {
	const key = name.toLowerCase();
	return (
		PLACES.find(
			(place) =>
				place.name.toLowerCase() === key || place.aliases.some((a) => a.toLowerCase() === key)
		) ?? worldPlace(name)
	);
}

/** A whole country: it does not place an event (a city or region does). */
export const isCountry = (name: string) =>
	['Ukraine', 'Russia', 'Poland', 'Israel', 'Florida'].includes(name) ||
	worldPlace(name)?.country === true;

/** Words that continue a place's name: "Donetsk Oblast", "Gaza Strip", "Kherson Region". */
const PLACE_WORDS =
	/^(?:Oblast|Region|Province|Governorate|State|City|County|District|Valley|Strip|Bank|Airport|Port|Harbou?r|Square|Street|Bay|Sea|River|Island|Islands|Mountains?)$/;

const TITLES = new Set(
	'President Prime Minister Foreign Defence Defense Finance Secretary Governor Mayor Envoy Special Chancellor Mr Mrs Ms Dr General Gen King Queen Pope Senator Representative Spokesman Spokeswoman Chief Deputy Vice Regional Presidential Adviser Aide Commander Colonel Lieutenant Justice Judge Coach Captain Sir Lord Lady Professor Minister'.split(
		' '
	)
);
const ORG_WORDS = new Set(
	'Ministry Council Party Union Agency Bank Commission Company Corp Corporation Group Forces Army Navy Parliament Committee Organisation Organization Fund Court Office Department Service Institute University Association Authority Club Federation Assembly Senate Congress Guard Kremlin Pentagon Hamas NATO Airlines Inc Ltd'.split(
		' '
	)
);
const NOT_NAMES = new Set(
	'The A An In On At But And Or If As After Before When While During Under Over For From With Without By To Of It Its He She They We His Her Their This That These Those There Here What Who Why How Both Neither Some Many Most All Any Each Outlook Fighting Meanwhile However January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday US UK EU UN Ukrainian Russian American European Israeli Palestinian Chinese Japanese British French German Polish Western Eastern First Second Third Fourth Fifth Day Days Week Talks Meet Officials Say Says'.split(
		' '
	)
);

const NAME_RUN = /\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}’'-]*)*/gu;

/** Built-in known entities: the gazetteer's places. */
export function gazetteer(): KnownEntity[] {
	return PLACES.map((place) => ({ kind: 'place', name: place.name, aliases: place.aliases }));
}

/**
 * The entities `text` mentions, most-mentioned first. `known` entities match by name or alias
 * (longest first, case-sensitive); other capitalised runs are classified by their words.
 */
export function extractEntities(text: string, known: KnownEntity[]): FoundEntity[] {
	const covered: boolean[] = new Array<boolean>(text.length).fill(false);
	const found = new Map<string, FoundEntity>();
	const keyOf = (kind: string, name: string) => `${kind}:${name.toLowerCase()}`;
	const count = (entity: KnownEntity, alias?: string) => {
		const key = keyOf(entity.kind, entity.name);
		const entry = found.get(key) ?? { ...entity, aliases: [...entity.aliases], mentions: 0 };
		entry.mentions += 1;
		if (alias && alias !== entry.name && !entry.aliases.includes(alias)) entry.aliases.push(alias);
		found.set(key, entry);
	};
	const claim = (start: number, end: number) => {
		for (let i = start; i < end; i++) covered[i] = true;
	};
	const free = (start: number, end: number) => covered.slice(start, end).every((c) => !c);

	const forms = [...known, ...gazetteer()]
		.flatMap((entity) => [entity.name, ...entity.aliases].map((form) => ({ entity, form })))
		.filter(({ form }) => form.trim().length > 1)
		.sort((a, b) => b.form.length - a.form.length);
	for (const { entity, form } of forms) {
		const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'gu');
		for (const match of text.matchAll(pattern)) {
			const start = match.index;
			if (!free(start, start + form.length)) continue;
			claim(start, start + form.length);
			count(entity);
		}
	}

	// The world's cities and countries inside capitalised runs ("in Khartoum", "Sudan’s army"),
	// the longest run of words first.
	for (const match of text.matchAll(NAME_RUN)) {
		const words = match[0].split(/\s+/);
		let offset = match.index;
		const starts = words.map((word) => {
			const at = text.indexOf(word, offset);
			offset = at + word.length;
			return at;
		});
		for (let i = 0; i < words.length; i++) {
			for (let j = words.length; j > i; j--) {
				const phrase = words
					.slice(i, j)
					.join(' ')
					.replace(/[’']s$/, '');
				const place = worldPlace(phrase);
				const start = starts[i]!;
				if (!place || !free(start, start + phrase.length)) continue;
				// "Vladimir Putin", "Jordan Bardella": a place's name followed by a surname is a
				// first name ("Kyiv Mayor …", "Donetsk Oblast" are still places).
				const after = words[j]?.replace(/[’']s$/, '');
				if (
					after &&
					/^\p{Lu}\p{Ll}+$/u.test(after) &&
					!TITLES.has(after) &&
					!ORG_WORDS.has(after) &&
					!NOT_NAMES.has(after) &&
					!PLACE_WORDS.test(after) &&
					!worldPlace(after)
				)
					continue;
				claim(start, start + phrase.length);
				count({ kind: 'place', name: place.name, aliases: [] });
				i = j - 1;
				break;
			}
		}
	}

	// Acronyms of groups: "RSF", "HTS", "NATO" (not the country shorthands).
	for (const match of text.matchAll(/\b[A-Z]{2,5}\b/g)) {
		if (NOT_NAMES.has(match[0]) || !free(match.index, match.index + match[0].length)) continue;
		claim(match.index, match.index + match[0].length);
		count({ kind: 'organisation', name: match[0], aliases: [] });
	}

	for (const match of text.matchAll(NAME_RUN)) {
		const start = match.index;
		if (!free(start, start + match[0].length)) continue;
		let words = match[0].split(/\s+/);
		while (words.length && (TITLES.has(words[0]!) || NOT_NAMES.has(words[0]!))) words.shift();
		words = words.map((word) => word.replace(/[’']s$/, ''));
		if (words.length < 2 || words.some((word) => NOT_NAMES.has(word))) continue;
		const name = words.join(' ');
		const isOrg = words.some((word) => ORG_WORDS.has(word));
		const isPerson =
			!isOrg && words.length <= 3 && words.every((word) => /^\p{Lu}[\p{Ll}’'-]+$/u.test(word));
		if (!isOrg && !isPerson) continue;
		const entity: KnownEntity = { kind: isOrg ? 'organisation' : 'person', name, aliases: [] };
		count(entity);
		claim(start, start + match[0].length);
	}

	// "Witkoff" after "Steve Witkoff": a surname alone is the person already named.
	for (const person of [...found.values()].filter((e) => e.kind === 'person')) {
		const surname = person.name.split(' ').at(-1)!;
		if (surname === person.name || person.aliases.includes(surname)) continue;
		const pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(surname)}(?![\\p{L}])`, 'gu');
		for (const match of text.matchAll(pattern)) {
			if (!free(match.index, match.index + surname.length)) continue;
			claim(match.index, match.index + surname.length);
			count(person, surname);
		}
	}
	return [...found.values()].sort(
		(a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)
	);
}
