import { describe, expect, it } from 'vitest';
import { slugify, SLUG_REGEX } from '../../src/lib/desk/slug';
import { storyFields } from '../../src/lib/schemas/story';
import { detectLanguage, guessStoryLanguage } from '../../src/lib/server/ingest/language';

describe('slugify', () => {
	it('spells a Ukrainian title in ASCII by the Ukrainian table', () => {
		expect(slugify('Переговори в Маямі', 120, 'uk')).toBe('perehovory-v-maiami');
		expect(slugify('Київ: Україна', 120, 'uk')).toBe('kyiv-ukraina');
	});

	it('spells other Cyrillic and accented Latin titles in ASCII too', () => {
		expect(slugify('Переговоры в Майами', 120, 'ru')).toBe('peregovory-v-mayami');
		expect(slugify('Peace talks: Genève, round 2!')).toBe('peace-talks-geneve-round-2');
	});

	it('keeps letters it cannot spell in ASCII, as a Unicode slug the schema accepts', () => {
		const slug = slugify('和平谈判');
		expect(slug).toBe('和平谈判');
		expect(SLUG_REGEX.test(slug)).toBe(true);
	});

	it('gives nothing for a title without letters or digits, and cuts long titles at a word', () => {
		expect(slugify('!!! ???')).toBe('');
		const long = slugify('Переговори '.repeat(30), 80, 'uk');
		expect(long.length).toBeLessThanOrEqual(80);
		expect(long.endsWith('-')).toBe(false);
	});
});

describe('the slug schema', () => {
	it('accepts lower-case words of any script and refuses capitals, spaces and double hyphens', () => {
		for (const ok of ['переговори-в-маямі', 'talks-2', 'محادثات-السلام', '和平谈判'])
			expect(storyFields.slug.safeParse(ok).success, ok).toBe(true);
		for (const bad of ['Переговори', 'два слова', 'a--b', '-a', 'a/b', 'a.b'])
			expect(storyFields.slug.safeParse(bad).success, bad).toBe(false);
	});
});

describe('language detection', () => {
	it('tells Ukrainian from Russian, and says und for text too short', () => {
		expect(
			detectLanguage('Переговори в Маямі тривали до пізньої ночі, сторони обговорили обмін.')
		).toBe('uk');
		expect(
			detectLanguage('Переговоры в Майами продолжались до поздней ночи, стороны обсудили обмен.')
		).toBe('ru');
		expect(detectLanguage('Talks go on.')).toBe('und');
		// A short item on which two languages all but tie is undetermined, not the wrong one
		// (franc scores it Spanish 1, English 0.973).
		expect(
			detectLanguage(
				'Warsaw talks go on (b5a947de)\n\nInes Calder met Tomasz Wrona in Warsaw on Monday, officials confirmed.'
			)
		).toBe('und');
		expect(
			detectLanguage('Ines Calder met Tomasz Wrona in Warsaw on Monday, officials confirmed.')
		).toBe('en');
		expect(
			detectLanguage(
				'Las conversaciones en Varsovia continúan el lunes, confirmaron los funcionarios.'
			)
		).toBe('es');
	});

	it('guesses a short story title by its alphabet, English for Latin letters', () => {
		expect(guessStoryLanguage('Переговори в Маямі')).toBe('uk');
		expect(guessStoryLanguage('Peace talks')).toBe('en');
	});
});
