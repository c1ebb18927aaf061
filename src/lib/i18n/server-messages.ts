/**
 * The desk's words for what the server says. Commands, schemas and form actions answer in
 * English, the API's language; a desk page in another language shows the same answer from its
 * message file. The templates under `server` in en.json are the server's own sentences, with
 * their values as {placeholders}; a unit test holds every sentence the server can give to one of
 * them, so a new message cannot reach a Ukrainian desk in English unnoticed.
 */
import { MESSAGES, translator, type MessageKey, type MessageValues } from './translate';
import { uiLocale } from './locales';

interface Template {
	key: MessageKey;
	pattern: RegExp;
	names: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let compiled: Template[] | undefined;

/** The English templates as patterns, the longest first so the most specific one wins. */
function templates(): Template[] {
	compiled ??= Object.entries(MESSAGES.en.server as Record<string, string>)
		.sort(([, a], [, b]) => b.length - a.length)
		.map(([key, english]) => {
			const names = [...english.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
			const source = english
				.split(/\{\w+\}/)
				.map(escape)
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
	const found = serverTemplate(message);
	return found ? translator(tag)(found.key, found.values) : message;
}
