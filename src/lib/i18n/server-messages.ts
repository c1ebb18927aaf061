/**
 * The desk's words for what the server says. Commands, schemas and form actions answer in
 * English, the API's language; a desk page in another language shows the same answer from its
 * message file. The templates under `server` in en.json are the server's own sentences, with
 * their values as {placeholders}; a unit test holds every sentence the server can give to one of
 * them, so a new message cannot reach a Ukrainian desk in English unnoticed.
 */
import { MESSAGES, translator, type MessageKey, type MessageValues } from './translate';
import { uiLocale } from './locales';
import { escapeRegExp } from '../format/regexp';

interface Template {
	key: MessageKey;
	pattern: RegExp;
	names: string[];
}

let compiled: Template[] | undefined;

const holes = (template: string) => (template.match(/\{\w+\}/g) ?? []).length;

/**
 * The English templates as patterns, most specific first: fixed sentences before those with
 * values ("two days" before "{count} days"), then the longest.
 */
function templates(): Template[] {
	compiled ??= Object.entries(MESSAGES.en.server as Record<string, string>)
		.sort(([, a], [, b]) => holes(a) - holes(b) || b.length - a.length)
		.map(([key, english]) => {
			const names = [...english.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
			const source = english
				.split(/\{\w+\}/)
				.map(escapeRegExp)
				.join('(.+?)');
			return { key: `server.${key}` as MessageKey, pattern: new RegExp(`^${source}$`), names };
		});
	return compiled;
}

/** "1,440" as the English server wrote it is a number, formatted again in the reader's locale. */
const valueOf = (text: string): string | number =>
	/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(text) ? Number(text.replace(/,/g, '')) : text;

/** Which template an English server message is, with its values; undefined when none. */
export function serverTemplate(
	message: string
): { key: MessageKey; values: MessageValues } | undefined {
	for (const { key, pattern, names } of templates()) {
		const match = pattern.exec(message);
		if (!match) continue;
		const values: MessageValues = {};
		names.forEach((name, i) => (values[name] = valueOf(match[i + 1]!)));
		return { key, values };
	}
	return undefined;
}

/**
 * Values that are themselves server words ("two days" in "continues ‘…’ two days after the last
 * update"), said again in the language; other values (titles, names) are the newsroom's own.
 */
const NESTED = new Set(['span']);

function say(message: string, tag: string | null | undefined): string | undefined {
	const found = serverTemplate(message);
	if (!found) return undefined;
	for (const [name, value] of Object.entries(found.values))
		if (NESTED.has(name) && typeof value === 'string')
			found.values[name] = say(value, tag) ?? value;
	return translator(tag)(found.key, found.values);
}

/**
 * A server message in the desk's language (`tag`): its template's translation, or the message
 * as it came when it is no known template (an answer already translated, a database's words).
 */
export function localise(message: string, tag: string | null | undefined): string;
export function localise(
	message: string | undefined,
	tag: string | null | undefined
): string | undefined;
export function localise(
	message: string | undefined,
	tag: string | null | undefined
): string | undefined {
	if (!message || uiLocale(tag) === 'en') return message;
	return say(message, tag) ?? message;
}
