/**
 * The desk's words in the signed-in staff member's language: the desk layout's load puts their
 * `locale` (users.locale) in the page data, so any desk component can translate without props.
 */
import { page } from '$app/state';
import { translator, type Translate } from '$lib/i18n';
import { localise } from '$lib/i18n/server-messages';

/** The desk's interface language for this page (English outside the desk). */
export function deskLocale(): string {
	const locale: unknown = page.data.locale;
	return typeof locale === 'string' ? locale : 'en';
}

/** Call inside `$derived` so the words follow a change of language. */
export function deskTranslator(): Translate {
	return translator(deskLocale());
}

/** A server answer ("Give the event a title.") in the desk's language; as it came if unknown. */
export function deskSays(message: string): string;
export function deskSays(message: string | undefined): string | undefined;
export function deskSays(message: string | undefined): string | undefined {
	return localise(message, deskLocale());
}

/** A language's name in the desk's language ("Ukrainian", "українська"); the tag if unknown. */
export function languageName(tag: string, locale = deskLocale()): string {
	try {
		return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
	} catch {
		return tag;
	}
}

/** Languages a newsroom is most likely to write in, offered first in language menus. */
export const CONTENT_LANGUAGES = [
	'en',
	'uk',
	'ru',
	'pl',
	'de',
	'fr',
	'es',
	'it',
	'pt',
	'ro',
	'tr',
	'ar',
	'fa',
	'he',
	'zh',
	'ja',
	'und'
] as const;
