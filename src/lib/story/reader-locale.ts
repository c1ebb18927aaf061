/**
 * The interface language of a reader page: `?lang=` when it names a language we have words for,
 * else the story's own language, else English. `?lang=` is read exactly as the embed reads its
 * `lang` (embed/options.ts), so a snippet's tag and a page's link agree. A tag whose language
 * has no message file is passed over rather than shown: the page would claim `lang="de"` over
 * English words, and a screen reader would read them in a German voice.
 */
import { parseEmbedOptions } from '$lib/embed/options';
import { DEFAULT_LOCALE, textDirection, uiLocale } from '$lib/i18n/locales';

export interface ReaderLocale {
	/** A BCP 47 tag (`uk`, `ar-EG`): words from its language, dates and numbers in the tag. */
	locale: string;
	dir: 'ltr' | 'rtl';
}

/** `?lang=` as the embed validates it; null when absent or not a tag Intl knows. */
export function requestedLang(params: URLSearchParams): string | null {
	const raw = params.get('lang')?.trim();
	if (!raw) return null;
	const parsed = parseEmbedOptions(new URLSearchParams([['lang', raw]])).lang;
	// The parser falls back to its default, English, for a bad tag: only a real `en` is English.
	return parsed !== DEFAULT_LOCALE || raw.toLowerCase() === DEFAULT_LOCALE ? parsed : null;
}

/** Whether we have the words of this tag's language (English included). */
const usable = (tag: string | null | undefined): tag is string =>
	!!tag &&
	(uiLocale(tag) !== DEFAULT_LOCALE || tag.toLowerCase().split(/[-_]/)[0] === DEFAULT_LOCALE);

/**
 * Picks the page's locale from the query and the story's language (null while a story has none
 * recorded: stories written before languages were stored are English).
 */
export function readerLocale(params: URLSearchParams, storyLanguage?: string | null): ReaderLocale {
	const locale =
		[requestedLang(params), storyLanguage?.trim() || null].find(usable) ?? DEFAULT_LOCALE;
	return { locale, dir: textDirection(locale) };
}

/** The story row's language, read defensively: a row without the field is an English story. */
export function storyLanguage(story: object): string | null {
	const value = (story as { language?: unknown }).language;
	return typeof value === 'string' ? value : null;
}

/**
 * A link within the reader's pages that keeps the language the reader chose with `?lang=`
 * (a page in its story's own language needs no parameter to stay in it).
 */
export function keepLang(path: string, params: URLSearchParams): string {
	const lang = requestedLang(params);
	if (!lang) return path;
	return `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams({ lang })}`;
}
