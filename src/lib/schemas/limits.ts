/**
 * The one table of text limits, in characters (UTF-16 units, as the browser's `maxlength` and
 * JSON Schema's `maxLength` count them). Every door reads its limit here, so a field is capped
 * the same on the desk form, on POST and on PATCH, and the OpenAPI document says so.
 */
export const LIMITS = {
	/** Story and event titles. */
	title: 300,
	slug: 120,
	summary: 5_000,
	description: 10_000,
	attribution: 300,
	/** The article's words quoted as a source of an event. */
	evidence: 2_000,
	/** Actors (people, organisations, places) and their aliases, place names. */
	name: 300,
	aliases: 2_000,
	timeZone: 64,
	headline: 500,
	dek: 2_000,
	/** The outlet and its section. */
	outlet: 200,
	section: 200,
	url: 2_000,
	/** An event's media: its caption, its credit (photographer, agency) and its alt text. */
	mediaCaption: 500,
	mediaCredit: 200,
	mediaAlt: 500,
	language: 35,
	tokenName: 100,
	displayName: 200,
	email: 254,
	/** Passwords count code points (an emoji is one), checked before hashing. */
	password: 256,
	/** A date or time as text, in any format a door accepts. */
	dateText: 64,
	/** Free-text search. */
	query: 200
} as const;

export type TextField = keyof typeof LIMITS;

/** Dates are years 1–9999: what ISO 8601 writes with four digits and PostgreSQL stores. */
export const YEAR_MIN = 1;
export const YEAR_MAX = 9999;
