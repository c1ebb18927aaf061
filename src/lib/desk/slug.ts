/**
 * A story's slug from its title. Latin and Cyrillic titles transliterate to ASCII with
 * @sindresorhus/slugify (Ukrainian by the national 2010 table when the story is Ukrainian:
 * "Переговори в Маямі" → "perehovory-v-maiami"); scripts it cannot spell in ASCII (Chinese,
 * Japanese…) keep their letters, as a Unicode slug.
 */
import slugifyAscii from '@sindresorhus/slugify';

// Ukraine's official romanisation (Cabinet resolution 55, 2010), in-word forms.
const UKRAINIAN: [string, string][] = [
	['г', 'h'],
	['ґ', 'g'],
	['и', 'y'],
	['і', 'i'],
	['ї', 'i'],
	['й', 'i'],
	['є', 'ie'],
	['ж', 'zh'],
	['х', 'kh'],
	['ц', 'ts'],
	['ч', 'ch'],
	['ш', 'sh'],
	['щ', 'shch'],
	['ю', 'iu'],
	['я', 'ia'],
	['ь', ''],
	["'", ''],
	['’', '']
];

/** Letters of any script (lower-case where the script has case), combining marks and digits. */
const WORD = '[\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{Nd}]+';
/** What the slug schema and the story routes accept: words joined by single hyphens. */
export const SLUG_REGEX = new RegExp(`^${WORD}(?:-${WORD})*$`, 'u');
export const SLUG_PATTERN = SLUG_REGEX.source;

function cut(slug: string, maxLength: number): string {
	return Array.from(slug).slice(0, maxLength).join('').replace(/-+$/, '');
}

/** A title as Unicode words, when there is no ASCII spelling of it. */
function unicodeSlug(title: string): string {
	return title
		.normalize('NFC')
		.toLocaleLowerCase()
		.replace(/[^\p{L}\p{M}\p{Nd}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
}

/**
 * 'Peace talks: Geneva, round 2' → 'peace-talks-geneva-round-2', at most `maxLength` characters
 * (stories allow 120; a base that may get a "-2" suffix wants less). `language` (BCP 47) picks
 * the transliteration; '' when the title has no letters or digits at all.
 */
export function slugify(title: string, maxLength = 120, language = ''): string {
	const ukrainian = language.toLowerCase().split('-')[0] === 'uk';
	const ascii = slugifyAscii(title, {
		customReplacements: ukrainian
			? [...UKRAINIAN, ...UKRAINIAN.map(([from, to]): [string, string] => [from.toUpperCase(), to])]
			: []
	});
	const slug = ascii || unicodeSlug(title);
	return SLUG_REGEX.test(slug) ? cut(slug, maxLength) : '';
}
