import { IntlMessageFormat } from 'intl-messageformat';
import en from './messages/en.json';
import uk from './messages/uk.json';
import ar from './messages/ar.json';
import { uiLocale, type UiLocale } from './locales';

// Messages are ICU MessageFormat (plural and select included: Ukrainian needs one/few/many/other),
// formatted by intl-messageformat, which needs no compile step, so vite, vitest, svelte-check
// and the tsx scripts all read the same JSON files.
type Tree = { [key: string]: string | Tree };
type Leaves<T, P extends string = ''> = {
	[K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof en>;
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export const MESSAGES: Record<UiLocale, Tree> = { en, uk, ar };

function lookup(tree: Tree, key: string): string | undefined {
	let node: string | Tree | undefined = tree;
	for (const part of key.split('.')) {
		if (node === undefined || typeof node === 'string') return undefined;
		node = node[part];
	}
	return typeof node === 'string' ? node : undefined;
}

const formats = new Map<string, IntlMessageFormat>();

function format(tag: string, locale: UiLocale, key: string): IntlMessageFormat {
	const id = `${tag}\u0000${key}`;
	let compiled = formats.get(id);
	if (!compiled) {
		// A message missing from a newer language falls back to English rather than to its key.
		const source = lookup(MESSAGES[locale], key) ?? lookup(MESSAGES.en, key) ?? key;
		compiled = new IntlMessageFormat(source, tag, undefined, { ignoreTag: true });
		formats.set(id, compiled);
	}
	return compiled;
}

/**
 * A translate function for a BCP 47 tag: words from that language's message file (English if
 * we have none), numbers, plurals and dates in the tag itself.
 */
export function translator(tag: string | null | undefined): Translate {
	const locale = uiLocale(tag);
	const formatTag = tag && safeTag(tag) ? safeTag(tag)! : locale;
	return (key, values) => String(format(formatTag, locale, key).format(values));
}

function safeTag(tag: string): string | null {
	try {
		return Intl.getCanonicalLocales(tag)[0] ?? null;
	} catch {
		return null;
	}
}
