// The interface languages: one message file each in ./messages. A story, an embed's `lang=`
// or a desk user picks one; anything else falls back to English. Dates and numbers are still
// formatted in the full tag the reader asked for (e.g. `ar-EG`), only the words come from here.
export const UI_LOCALES = ['en', 'uk', 'ar'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];
export const DEFAULT_LOCALE: UiLocale = 'en';

// Scripts written right to left, by primary language subtag.
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

function primary(tag: string): string {
	return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** The interface language for a BCP 47 tag: its primary language if we have its messages. */
export function uiLocale(tag: string | null | undefined): UiLocale {
	if (!tag) return DEFAULT_LOCALE;
	const language = primary(tag);
	return (UI_LOCALES as readonly string[]).includes(language)
		? (language as UiLocale)
		: DEFAULT_LOCALE;
}

export function textDirection(tag: string | null | undefined): 'ltr' | 'rtl' {
	return tag && RTL.has(primary(tag)) ? 'rtl' : 'ltr';
}

/**
 * The first of `supported` that an Accept-Language header asks for, by its q order ("uk-UA,
 * uk;q=0.9,en;q=0.8" → "uk"), else English: the language of a page shown before anyone signs in.
 */
export function acceptedLanguage(
	header: string | null | undefined,
	supported: readonly string[]
): string {
	const asked = (header ?? '')
		.split(',')
		.map((part, order) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = Number(/^\s*q=([\d.]+)\s*$/.exec(params.join(';'))?.[1] ?? '1');
			return { language: primary(tag), q: Number.isFinite(q) ? q : 0, order };
		})
		.filter((a) => a.language && a.q > 0)
		.sort((a, b) => b.q - a.q || a.order - b.order);
	return asked.find((a) => supported.includes(a.language))?.language ?? DEFAULT_LOCALE;
}
